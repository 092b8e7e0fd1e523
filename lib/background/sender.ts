import type { Browser } from 'wxt/browser';
import type { SenderKind } from '@/lib/bus/protocol';

/**
 * Who sent a message, decided once per message by the bus (bus.ts) before any payload is
 * looked at, in the spirit of Bitwarden's sender pre-flight. Every operation lists the kinds it
 * accepts (lib/bus/protocol.ts); anything else gets no answer.
 */

export interface OwnExtension {
  id: string;
  /** runtime.getURL('/'): the origin with its trailing slash, so a look-alike host cannot match. */
  base: string;
}

/**
 * - `extension-page`: our id and a URL under our own base; if it comes with a tab, that tab shows
 *   one of our pages too (our page framed inside a web page is not one of ours).
 * - `top-frame-script` / `subframe-script`: our id, a tab, and an https page; frameId 0 is the
 *   tab's top frame. Where the browser reports the frame's origin (Chrome), it must be the URL's
 *   own: an about:blank or sandboxed frame reports another or an opaque one.
 * - `other`: everything else, including a sender that leaves out what would place it.
 *
 * documentId names a document, not a kind of sender, so it plays no part here.
 */
export function classifySender(sender: Browser.runtime.MessageSender, own: OwnExtension): SenderKind {
  const { url } = sender;
  if (sender.id !== own.id || typeof url !== 'string') return 'other';
  if (url.startsWith(own.base)) {
    if (sender.origin !== undefined && `${sender.origin}/` !== own.base) return 'other';
    return sender.tab === undefined || sender.tab.url?.startsWith(own.base) === true ? 'extension-page' : 'other';
  }
  if (sender.tab === undefined || !/^https:\/\//.test(url)) return 'other';
  if (sender.origin !== undefined && sender.origin !== originOf(url)) return 'other';
  if (sender.frameId === 0) return 'top-frame-script';
  return typeof sender.frameId === 'number' && sender.frameId > 0 ? 'subframe-script' : 'other';
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** The URL a content script asks about must be on the page it runs in. */
export function sameOrigin(a: string, b: string): boolean {
  const origin = originOf(a);
  return origin !== undefined && origin === originOf(b);
}
