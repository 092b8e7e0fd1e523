import * as v from 'valibot';
import { browser, type Browser } from 'wxt/browser';
import { messageType } from '@/lib/bus/listen';
import type { AnyOperation, Effect, ReplyOf, RequestOf, SenderKind, TableOf } from '@/lib/bus/protocol';
import { classifySender, type OwnExtension } from './sender';

/**
 * The background's one message listener. For each message it classifies the sender once, finds
 * the operation by its exact type in the protocol table, refuses a sender the operation does
 * not allow, checks the payload against the operation's schema, and only then runs the handler
 * and the operation's effects. A refused or malformed message gets no answer at all: not an
 * error that would tell a web page what exists here.
 */

export interface Sender {
  kind: SenderKind;
  /** The browser's own report, for handlers that need the tab or the page's URL. */
  raw: Browser.runtime.MessageSender;
}

/** A row of the assembled table: the shared operation and the background's handler for it. */
export interface Route {
  schema: v.GenericSchema;
  allowedSenders: readonly SenderKind[];
  effects: readonly Effect[];
  /** May also arrive over the service worker's message channel (worker-listener.ts). */
  bulk: boolean;
  handler(request: never, sender: Sender): unknown;
}

/** One handler per operation in a domain's table, typed from it. */
export type HandlersFor<D extends TableOf> = {
  [T in keyof D]: (request: RequestOf<D[T]>, sender: Sender) => Promise<ReplyOf<D[T]>> | ReplyOf<D[T]>;
};

/**
 * A domain as the bus runs it: its table, its handlers, what its effects do, and how an answer
 * goes on the wire (`answer`: the vault and the reminders send a Result, so a thrown error
 * becomes `{ ok: false }`; the others send the value as it is).
 */
export interface Domain {
  routes: ReadonlyMap<string, Route>;
  effects: Partial<Record<Effect, () => Promise<void>>>;
  answer(work: () => Promise<unknown>): Promise<unknown>;
}

export function domain<D extends TableOf>(
  table: D,
  handlers: HandlersFor<D>,
  options: { effects?: Domain['effects']; answer?: Domain['answer'] } = {},
): Domain {
  const routes = new Map<string, Route>();
  for (const [type, operation] of Object.entries(table) as [string, AnyOperation][]) {
    routes.set(type, {
      schema: operation.schema,
      allowedSenders: operation.allowedSenders,
      effects: operation.effects,
      bulk: operation.bulk,
      handler: handlers[type] as Route['handler'],
    });
  }
  return { routes, effects: options.effects ?? {}, answer: options.answer ?? ((work) => work()) };
}

export const ownExtension = (): OwnExtension => ({ id: browser.runtime.id, base: browser.runtime.getURL('/') });

/**
 * The listener: a promise of the answer, or undefined for "no answer". `via` is how the message
 * came: a runtime message, or a page's post to the service worker, which only `bulk`
 * operations take.
 */
export type Bus = (message: unknown, sender: Browser.runtime.MessageSender, via?: 'runtime' | 'worker') => Promise<unknown> | undefined;

export function createBus(domains: readonly Domain[], own: () => OwnExtension = ownExtension): Bus {
  const table = new Map<string, { route: Route; domain: Domain }>();
  for (const d of domains) {
    for (const [type, route] of d.routes) {
      if (table.has(type)) throw new Error(`Two handlers for ${type}`);
      table.set(type, { route, domain: d });
    }
  }
  return (message, raw, via = 'runtime') => {
    const found = table.get(messageType(message) ?? '');
    if (!found) return undefined;
    const { route, domain: d } = found;
    if (via === 'worker' && !route.bulk) return undefined;
    const kind = classifySender(raw, own());
    if (!route.allowedSenders.includes(kind)) return undefined;
    const parsed = v.safeParse(route.schema, message);
    if (!parsed.success) return undefined;
    return d.answer(async () => {
      const value = await route.handler(parsed.output as never, { kind, raw });
      // Before answering, so a page that reads next finds the change everywhere. An effect's
      // failure never fails the request: the change itself is already made.
      for (const effect of route.effects) await d.effects[effect]?.().catch(() => undefined);
      return value;
    });
  };
}
