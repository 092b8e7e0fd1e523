import { PROBE_HELLO_EVENT, PROBE_PORT_EVENT } from '../wire';

/**
 * The private line between the main-world probe and our isolated scripts.
 *
 * Both ends run at document_start, before any of the page's scripts (Chrome and MDN
 * content-script docs: document_start scripts run "before any other script is run"), but which
 * of the two runs first is promised nowhere for the custom platforms' dynamic registration
 * (lib/background/custom-scripts.ts). So whichever runs second completes the handshake:
 * - probe first: it listens for the port event; the isolated end, when it runs, makes a
 *   MessageChannel and dispatches that event with one port, synchronously; the probe takes the
 *   port and cancels the event, which is how the isolated end knows it was taken;
 * - isolated end first: its offer is not taken, so it listens for the probe's hello event
 *   instead; the probe, when it runs, listens for the port and says hello, and the isolated
 *   end answers with the same offer as above, inside that dispatch.
 * Each end takes or answers once, then stops listening. A side still waiting also stops at the
 * first change to the document: no page script can run before the parser has put its <script>
 * element in the tree, and the HTML parser runs a microtask checkpoint (which delivers
 * MutationObserver records) before it runs a script. So by the page's first line nobody
 * listens for either event, the port is in the probe's closure, and nothing is in the DOM or
 * on `window`; a page that dispatches either event gets no answer, not even a sign that
 * Anteroom is installed.
 *
 * What a hostile page can do, by ordering:
 * - its scripts run after both of ours (the document_start promise): the handshake is over,
 *   both listeners are gone; offers and hellos go unheard; prototypes it patches
 *   (addEventListener, MessagePort.postMessage, MessageChannel…) were captured by the probe at
 *   document_start, and the isolated end lives in a world the page cannot touch;
 * - its scripts ran before ours (a script injected late, as Firefox does into tabs already open
 *   when the extension is installed): the isolated end sees it in its own view of the document
 *   (not loading any more, or a <script> already parsed), which the page cannot fake, and
 *   neither offers nor listens, so the page cannot get a port from it; the call watch is
 *   simply absent on that load;
 * - a script between ours (not possible from the page's own document; conceivably another
 *   same-origin window reaching in while Firefox injects our two scripts in separate tasks):
 *   it could win the handshake and so silence the probe's news. It never gets anything the
 *   isolated end holds (nothing travels from it to the probe), and in Firefox the background
 *   also asks the browser's own sharing report before every unlock (README.md, "In a call").
 */

/** No page script can have run yet: nothing is parsed past <html>'s start, or not a <script>. */
const beforePageScripts = () => document.readyState === 'loading' && document.scripts.length === 0;

/**
 * Calls `stop` at the first change to the document (or never, if `stop` is returned early).
 * The observer's methods are captured here, before the page could replace them.
 */
function untilDocumentChanges(stop: () => void): () => void {
  const observer = new MutationObserver(() => stop());
  observer.observe(document, { childList: true, subtree: true });
  return observer.disconnect.bind(observer);
}

/** Main world: waits for the port; call at document_start, before the page can run. */
export function awaitProbePort(): (message: object) => void {
  // Captured now: a page could replace these prototypes' methods later to read or drop our news.
  const postMessage = MessagePort.prototype.postMessage;
  const removeEventListener = window.removeEventListener.bind(window);
  const apply = Reflect.apply;
  let port: MessagePort | undefined;
  let disconnect: (() => void) | undefined;
  const stop = () => {
    removeEventListener(PROBE_PORT_EVENT, take);
    disconnect?.();
  };
  const take = (event: Event) => {
    const offered = (event as MessageEvent).ports?.[0];
    if (port || !offered) return;
    port = offered;
    event.preventDefault();
    stop();
  };
  if (beforePageScripts()) {
    window.addEventListener(PROBE_PORT_EVENT, take);
    // An isolated end that ran first is waiting for this, and answers inside the dispatch.
    window.dispatchEvent(new Event(PROBE_HELLO_EVENT));
    if (!port) disconnect = untilDocumentChanges(stop);
  }
  return (message) => {
    if (port) apply(postMessage, port, [message]);
  };
}

/** What our isolated scripts see of the line: news from the probe, once something listens. */
export interface ProbeLine {
  /** Whether a probe took the port. Settled by the time the document has started to parse. */
  readonly connected: boolean;
  listen(handler: (data: unknown) => void): void;
}

/**
 * Share news heard before anything listens is kept (a share must still lock); stats are not.
 * Past the cap the oldest goes, so the latest share state always reaches the listener.
 */
const MAX_KEPT = 16;

/** Isolated world: offers the port now, or when the probe says hello if it has not run yet. */
export function offerProbePort(): ProbeLine {
  let handler: ((data: unknown) => void) | undefined;
  let connected = false;
  const kept: unknown[] = [];
  const hear = (event: MessageEvent) => {
    if (handler) handler(event.data);
    else if ((event.data as { kind?: unknown } | null)?.kind === 'share') {
      kept.push(event.data);
      if (kept.length > MAX_KEPT) kept.shift();
    }
  };
  /** One offer, with a channel of its own; true when a probe took it. */
  const offer = () => {
    const channel = new MessageChannel();
    const taken = !window.dispatchEvent(new MessageEvent(PROBE_PORT_EVENT, { ports: [channel.port2], cancelable: true }));
    if (!taken) {
      channel.port1.close();
      return false;
    }
    connected = true;
    // Started at once, so news does not pile up on pages where no call watch is ever attached.
    channel.port1.onmessage = hear;
    return true;
  };
  let disconnect: (() => void) | undefined;
  const stop = () => {
    window.removeEventListener(PROBE_HELLO_EVENT, answer);
    disconnect?.();
  };
  // Only the first hello is answered.
  const answer = () => {
    stop();
    offer();
  };
  if (beforePageScripts() && !offer()) {
    // No probe yet: wait for its hello, but only until the page could run.
    window.addEventListener(PROBE_HELLO_EVENT, answer);
    disconnect = untilDocumentChanges(stop);
  }
  return {
    get connected() {
      return connected;
    },
    listen(next) {
      handler = next;
      for (const data of kept.splice(0)) next(data);
    },
  };
}
