import { browser, type Browser } from 'wxt/browser';

/**
 * The one place that adds a runtime.onMessage listener. The background adds one (its bus,
 * lib/background/bus.ts, which checks and routes every request); pages and content scripts add
 * one per message they hear, each through `listen`, so every listener in every context states
 * which sender it believes. No valibot and no other import here: content scripts bundle this.
 */

export type MessageSender = Browser.runtime.MessageSender;

/**
 * Returns the answer (or a promise of it) to a message it takes, undefined for one it leaves
 * alone. `reply` is the browser's sendResponse, for an answer given before returning.
 */
export type MessageListener = (message: unknown, sender: MessageSender, reply: (answer: unknown) => void) => unknown;

/** Adds the listener; returns its removal. */
export function listen(listener: MessageListener): () => void {
  const heard: MessageListener = (message, sender, reply) => listener(message, sender, reply);
  browser.runtime.onMessage.addListener(heard);
  return () => browser.runtime.onMessage.removeListener(heard);
}

/** The `type` of a message, or undefined when it has none. */
export function messageType(message: unknown): string | undefined {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? type : undefined;
}

/**
 * Our own background, as a page hears it: our id, no tab, and a URL on our own origin. Content
 * scripts carry our id too (and run in the web page's renderer, which a compromised page
 * controls), but they always come with a tab and the page's URL.
 */
export function isOwnBackground(sender: Pick<MessageSender, 'id' | 'url' | 'tab'>): boolean {
  return sender.id === browser.runtime.id && sender.tab === undefined && typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('/'));
}

/**
 * Hears one broadcast type from our own background only; `read` turns the message into what
 * the callback gets, or undefined for a malformed one. Never answers. Returns the unsubscribe.
 */
export function onBroadcast<T>(type: string, read: (message: unknown) => T | undefined, callback: (value: T) => void): () => void {
  return listen((message, sender) => {
    if (messageType(message) !== type || !isOwnBackground(sender)) return undefined;
    const value = read(message);
    if (value !== undefined) callback(value);
    return undefined;
  });
}
