import * as v from 'valibot';

/**
 * The typed message protocol between contexts. Every message is validated with its schema by
 * the background before anything is done with it; a message that does not parse is dropped.
 * Content scripts may only send the messages marked "from a content script"; they never
 * receive note text, client labels or keys.
 */

/** The `type` of a message, or undefined when it has none: what the background routes on. */
export function messageType(message: unknown): string | undefined {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? type : undefined;
}

/** From a content script: what should the banner on this page show? */
export const bannerModelRequest = v.strictObject({
  type: v.literal('banner:model'),
  url: v.pipe(v.string(), v.maxLength(4096)),
  kinds: v.pipe(v.array(v.picklist(['video', 'messaging', 'public-broadcast', 'webmail'])), v.minLength(1), v.maxLength(4)),
});
