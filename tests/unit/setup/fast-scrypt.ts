import { scryptAsync } from '@noble/hashes/scrypt.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import type { runScrypt as realRunScrypt } from '@/lib/vault/crypto/kdf-scrypt';

/**
 * The unit tests' stand-in for lib/vault/crypto/kdf-scrypt.ts (swapped in by fast-kdf.ts): still scrypt
 * from the same library, still keyed by passphrase and salt, still reporting progress, but at
 * N=2^10, r=1 instead of the header's parameters, so a derivation takes milliseconds, not most of
 * a second. The header's parameters are folded into the salt, so a header whose parameters were
 * edited still gives another key, as with the real derivation.
 */
export const FAST_SCRYPT = Object.freeze({ N: 2 ** 10, r: 1, p: 1 });

let derivations = 0;

/** How many derivations this test file has run, to show that a path derives no key at all. */
export function derivationCount(): number {
  return derivations;
}

export const runScrypt: typeof realRunScrypt = (passphraseBytes, salt, kdf, onProgress) => {
  derivations += 1;
  const boundSalt = concatBytes(salt, utf8ToBytes(`scrypt N=${kdf.N} r=${kdf.r} p=${kdf.p}`));
  return scryptAsync(passphraseBytes, boundSalt, { ...FAST_SCRYPT, dkLen: kdf.dkLen, ...(onProgress ? { onProgress } : {}) });
};
