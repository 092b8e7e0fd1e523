import { browser } from 'wxt/browser';

/**
 * The little a content script needs to live in a host page: to know when the extension behind
 * it is gone (updated, reloaded, removed), to drop its listeners then, and to hear SPA route
 * changes.
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
  /** Called with the new URL on SPA route changes (history API, hash changes). */
  onUrlChange(callback: (href: string) => void): void;
}

/** How often to look at location.href where the Navigation API is missing (Firefox ESR). */
const URL_POLL_MS = 1000;

interface NavigationLike {
  addEventListener(type: 'navigate', handler: (event: { destination: { url: string } }) => void, options: { signal: AbortSignal }): void;
}

export function createPageContext(): PageContext {
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const extensionAlive = () => browser.runtime?.id != null;

  const context: PageContext = {
    get isValid() {
      if (!signal.aborted && !extensionAlive()) lifetime.abort();
      return !signal.aborted;
    },
    onInvalidated(callback) {
      signal.addEventListener('abort', callback, { once: true });
    },
    listen(type, handler) {
      window.addEventListener(type, handler, { signal });
    },
    onUrlChange(callback) {
      let last = location.href;
      const changedTo = (href: string) => {
        if (href === last || !context.isValid) return;
        last = href;
        callback(href);
      };
      const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
      if (typeof navigation?.addEventListener === 'function') {
        // Announced before location.href moves: use the destination.
        navigation.addEventListener('navigate', (event) => changedTo(event.destination.url), { signal });
        return;
      }
      const timer = setInterval(() => changedTo(location.href), URL_POLL_MS);
      context.onInvalidated(() => clearInterval(timer));
    },
  };
  return context;
}
