import type { Browser } from 'wxt/browser';

/**
 * Sender checks, in the spirit of Bitwarden's security pre-flight: every handler states which
 * kind of sender it accepts, and anything else is dropped before its payload is looked at.
 */
export function isOwnContentScript(sender: Browser.runtime.MessageSender, ownId: string): boolean {
  return sender.id === ownId && sender.tab !== undefined && typeof sender.url === 'string' && /^https:\/\//.test(sender.url);
}

/** One of our own extension pages (popup, options, notes, preflight), never a tab's content script. */
export function isOwnExtensionPage(sender: Browser.runtime.MessageSender, ownId: string, ownOrigin: string): boolean {
  return sender.id === ownId && typeof sender.url === 'string' && sender.url.startsWith(ownOrigin) && (sender.tab === undefined || sender.tab.url?.startsWith(ownOrigin) === true);
}

/** The URL a content script asks about must be on the page it runs in. */
export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
