import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { randomBytes } from '@noble/ciphers/utils.js';

/**
 * The one place the vault encrypts. XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha) takes a 24-byte
 * nonce, large enough to pick at random on every write without tracking counters: the noble
 * README puts the limit at 2^72 messages per key. Randomness comes from crypto.getRandomValues
 * only (via noble's randomBytes), never Math.random.
 */

export const KEY_BYTES = 32;
export const NONCE_BYTES = 24;
export const TAG_BYTES = 16;

export interface Sealed {
  nonce: Uint8Array;
  ciphertext: Uint8Array;
}

export function seal(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Sealed {
  return sealWithNonce(key, randomBytes(NONCE_BYTES), plaintext, aad);
}

/**
 * Only for a key renewal (key-renewal-rows.ts): a record keeps its nonce under a brand-new random
 * key, so the (key, nonce) pair is still never reused, and the record's version (its nonce) stays
 * the same for the editors and drafts that compare it.
 */
export function sealWithNonce(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Sealed {
  return { nonce, ciphertext: xchacha20poly1305(key, nonce, aad).encrypt(plaintext) };
}

/** Plaintext, or undefined when authentication fails (wrong key, altered bytes or wrong AAD). */
export function open(key: Uint8Array, sealed: Sealed, aad: Uint8Array): Uint8Array | undefined {
  if (sealed.nonce.length !== NONCE_BYTES || sealed.ciphertext.length < TAG_BYTES) return undefined;
  try {
    return xchacha20poly1305(key, sealed.nonce, aad).decrypt(sealed.ciphertext);
  } catch {
    return undefined;
  }
}
