import type { Browser } from 'wxt/browser';
import { ownExtension, type Bus } from './bus';
import type { OwnExtension } from './sender';

/**
 * The service worker's side of lib/bus/worker-channel.ts (Chrome; Firefox's event page has no
 * such channel and its pages send runtime messages). Only a window on our own origin can post
 * to this worker: a web page or a content script has no handle on it. Even so, each message is
 * placed as a runtime message would be, and handed to the same bus with `via: 'worker'`, which
 * takes only `bulk` operations there and checks their sender and payload as always.
 */

/** What arrives: the parts of an ExtendableMessageEvent this reads. */
export interface WorkerMessage {
  data: unknown;
  origin: string;
  source: { type?: string; frameType?: string; url?: string } | null;
  ports: readonly MessagePort[];
  waitUntil(done: Promise<unknown>): void;
}

/**
 * The sender as the bus classifies it (sender.ts): one of our pages, in a top-level window of our
 * own origin, or nothing. A framed page is refused here, as the runtime path refuses our page
 * inside a web page's tab; the page side never posts from a frame.
 */
export function workerSender(event: Pick<WorkerMessage, 'origin' | 'source'>, own: OwnExtension): Browser.runtime.MessageSender | undefined {
  const { source } = event;
  if (`${event.origin}/` !== own.base || !source || source.type !== 'window' || source.frameType !== 'top-level') return undefined;
  if (typeof source.url !== 'string' || !source.url.startsWith(own.base)) return undefined;
  return { id: own.id, url: source.url, origin: event.origin };
}

/** Answers one posted message on its port: the bus's answer, or undefined for "no answer". */
export function answerWorkerMessage(bus: Bus, event: WorkerMessage, own: OwnExtension): void {
  const port = event.ports[0];
  if (!port) return;
  const sender = workerSender(event, own);
  const answering = sender ? bus(event.data, sender, 'worker') : undefined;
  const done = Promise.resolve(answering)
    .catch(() => undefined)
    .then((answer) => {
      try {
        port.postMessage(answer);
      } catch {
        // An answer that cannot be cloned reads as no answer, as over a runtime message.
        port.postMessage(undefined);
      }
    })
    .finally(() => port.close());
  // Keeps the worker alive until the answer is posted (a restore takes seconds).
  event.waitUntil(done);
}

/**
 * Adds the worker's message listener; a no-op outside a service worker. Must run while the
 * worker's script is first evaluated, as every service worker event listener must.
 */
export function listenOnWorker(bus: Bus, own: () => OwnExtension = ownExtension): void {
  const scope = globalThis as unknown as { ServiceWorkerGlobalScope?: unknown; addEventListener(type: 'message', listener: (event: WorkerMessage) => void): void };
  if (typeof scope.ServiceWorkerGlobalScope !== 'function' || !(scope instanceof (scope.ServiceWorkerGlobalScope as new () => object))) return;
  scope.addEventListener('message', (event) => answerWorkerMessage(bus, event, own()));
}
