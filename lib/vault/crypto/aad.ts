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
  const all = [purpose, ...pieces].map(pieceBytes);
  const total = 8 + all.reduce((sum, bytes) => sum + 8 + bytes.length, 0);
  const out = new Uint8Array(total);
  let offset = writeLe64(out, 0, all.length);
  for (const bytes of all) {
    offset = writeLe64(out, offset, bytes.length);
    out.set(bytes, offset);
    offset += bytes.length;
  }
  return out;
}

/**
 * encodeAad of each item, one after another, in one buffer: the same bytes as concatenating
 * them, with one copy in memory instead of two. A backup's digest covers every ciphertext in it
 * (up to a few tens of megabytes). The buffer is sized at one byte per UTF-16 unit, exact for
 * ASCII (base64, ids: nearly all of a backup), so each string is encoded once, straight into
 * place; a piece that needs more room grows the buffer.
 */
export function encodeAadSequence(items: readonly (readonly [purpose: string, ...pieces: AadPiece[]])[]): Uint8Array<ArrayBuffer> {
  let estimate = 0;
  for (const item of items) {
    estimate += 8;
    for (const piece of item) estimate += 8 + (typeof piece === 'string' ? piece.length : pieceBytes(piece).length);
  }
  let out = new Uint8Array(estimate);
  let offset = 0;
  const room = (needed: number) => {
    if (offset + needed <= out.length) return;
    const bigger = new Uint8Array(Math.max(out.length * 2, offset + needed));
    bigger.set(out.subarray(0, offset));
    out = bigger;
  };
  for (const item of items) {
    room(8);
    offset = writeLe64(out, offset, item.length);
    for (const piece of item) {
      let length: number;
      if (typeof piece === 'string') {
        room(8 + piece.length);
        let { read, written } = utf8.encodeInto(piece, out.subarray(offset + 8));
        if (read < piece.length) {
          // Not ASCII, and past the end: at most 3 bytes per UTF-16 unit.
          room(8 + piece.length * 3);
          ({ read, written } = utf8.encodeInto(piece, out.subarray(offset + 8)));
        }
        length = written;
      } else {
        const bytes = pieceBytes(piece);
        room(8 + bytes.length);
        out.set(bytes, offset + 8);
        length = bytes.length;
      }
      writeLe64(out, offset, length);
      offset += 8 + length;
    }
  }
  return offset === out.length ? out : out.slice(0, offset);
}

function pieceBytes(piece: AadPiece): Uint8Array {
  if (piece instanceof Uint8Array) return piece;
  if (typeof piece === 'number') {
    if (!Number.isSafeInteger(piece) || piece < 0) throw new RangeError('AAD numbers must be non-negative integers');
    return utf8.encode(String(piece));
  }
  return utf8.encode(piece);
}

function writeLe64(out: Uint8Array, offset: number, value: number): number {
  // Byte by byte: a DataView per length was a measurable part of a backup's digest.
  let low = value >>> 0;
  let high = Math.floor(value / 2 ** 32);
  for (let i = 0; i < 4; i++, low >>>= 8) out[offset + i] = low & 0xff;
  for (let i = 4; i < 8; i++, high >>>= 8) out[offset + i] = high & 0xff;
  return offset + 8;
}
