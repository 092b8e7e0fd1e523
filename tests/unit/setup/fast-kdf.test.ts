import { randomBytes } from '@noble/ciphers/utils.js';
import { describe, expect, it } from 'vitest';
import { KdfBelowFloorError } from '@/lib/vault/errors';
import { deriveKek } from '@/lib/vault/crypto/kdf';
import { DEFAULT_KDF } from '@/lib/vault/crypto/kdf-policy';
import { derivationCount } from './fast-scrypt';

/** The stand-in every other unit test derives with is in force, and still behaves like a KDF. */
describe("the unit tests' fast key derivation", () => {
  const salt = randomBytes(32);

  it('replaces the scrypt run behind deriveKek', async () => {
    const before = derivationCount();
    await deriveKek('correct horse battery staple', DEFAULT_KDF, salt);
    expect(derivationCount()).toBe(before + 1);
  });

  it('depends on passphrase, salt and every parameter', async () => {
    const key = await deriveKek('correct horse battery staple', DEFAULT_KDF, salt);
    expect(await deriveKek('correct horse battery staple', DEFAULT_KDF, Uint8Array.from(salt))).toEqual(key);
    const others = await Promise.all([
      deriveKek('lantern orchard velvet compass', DEFAULT_KDF, salt),
      deriveKek('correct horse battery staple', DEFAULT_KDF, randomBytes(32)),
      deriveKek('correct horse battery staple', { ...DEFAULT_KDF, N: 2 ** 18 }, salt),
      deriveKek('correct horse battery staple', { ...DEFAULT_KDF, r: 9 }, salt),
      deriveKek('correct horse battery staple', { ...DEFAULT_KDF, p: 2 }, salt),
    ]);
    for (const other of others) expect(other).not.toEqual(key);
  });

  it('leaves the floor check in place', async () => {
    await expect(deriveKek('correct horse battery staple', { ...DEFAULT_KDF, N: 2 ** 16 }, salt)).rejects.toThrow(KdfBelowFloorError);
  });
});
