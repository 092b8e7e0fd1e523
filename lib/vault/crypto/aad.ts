/**
 * Canonical associated-data bytes. We use PASETO's Pre-Authentication Encoding (PAE):
 * LE64(count) || for each piece LE64(length) || piece (paseto spec, "PAE"). Length prefixes make
 * the encoding injective, so ("ab", "c") and ("a", "bc") never produce the same bytes, and there
 * is no key-order or escaping question as there would be with JSON.
 *
 * The first piece is always a purpose label so that bytes made for one purpose (a vault header,
 * a record, a client key) can never be accepted for another.
 */

export type AadPiece = string | number | Uint8Array;

const utf8 = new TextEncoder();

export function encodeAad(purpose: string, ...pieces: readonly AadPiece[]): Uint8Array {
  const all = [purpose, ...pieces].map(pieceText);
  let total = 8;
  for (const piece of all) total += 8 + (typeof piece === 'string' ? utf8Length(piece) : piece.length);
  const out = new Uint8Array(total);
  let offset = writeLe64(out, 0, all.length);
  for (const piece of all) offset = writePiece(out, offset, piece);
  return out;
}

/**
 * encodeAad of each item, one after another, in one buffer: the same bytes as concatenating
 * them, with one copy in memory instead of two. A backup's digest covers every ciphertext in it
 * (up to a few tens of megabytes). The buffer is sized at one byte per UTF-16 unit, exact for
 * ASCII (base64, ids, numbers: nearly all of a backup), so each string is encoded once, straight
 * into place; a piece that needs more room grows the buffer.
 */
export function encodeAadSequence(items: readonly (readonly [purpose: string, ...pieces: AadPiece[]])[]): Uint8Array<ArrayBuffer> {
  let estimate = 0;
  for (const item of items) {
    estimate += 8;
    for (const piece of item) estimate += 8 + (typeof piece === 'number' ? String(piece).length : piece.length);
  }
  let out = new Uint8Array(estimate);
  let offset = 0;
  const room = (needed: number) => {
    if (offset + needed <= out.length) return;
    const bigger = new Uint8Array(Math.max(out.length * 2, offset + needed));
    bigger.set(out);
    out = bigger;
  };
  for (const item of items) {
    room(8);
    offset = writeLe64(out, offset, item.length);
    for (const each of item) {
      const piece = pieceText(each);
      if (typeof piece !== 'string') {
        room(8 + piece.length);
        offset = writePiece(out, offset, piece);
        continue;
      }
      room(8 + piece.length);
      let written = writeAscii(out, offset + 8, piece);
      if (written < piece.length) {
        // Not ASCII from here on: at most 3 bytes per UTF-16 unit left.
        room(8 + written + (piece.length - written) * 3);
        written += utf8.encodeInto(piece.slice(written), out.subarray(offset + 8 + written)).written;
      }
      writeLe64(out, offset, written);
      offset += 8 + written;
    }
  }
  // A view, not a copy: the digest reads it once and the buffer goes with it.
  return offset === out.length ? out : out.subarray(0, offset);
}

/** A number as its decimal digits (the text PAE encodes); strings and bytes as they are. */
function pieceText(piece: AadPiece): string | Uint8Array {
  if (typeof piece !== 'number') return piece;
  if (!Number.isSafeInteger(piece) || piece < 0) throw new RangeError('AAD numbers must be non-negative integers');
  return String(piece);
}

/** LE64(length) then the piece's bytes (UTF-8 for text), at `offset`; returns the offset after them. */
function writePiece(out: Uint8Array, offset: number, piece: string | Uint8Array): number {
  let length: number;
  if (typeof piece === 'string') {
    length = writeUtf8(out, offset + 8, piece);
  } else {
    out.set(piece, offset + 8);
    length = piece.length;
  }
  writeLe64(out, offset, length);
  return offset + 8 + length;
}

/**
 * UTF-8 of `text` at `offset` (room must be there); returns the byte count. ASCII (ids, base64,
 * labels: nearly every piece) is copied a character at a time: a TextEncoder call per piece cost
 * more than the copy itself, and was most of a 10,000-note backup's digest (npm run bench).
 */
function writeUtf8(out: Uint8Array, offset: number, text: string): number {
  const ascii = writeAscii(out, offset, text);
  if (ascii === text.length) return ascii;
  return ascii + utf8.encodeInto(text.slice(ascii), out.subarray(offset + ascii)).written;
}

/**
 * Copies `text` up to its first character outside ASCII; returns how many it copied. That is
 * a character boundary: both halves of a surrogate pair are above 0x7f, so the browser's encoder
 * can take the rest from there.
 */
function writeAscii(out: Uint8Array, offset: number, text: string): number {
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return i;
    out[offset + i] = code;
  }
  return length;
}

/** The length of TextEncoder's UTF-8 for `text` (a lone surrogate becomes U+FFFD: 3 bytes). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function writeLe64(out: Uint8Array, offset: number, value: number): number {
  // Byte by byte: a DataView per length was a measurable part of a backup's digest.
  let low = value >>> 0;
  let high = Math.floor(value / 2 ** 32);
  for (let i = 0; i < 4; i++, low >>>= 8) out[offset + i] = low & 0xff;
  for (let i = 4; i < 8; i++, high >>>= 8) out[offset + i] = high & 0xff;
  return offset + 8;
}
