/**
 * Strict, canonical standard base64 (RFC 4648 §4, with padding). atob alone is lenient: it skips
 * white space and ignores non-zero padding bits, so two different strings could decode to the
 * same bytes. We accept exactly one spelling of any byte string.
 */

const CANONICAL_SHAPE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const CHUNK = 0x8000; // keeps String.fromCharCode's argument list well under engine limits

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** Decoded bytes, or undefined when the text is not canonical base64. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  if (typeof text !== 'string' || text.length % 4 !== 0 || !CANONICAL_SHAPE.test(text)) return undefined;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  // Non-zero padding bits survive the shape check; re-encoding exposes them.
  return bytesToBase64(bytes) === text ? bytes : undefined;
}

/** Byte length a canonical base64 string decodes to, without decoding it. */
export function base64DecodedLength(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}
