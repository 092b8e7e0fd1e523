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

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Non-zero padding bits survive the shape check: in "xxA=" only the top 4 bits of the last
 * character carry data, in "xA==" only the top 2. Checking them directly is what re-encoding
 * used to do, without a second pass over every record (search over 10,000 notes spent nearly
 * half its time re-encoding; see npm run bench).
 */
function paddingBitsAreZero(text: string): boolean {
  if (text.endsWith('==')) return (ALPHABET.indexOf(text.charAt(text.length - 3)) & 0x0f) === 0;
  if (text.endsWith('=')) return (ALPHABET.indexOf(text.charAt(text.length - 2)) & 0x03) === 0;
  return true;
}

/** Decoded bytes, or undefined when the text is not canonical base64. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  if (typeof text !== 'string' || text.length % 4 !== 0 || !CANONICAL_SHAPE.test(text) || !paddingBitsAreZero(text)) return undefined;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Byte length a canonical base64 string decodes to, without decoding it. */
export function base64DecodedLength(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}
