import { scryptAsync } from '@noble/hashes/scrypt.js';
import { assertAcceptableKdf, KDF_MAX_MEMORY_BYTES, type ScryptParams } from './kdf-policy';
import { normalizePassphrase } from './passphrase';
import { wipe } from './wipe';

export const SALT_BYTES = 32;

/**
 * Yield to the event loop at least every 5 ms so the page keeps painting (one 60 Hz frame is
 * 16 ms) and the progress bar moves. Measured cost at N=2^17 is within run-to-run noise.
 */
const ASYNC_TICK_MS = 5;

/**
 * Passphrase → 32-byte key-encryption key (KEK) with scrypt (RFC 7914). The parameter check runs
 * here, not in callers, so no code path can derive with parameters below the floor.
 */
export async function deriveKek(
  passphrase: string,
  kdf: ScryptParams,
  salt: Uint8Array,
  onProgress?: (fraction: number) => void,
): Promise<Uint8Array> {
  assertAcceptableKdf(kdf);
  if (salt.length !== SALT_BYTES) throw new RangeError(`salt must be ${SALT_BYTES} bytes`);
  const passphraseBytes = new TextEncoder().encode(normalizePassphrase(passphrase));
  try {
    return await scryptAsync(passphraseBytes, salt, {
      N: kdf.N,
      r: kdf.r,
      p: kdf.p,
      dkLen: kdf.dkLen,
      asyncTick: ASYNC_TICK_MS,
      maxmem: KDF_MAX_MEMORY_BYTES,
      ...(onProgress ? { onProgress } : {}),
    });
  } finally {
    wipe(passphraseBytes);
  }
}
