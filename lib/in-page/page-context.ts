import { browser } from 'wxt/browser';

/**
 * The little a content script needs to live in a host page: to know when the extension behind
 * it is gone (updated, reloaded, removed) and to drop its listeners then. SPA route changes are
 * the background's to notice (it hears the tab's URL change and tells the banner to ask again).
 *
 * Written here instead of using WXT's ContentScriptContext for two reasons. Cost: its wrapper
 * alone added more script time to every call page than the whole budget (2 ms, npm run bench).
 * Privacy: it announces each script start with window.postMessage and route changes with
 * window events, which the host page can listen to and learn that Anteroom is installed. Nothing
 * here dispatches anything the page can see.
 */
export interface PageContext {
  /** False once the extension has gone: stop, the background cannot hear us any more. */
  readonly isValid: boolean;
  onInvalidated(callback: () => void): void;
  /** A window listener removed when the context ends. */
  listen<K extends keyof WindowEventMap>(type: K, handler: (event: WindowEventMap[K]) => void): void;
}

export function createPageContext(): PageContext {
  // A list of callbacks rather than an AbortController: its interfaces would be set up afresh in
  // every page's script world, on every load (npm run bench).
  let ended = false;
  const onEnd: (() => void)[] = [];
  const extensionAlive = () => browser.runtime?.id != null;

  return {
    get isValid() {
      if (!ended && !extensionAlive()) {
        ended = true;
        for (const callback of onEnd.splice(0)) {
          try {
            callback();
          } catch {
            // One failing clean-up (an extension API gone with the extension) must not stop the rest.
          }
        }
      }
      return !ended;
    },
    onInvalidated(callback) {
      if (!ended) onEnd.push(callback);
    },
    listen(type, handler) {
      if (ended) return;
      window.addEventListener(type, handler);
      onEnd.push(() => window.removeEventListener(type, handler));
    },
  };
}
