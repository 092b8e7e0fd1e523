import * as v from 'valibot';

/**
 * The message protocol's vocabulary: every request the background answers is one operation in
 * a per-domain table (lib/vault-client/messages.ts, lib/reminders/messages.ts, ...), stating its
 * payload's schema, which kinds of sender may send it and what its success sets off. The
 * background adds one handler per operation (lib/background/bus.ts) and a page's client is typed
 * from the same table (client.ts). Pages bundle this file; content scripts never do.
 */

/**
 * Who sent a message, as the background's bus classifies it once (lib/background/sender.ts):
 * one of our own extension pages (popup, options, notes, side panel), our content script in a
 * tab's top frame, our content script in a subframe, or anything else (another extension, a
 * web page, a frame we cannot place).
 */
export type SenderKind = 'extension-page' | 'top-frame-script' | 'subframe-script' | 'other';

/** Our own pages only: the vault, the reminders' setting, the checklist's client choice. */
export const EXTENSION_PAGES = ['extension-page'] as const satisfies readonly SenderKind[];
/** Our in-page scripts, in a tab's top frame only (they are never injected into subframes). */
export const TOP_FRAME_SCRIPTS = ['top-frame-script'] as const satisfies readonly SenderKind[];

/**
 * What an operation's success sets off, run by the bus after the handler and before it answers:
 * `clients-changed` tells the background's watchers of the clients (the reminders' clear copy,
 * the session recorder, the automatic backup); `writes` tells the page that storage works again.
 */
export type Effect = 'clients-changed' | 'writes';

/** Type only: what an operation answers with when it succeeds (`answers<T>()`). */
export interface Answers<T> {
  readonly answerType?: () => T;
}
export const answers = <T>(): Answers<T> => ({});

/** How a page calls an operation: the function's name on the client, and its arguments to the payload. */
export interface PageCall<Name extends string, Args extends unknown[], Payload> {
  name: Name;
  payload: (...args: Args) => Payload;
}

export interface OperationSpec<E extends v.ObjectEntries, R> {
  /** The payload's fields beside `type`; nothing else is accepted (strict object). */
  payload: E;
  answers: Answers<R>;
  allowedSenders: readonly SenderKind[];
  effects?: readonly Effect[];
  /**
   * A rule across fields that no single field's schema can state (an end not before its start),
   * run once the fields parse; a request it refuses is malformed like any other.
   */
  check?: (request: never) => boolean;
  /**
   * The request or its answer is a whole backup file, many megabytes. Pages send it over the
   * background service worker's own message channel where there is one (Chrome), which clones
   * it once instead of turning it into JSON and back (lib/bus/worker-channel.ts); the bus
   * answers nothing else there.
   */
  bulk?: true;
  /** Present when a page calls this through a client built from the table (client.ts). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call?: PageCall<string, any[], unknown>;
}

type WithType<T extends string, E extends v.ObjectEntries> = v.StrictObjectSchema<{ type: v.LiteralSchema<T, undefined> } & E, undefined>;

export interface Operation<T extends string, E extends v.ObjectEntries, R, C> {
  type: T;
  /** The strict object, with the row's `check` after it when it has one. */
  schema: v.GenericSchema<v.InferInput<WithType<T, E>>, v.InferOutput<WithType<T, E>>>;
  allowedSenders: readonly SenderKind[];
  effects: readonly Effect[];
  bulk: boolean;
  answers: Answers<R>;
  call: C;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOperation = Operation<string, any, any, any>;

type OperationsOf<D> = {
  [T in keyof D & string]: D[T] extends { payload: infer E extends v.ObjectEntries; answers: Answers<infer R> }
    ? Operation<T, E, R, D[T] extends { call: infer C } ? C : undefined>
    : never;
};

/** A row's `check` must take the request its schema gives; a mismatch fails the row at compile time. */
type ChecksFit<D> = {
  [T in keyof D & string]: D[T] extends { payload: infer E extends v.ObjectEntries; check: (request: infer P) => boolean }
    ? v.InferOutput<WithType<T, E>> extends P
      ? unknown
      : { check: 'takes a request of another shape than the payload gives' }
    : unknown;
};

/** A domain's table: the key is the message type; each row gets its strict schema with the type in it. */
export function defineOperations<const D extends Record<string, OperationSpec<v.ObjectEntries, unknown>>>(domain: D & ChecksFit<D>): OperationsOf<D> {
  const table: Record<string, AnyOperation> = {};
  for (const [type, spec] of Object.entries(domain as Record<string, OperationSpec<v.ObjectEntries, unknown>>)) {
    const fields = v.strictObject({ type: v.literal(type), ...spec.payload });
    const check = spec.check as ((request: v.InferOutput<typeof fields>) => boolean) | undefined;
    table[type] = {
      type,
      schema: check ? v.pipe(fields, v.check(check)) : fields,
      allowedSenders: spec.allowedSenders,
      effects: spec.effects ?? [],
      bulk: spec.bulk === true,
      answers: spec.answers,
      call: spec.call,
    };
  }
  return table as OperationsOf<D>;
}

/** A page call's description, typed: `call('saveNote', (input: X) => ({ input }))`. */
export const call = <const Name extends string, Args extends unknown[], Payload>(name: Name, payload: (...args: Args) => Payload): PageCall<Name, Args, Payload> => ({
  name,
  payload,
});

export type RequestOf<O> = O extends { schema: infer S extends v.GenericSchema } ? v.InferOutput<S> : never;
export type ReplyOf<O> = O extends { answers: Answers<infer R> } ? R : never;
export type TableOf = Record<string, AnyOperation>;

/** True when A and B are the same type (not merely assignable one way). */
export type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;

/**
 * True when a table and the wire types a valibot-free sender writes by hand (the in-page
 * scripts, lib/in-page/wire.ts) agree: every row's request is exactly the wire type with its
 * `type`, and every wire type has a row. Used as `Assert<MatchesWire<...>>`, so a drift on
 * either side fails the type check.
 */
export type MatchesWire<D extends TableOf, W extends { type: string }> = [Exclude<W['type'], keyof D>] extends [never]
  ? { [T in keyof D & string]: Equal<RequestOf<D[T]>, Extract<W, { type: T }>> }[keyof D & string] extends true
    ? true
    : false
  : false;

/** Compiles only when T is `true`. */
export type Assert<T extends true> = T;
