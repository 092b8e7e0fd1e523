import { randomBytes } from '@noble/ciphers/utils.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveKek } from '@/lib/vault/crypto/kdf';
import { DEFAULT_KDF } from '@/lib/vault/crypto/kdf-policy';

/** Three real derivations at the production floor (no cheap test path exists, by design). */
describe('deriveKek', () => {
  const salt = randomBytes(32);
  const progress: number[] = [];
  let composed: Uint8Array;

  beforeAll(async () => {
    composed = await deriveKek('café au lait, s’il vous plaît'.normalize('NFC'), DEFAULT_KDF, salt, (f) => progress.push(f));
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
