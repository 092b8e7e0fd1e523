import { randomBytes } from '@noble/ciphers/utils.js';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { encodeAad, encodeAadSequence } from '@/lib/vault/crypto/aad';
import { seal } from '@/lib/vault/crypto/aead';
import { base64ToBytes, bytesToBase64 } from '@/lib/vault/crypto/base64';
import { openRecord, RECORD_FORMAT, sealRecord, sealedRecordSchema, wipe, type JsonValue, type SealedRecord } from '@/lib/vault/crypto/envelope';
import { RecordTamperedError } from '@/lib/vault/errors';

const key = randomBytes(32);
const note = { table: 'notes', id: 'n_7f3a' };

const ref = fc.record({ table: fc.string({ minLength: 1, maxLength: 20 }), id: fc.string({ minLength: 1, maxLength: 40 }) });

function flipBit(text: string, bit: number): string {
  const bytes = base64ToBytes(text)!;
  bytes[Math.floor(bit / 8) % bytes.length]! ^= 1 << bit % 8;
  return bytesToBase64(bytes);
}

function expectTampered(open: () => unknown) {
  expect(open).toThrow(RecordTamperedError);
}

describe('sealed records', () => {
  it('open to exactly the JSON that was sealed, for any JSON value', () => {
    fc.assert(
      fc.property(ref, fc.jsonValue(), (where, value) => {
        const sealed = sealRecord(key, where, value as JsonValue);
        expect(openRecord(key, where, sealed)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('carry a format version, a 24-byte nonce and a ciphertext with its 16-byte tag', () => {
    const sealed = sealRecord(key, note, { body: 'hello' });
    expect(sealed.v).toBe(1);
    expect(base64ToBytes(sealed.n)).toHaveLength(24);
    expect(base64ToBytes(sealed.c)!.length).toBe(new TextEncoder().encode('{"body":"hello"}').length + 16);
  });

  it('refuse any single flipped bit in the nonce or the ciphertext', () => {
    const sealed = sealRecord(key, note, { body: 'Client reported better sleep this week.' });
    const nonceBits = 24 * 8;
    const cipherBits = base64ToBytes(sealed.c)!.length * 8;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: nonceBits + cipherBits - 1 }), (bit) => {
        const altered: SealedRecord =
          bit < nonceBits ? { ...sealed, n: flipBit(sealed.n, bit) } : { ...sealed, c: flipBit(sealed.c, bit - nonceBits) };
        expectTampered(() => openRecord(key, note, altered));
      }),
      { numRuns: 500 },
    );
  });

  it('refuse a ciphertext moved to another record id or another table', () => {
    fc.assert(
      fc.property(ref, ref, fc.jsonValue(), (from, to, value) => {
        fc.pre(from.table !== to.table || from.id !== to.id);
        const sealed = sealRecord(key, from, value as JsonValue);
        expectTampered(() => openRecord(key, to, sealed));
      }),
    );
  });

  it('refuse a record sealed under another key', () => {
    const sealed = sealRecord(key, note, 'x');
    expectTampered(() => openRecord(randomBytes(32), note, sealed));
  });

  it('refuse a record claiming another format version, or with fields that are not base64', () => {
    const sealed = sealRecord(key, note, 'x');
    expectTampered(() => openRecord(key, note, { ...sealed, v: 2 } as unknown as SealedRecord));
    expectTampered(() => openRecord(key, note, { ...sealed, n: sealed.n.replace(/.$/, '*') }));
    expectTampered(() => openRecord(key, note, { ...sealed, c: '' }));
    expectTampered(() => openRecord(key, note, null as unknown as SealedRecord));
  });

  it('bind the format version in the associated data: a ciphertext made under another version is refused though its envelope is valid', () => {
    // Sealed by hand exactly as sealRecord does, with only the version piece of the AAD changed.
    const sealWithAadVersion = (version: number): SealedRecord => {
      const plaintext = new TextEncoder().encode(JSON.stringify({ body: 'x' }));
      const { nonce, ciphertext } = seal(key, plaintext, encodeAad('anteroom/record', version, note.table, note.id));
      return { v: RECORD_FORMAT, n: bytesToBase64(nonce), c: bytesToBase64(ciphertext) };
    };
    // The control: with the current version's AAD, the hand-made record opens.
    expect(openRecord(key, note, sealWithAadVersion(RECORD_FORMAT))).toEqual({ body: 'x' });
    const otherVersion = sealWithAadVersion(RECORD_FORMAT + 1);
    // The envelope says version 1 and passes the schema, so only the AAD can refuse it.
    expect(v.is(sealedRecordSchema, otherVersion)).toBe(true);
    expectTampered(() => openRecord(key, note, otherVersion));
  });

  it('name only the table and id when refusing, never the content', () => {
    const sealed = sealRecord(key, note, { body: 'SECRET-SENTINEL' });
    try {
      openRecord(key, { ...note, id: 'n_other' }, sealed);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RecordTamperedError);
      expect((error as RecordTamperedError).table).toBe('notes');
      expect((error as RecordTamperedError).id).toBe('n_other');
      expect(String(error)).not.toContain('SECRET');
    }
  });

  it('never repeat a nonce across 1,000 seals of the same plaintext', () => {
    const nonces = new Set<string>();
    const ciphertexts = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const sealed = sealRecord(key, note, { body: 'same words every time' });
      nonces.add(sealed.n);
      ciphertexts.add(sealed.c);
    }
    expect(nonces.size).toBe(1000);
    expect(ciphertexts.size).toBe(1000);
  });

  it('refuse to seal something JSON cannot represent', () => {
    expect(() => sealRecord(key, note, undefined as unknown as JsonValue)).toThrow(TypeError);
  });
});

describe('associated data encoding', () => {
  it('is injective: moving bytes between pieces changes the encoding', () => {
    expect(encodeAad('t', 'ab', 'c')).not.toEqual(encodeAad('t', 'a', 'bc'));
    expect(encodeAad('t', 'notes', 'a')).not.toEqual(encodeAad('t', 'note', 'sa'));
  });

  it('is deterministic and separates purposes', () => {
    expect(encodeAad('record', 1, 'x')).toEqual(encodeAad('record', 1, 'x'));
    expect(encodeAad('record', 1, 'x')).not.toEqual(encodeAad('client-key', 1, 'x'));
  });

  it('follows PASETO PAE byte for byte', () => {
    // PAE([]) = LE64(0); PAE(["test"]) = LE64(1) || LE64(4) || "test" (PASETO spec, PAE examples).
    const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    expect(hex(encodeAad('test'))).toBe('0100000000000000' + '0400000000000000' + '74657374');
  });
});

describe('wipe', () => {
  it('zeroes every byte of the buffers it is given', () => {
    const a = randomBytes(32);
    const b = randomBytes(16);
    wipe(a, b, undefined);
    expect(a.every((x) => x === 0) && b.every((x) => x === 0)).toBe(true);
  });
});

describe('encodeAadSequence', () => {
  const piece = fc.oneof(fc.string({ unit: 'binary' }), fc.nat({ max: 2 ** 40 }), fc.uint8Array({ maxLength: 40 }));
  // Text with an ASCII run before other characters, lone surrogates included (the fast path's edges).
  const mixedText = fc.tuple(fc.string({ unit: 'binary-ascii' }), fc.string({ unit: 'binary' }), fc.constantFrom('', '\ud800', '\udc00x', '\u00e9', '\u{1f600}'))
    .map((parts) => parts.join(''));

  /** PASETO's PAE written from its definition, with the platform's TextEncoder for every piece. */
  const referencePae = (pieces: readonly (string | number | Uint8Array)[]): Uint8Array => {
    const utf8 = new TextEncoder();
    const le64 = (n: number) => Uint8Array.from({ length: 8 }, (_, i) => Math.floor(n / 2 ** (8 * i)) % 256);
    const parts: Uint8Array[] = [le64(pieces.length)];
    for (const piece of pieces) {
      const bytes: Uint8Array = piece instanceof Uint8Array ? piece : utf8.encode(String(piece));
      parts.push(le64(bytes.length), bytes);
    }
    return Uint8Array.from(parts.flatMap((part) => [...part]));
  };

  it('encodeAad matches PAE made with TextEncoder, for any text, numbers and bytes', () => {
    fc.assert(
      fc.property(mixedText, fc.array(fc.oneof(piece, mixedText), { maxLength: 6 }), (purpose, pieces) => {
        expect(encodeAad(purpose, ...pieces)).toEqual(referencePae([purpose, ...pieces]));
      }),
    );
  });

  it('matches PAE made with TextEncoder, item after item, however the text runs', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(mixedText, fc.array(fc.oneof(piece, mixedText), { maxLength: 6 })), { maxLength: 12 }), (items) => {
        const expected = items.flatMap(([purpose, pieces]) => [...referencePae([purpose, ...pieces])]);
        expect(encodeAadSequence(items.map(([purpose, pieces]) => [purpose, ...pieces] as const))).toEqual(Uint8Array.from(expected));
      }),
    );
  });

  it('gives the same bytes as each encodeAad joined, for any pieces (unicode, numbers, bytes)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.array(piece, { maxLength: 6 })), { maxLength: 12 }), (items) => {
        const joined = items.map(([purpose, pieces]) => encodeAad(purpose, ...pieces));
        const expected = new Uint8Array(joined.reduce((sum, b) => sum + b.length, 0));
        let offset = 0;
        for (const bytes of joined) {
          expected.set(bytes, offset);
          offset += bytes.length;
        }
        expect(encodeAadSequence(items.map(([purpose, pieces]) => [purpose, ...pieces] as const))).toEqual(expected);
      }),
    );
  });
});
