import { randomBytes } from '@noble/ciphers/utils.js';
import { bytesToBase64 } from '@/lib/vault/crypto/base64';
import type { VaultHeader } from '@/lib/vault/crypto/header';

export const PASSPHRASE = 'correct horse battery staple';
export const OTHER_PASSPHRASE = 'lantern orchard velvet compass';

/** A well-formed header whose wrap opens under no passphrase: for shape and floor checks only. */
export function headerWith(kdf: Partial<VaultHeader['kdf']> = {}): VaultHeader {
  return {
    v: 1,
    kdf: { alg: 'scrypt', N: 2 ** 17, r: 8, p: 1, dkLen: 32, ...kdf },
    salt: bytesToBase64(randomBytes(32)),
    wrappedDek: { nonce: bytesToBase64(randomBytes(24)), ct: bytesToBase64(randomBytes(48)) },
  };
}
