/**
 * A page's second way to the background, for the operations marked `bulk` (protocol.ts): a
 * whole backup file. Chrome turns a runtime message into JSON and back on its way between
 * processes, which is slow for a file of many megabytes; posted to the background's service
 * worker, the same message is cloned once (the README's budgets give the numbers). The worker
 * side is lib/background/worker-listener.ts; it hands the message to the same bus, which checks
 * it as it checks every runtime message.
 */

/**
 * Our background's service worker, to a page of ours in a top-level window: Chrome. Undefined
 * elsewhere (Firefox runs the background as an event page, with no worker), and the caller sends
 * a runtime message instead. The first page opened as the browser starts can load before the
 * worker controls it, so the registration's active worker is asked for too.
 */
export async function backgroundWorker(): Promise<ServiceWorker | undefined> {
  try {
    if (typeof window === 'undefined' || window.top !== window || !navigator.serviceWorker) return undefined;
    const worker = navigator.serviceWorker.controller ?? (await navigator.serviceWorker.getRegistration())?.active ?? undefined;
    return worker?.state === 'activated' ? worker : undefined;
  } catch {
    // navigator.serviceWorker throws where service workers are switched off.
    return undefined;
  }
}

/**
 * Posts the message with a port of its own for the answer. Rejects, as a runtime message does,
 * when the worker goes away before it answers, or the message cannot be cloned.
 */
export function sendOverWorker(worker: ServiceWorker, message: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    const finish = () => {
      channel.port1.close();
      worker.removeEventListener('statechange', gone);
    };
    const gone = () => {
      if (worker.state !== 'redundant') return;
      finish();
      reject(new Error('The background stopped before it answered.'));
    };
    channel.port1.onmessage = (event) => {
      finish();
      resolve(event.data);
    };
    channel.port1.onmessageerror = () => {
      finish();
      reject(new Error('The background’s answer could not be read.'));
    };
    worker.addEventListener('statechange', gone);
    try {
      worker.postMessage(message, [channel.port2]);
    } catch (error) {
      finish();
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
