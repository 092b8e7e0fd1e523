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
 * (up to a few hundred megabytes). Strings are encoded twice, once to measure and once into
 * place: far less time than the second copy costs in memory.
 */
export function encodeAadSequence(items: readonly (readonly [purpose: string, ...pieces: AadPiece[]])[]): Uint8Array<ArrayBuffer> {
  let total = 0;
  for (const item of items) {
    total += 8;
    for (const piece of item) total += 8 + byteLength(piece);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const item of items) {
    offset = writeLe64(out, offset, item.length);
    for (const piece of item) {
      // The length is written once the piece is in place: encodeInto says how many bytes it took.
      const start = offset + 8;
      const length = typeof piece === 'string' ? utf8.encodeInto(piece, out.subarray(start)).written : copyInto(out, start, pieceBytes(piece));
      writeLe64(out, offset, length);
      offset = start + length;
    }
  }
  if (offset !== total) throw new Error('AAD sequence did not fill its buffer');
  return out;
}

function copyInto(out: Uint8Array, offset: number, bytes: Uint8Array): number {
  out.set(bytes, offset);
  return bytes.length;
}

function byteLength(piece: AadPiece): number {
  return piece instanceof Uint8Array ? piece.length : pieceBytes(piece).length;
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
  const view = new DataView(out.buffer, out.byteOffset + offset, 8);
  view.setUint32(0, value >>> 0, true);
  view.setUint32(4, Math.floor(value / 2 ** 32), true);
  return offset + 8;
}
