/**
 * Strict, canonical standard base64 (RFC 4648 §4, with padding). atob alone is lenient: it skips
 * white space and ignores non-zero padding bits, so two different strings could decode to the
 * same bytes. We accept exactly one spelling of any byte string.
 */

const CANONICAL_SHAPE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const CHUNK = 0x8000; // keeps String.fromCharCode's argument list well under engine limits

/**
 * The browsers' own base64 (Chrome 140, Firefox 133; TC39 "Uint8Array to/from base64"), where
 * present: decoding every note by hand was over a third of a 10,000-note search (npm run bench).
 * Older browsers take the hand-written path below, which accepts and produces the same strings.
 */
interface NativeBase64 {
  fromBase64?: (text: string, options: { lastChunkHandling: 'strict' }) => Uint8Array;
}
const nativeFromBase64 = (Uint8Array as unknown as NativeBase64).fromBase64;
const nativeToBase64 = (Uint8Array.prototype as unknown as { toBase64?: () => string }).toBase64;

export function bytesToBase64(bytes: Uint8Array): string {
  if (nativeToBase64) return nativeToBase64.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    // apply reads the typed array by index; a spread walks its iterator, which is much slower.
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return btoa(binary);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Non-zero padding bits survive the shape check: in "xxA=" only the top 4 bits of the last
 * character carry data, in "xA==" only the top 2. Checking them directly gives the same answer
 * as re-encoding and comparing, without a second pass over every record: decoding sits on the
 * hot path of search and import (npm run bench measures both).
 */
function paddingBitsAreZero(text: string): boolean {
  if (text.endsWith('==')) return (ALPHABET.indexOf(text.charAt(text.length - 3)) & 0x0f) === 0;
  if (text.endsWith('=')) return (ALPHABET.indexOf(text.charAt(text.length - 2)) & 0x03) === 0;
  return true;
}

/** Decoded bytes, or undefined when the text is not canonical base64. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  if (typeof text !== 'string' || text.length % 4 !== 0) return undefined;
  if (nativeFromBase64) return nativeStrict(nativeFromBase64, text);
  if (!CANONICAL_SHAPE.test(text) || !paddingBitsAreZero(text)) return undefined;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The native decoder in strict mode refuses bad characters, padding in the wrong place and
 * non-zero padding bits; the one thing it forgives is ASCII white space, which it skips. A string
 * with white space decodes to fewer bytes than its length promises, so comparing the lengths
 * refuses it without a second pass over the text (the shape regex cost more than decoding).
 */
function nativeStrict(fromBase64: NonNullable<NativeBase64['fromBase64']>, text: string): Uint8Array | undefined {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(text, { lastChunkHandling: 'strict' });
  } catch {
    return undefined;
  }
  return bytes.length === base64DecodedLength(text) ? bytes : undefined;
}

/** Byte length a canonical base64 string decodes to, without decoding it. */
export function base64DecodedLength(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}
