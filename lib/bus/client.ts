import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { messageFor } from '@/lib/error-messages';
import type { AnyOperation, PageCall, ReplyOf, TableOf } from './protocol';
import { backgroundWorker, sendOverWorker } from './worker-channel';

/**
 * The page side of the protocol: a client whose functions are made from a domain's table, so a
 * new operation needs no code here. Each function runs the operation's schema first (a mistake
 * comes back as 'invalid-input' with a reason, not as the background's silence), sends one
 * message (a `bulk` one over worker-channel.ts where it can) and returns the background's
 * Result; nothing here throws.
 */

export interface Failure<Code extends string = string> {
  code: Code | (string & {});
  message: string;
  retryAfterMs?: number;
}

export type Result<T, F = Failure> = { ok: true; value: T } | { ok: false; error: F };

const fail = <T>(code: string, message: string): Result<T> => ({ ok: false, error: { code, message } });

/** "field: what was expected", never the value typed (it could be note text). */
export function describeInvalid(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'This request is not valid.';
  const path = v.getDotPath(issue)?.replace(/^input\./, '');
  const expected = issue.expected ? `expected ${issue.expected}` : 'not valid';
  const custom = issue.message.startsWith('Invalid ') ? undefined : issue.message;
  return custom ?? `${path ?? 'request'}: ${expected}`;
}

/** Sends one request of the operation's shape and returns its Result. */
export async function request<O extends AnyOperation>(operation: O, payload: PayloadOf<O>): Promise<Result<ReplyOf<O>>> {
  const message = { type: operation.type, ...payload };
  const checked = v.safeParse(operation.schema, message);
  if (!checked.success) return fail('invalid-input', describeInvalid(checked.issues));
  try {
    const worker = operation.bulk ? await backgroundWorker() : undefined;
    const answer = (await (worker ? sendOverWorker(worker, message) : browser.runtime.sendMessage(message))) as Result<ReplyOf<O>> | undefined;
    if (typeof answer !== 'object' || answer === null || typeof answer.ok !== 'boolean') {
      return fail('unexpected', messageFor('background-no-answer'));
    }
    return answer;
  } catch {
    return fail('unexpected', messageFor('background-unreachable'));
  }
}

/** What a request carries beside its `type`. */
export type PayloadOf<O extends AnyOperation> = Omit<v.InferInput<O['schema']>, 'type'>;

/** One function per operation that has a page call, named by it. */
export type ClientOf<D extends TableOf, F = Failure> = {
  [T in keyof D as D[T]['call'] extends PageCall<infer Name, infer _A, infer _P> ? Name : never]: D[T] extends { call: PageCall<string, infer Args, infer _P> }
    ? (...args: Args) => Promise<Result<ReplyOf<D[T]>, F>>
    : never;
};

/**
 * Every page call must build what its schema accepts: a row whose call builds something else
 * turns into `never` here, and the table no longer fits clientFor's parameter.
 */
type CheckedCalls<D extends TableOf> = {
  [T in keyof D]: D[T]['call'] extends PageCall<string, infer _A, infer P> ? (P extends PayloadOf<D[T]> ? D[T] : never) : D[T];
};

export function clientFor<D extends TableOf, F = Failure>(table: CheckedCalls<D>): ClientOf<D, F> {
  const client: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const operation of Object.values(table) as AnyOperation[]) {
    const page = operation.call as PageCall<string, unknown[], object> | undefined;
    if (page) client[page.name] = (...args) => request(operation, page.payload(...args));
  }
  return client as ClientOf<D, F>;
}
