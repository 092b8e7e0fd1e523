import { randomBytes } from '@noble/ciphers/utils.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { KdfBelowFloorError } from '@/lib/vault/errors';
import { deriveKek } from '@/lib/vault/crypto/kdf';
import { DEFAULT_KDF, KDF_FLOOR } from '@/lib/vault/crypto/kdf-policy';

// The derivation itself is under test: real scrypt, not the unit tests' stand-in.
vi.unmock(import('@/lib/vault/crypto/kdf-scrypt'));

describe('the shipped key-derivation settings', () => {
  it('are scrypt at the OWASP floor: N=2^17, r=8, p=1, a 32-byte key', () => {
    expect(DEFAULT_KDF).toEqual({ alg: 'scrypt', N: 2 ** 17, r: 8, p: 1, dkLen: 32 });
    expect(KDF_FLOOR).toEqual({ N: 2 ** 17, r: 8, p: 1 });
  });

  it.each([
    ['N=2^16', { N: 2 ** 16 }],
    ['r=7', { r: 7 }],
    ['p=0', { p: 0 }],
  ])('refuse to derive below the floor (%s), before any work', async (_, weaker) => {
    const onProgress = vi.fn();
    await expect(deriveKek('x'.repeat(16), { ...DEFAULT_KDF, ...weaker }, randomBytes(32), onProgress)).rejects.toThrow(KdfBelowFloorError);
    expect(onProgress).not.toHaveBeenCalled();
  });
});

/** Three real derivations at the production floor. */
describe('deriveKek', () => {
  const salt = Uint8Array.from({ length: 32 }, (_, i) => i);
  const progress: number[] = [];
  let composed: Uint8Array;

  beforeAll(async () => {
    composed = await deriveKek('café au lait, s’il vous plaît'.normalize('NFC'), DEFAULT_KDF, salt, (f) => progress.push(f));
  });

  it('is scrypt N=2^17, r=8, p=1 (the known answer, computed with OpenSSL through Python hashlib.scrypt)', () => {
    expect(bytesToHex(composed)).toBe('135427a490602a24b82c2907100347e16cb4d034fbf40df8201886dec818b1b5');
  });

  it('returns a 32-byte key and reports progress from 0 to 1', () => {
    expect(composed).toHaveLength(32);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((f) => f >= 0 && f <= 1)).toBe(true);
    expect(progress.at(-1)).toBe(1);
  });

  it('gives the same key for the same passphrase typed with decomposed accents', async () => {
    const decomposed = await deriveKek('café au lait, s’il vous plaît'.normalize('NFD'), DEFAULT_KDF, salt);
    expect(decomposed).toEqual(composed);
  });

  it('gives a different key under another salt', async () => {
    const other = await deriveKek('café au lait, s’il vous plaît', DEFAULT_KDF, randomBytes(32));
    expect(other).not.toEqual(composed);
  });

  it('refuses a salt of the wrong length', async () => {
    await expect(deriveKek('x'.repeat(16), DEFAULT_KDF, randomBytes(16))).rejects.toThrow(RangeError);
  });
});
