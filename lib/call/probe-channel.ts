import { PROBE_PORT_EVENT } from './probe-protocol';

/**
 * The private line between the main-world probe and our isolated scripts.
 *
 * Both ends run at document_start, before any of the page's scripts (Chrome and MDN
 * content-script docs: document_start scripts run "before any other script is run"). The probe
 * goes first (its entry comes first in the manifest, lib/in-page/scripts.ts) and listens for
 * one event; the isolated end (the platform script, next in the manifest) then makes a MessageChannel and dispatches that event, with one
 * port, synchronously. The probe takes the port and cancels the event, which is how the
 * isolated end knows it was taken. By the time the page's first script runs, nobody listens for
 * the event any more and the port is in the probe's closure: there is nothing in the DOM to read
 * and no message on `window` to imitate.
 *
 * A page that could dispatch the event itself would need to run before the probe, which a
 * document_start content script rules out; if the probe never took the port, the isolated end
 * does not listen for anything, so there is nothing to hijack.
 */

/** Main world: listens for the port; call at document_start, before the page can run. */
export function awaitProbePort(): (message: object) => void {
  // Captured now: a page could replace these prototypes' methods later to read or drop our news.
  const postMessage = MessagePort.prototype.postMessage;
  const apply = Reflect.apply;
  let port: MessagePort | undefined;
  const take = (event: Event) => {
    const offered = (event as MessageEvent).ports?.[0];
    if (port || !offered) return;
    port = offered;
    event.preventDefault();
    window.removeEventListener(PROBE_PORT_EVENT, take);
  };
  window.addEventListener(PROBE_PORT_EVENT, take);
  return (message) => {
    if (port) apply(postMessage, port, [message]);
  };
}

/** What our isolated scripts see of the line: news from the probe, once something listens. */
export interface ProbeLine {
  listen(handler: (data: unknown) => void): void;
}

/**
 * Share news heard before anything listens is kept (a share must still lock); stats are not.
 * Past the cap the oldest goes, so the latest share state always reaches the listener.
 */
const MAX_KEPT = 16;

/** Isolated world: offers the port; returns the line, or undefined when no probe took it. */
export function offerProbePort(): ProbeLine | undefined {
  const channel = new MessageChannel();
  const taken = !window.dispatchEvent(new MessageEvent(PROBE_PORT_EVENT, { ports: [channel.port2], cancelable: true }));
  if (!taken) {
    channel.port1.close();
    return undefined;
  }
  let handler: ((data: unknown) => void) | undefined;
  const kept: unknown[] = [];
  // Started at once, so news does not pile up on pages where no call watch is ever attached.
  channel.port1.onmessage = (event) => {
    if (handler) handler(event.data);
    else if ((event.data as { kind?: unknown } | null)?.kind === 'share') {
      kept.push(event.data);
      if (kept.length > MAX_KEPT) kept.shift();
    }
  };
  return {
    listen(next) {
      handler = next;
      for (const data of kept.splice(0)) next(data);
    },
  };
}
