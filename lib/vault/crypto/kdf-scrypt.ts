import { scryptAsync } from '@noble/hashes/scrypt.js';
import { KDF_MAX_MEMORY_BYTES, type ScryptParams } from './kdf-policy';

/**
 * Yield to the event loop at least every 5 ms so the page keeps painting (one 60 Hz frame is
 * 16 ms) and the progress bar moves.
 */
const ASYNC_TICK_MS = 5;

/**
 * The scrypt computation alone (RFC 7914), with the parameters it is given. Only deriveKek calls
 * it, after the floor and ceiling check. It is a module of its own so the unit tests can swap it
 * for a cheap stand-in (tests/unit/setup/fast-kdf.ts) without any weaker path existing here.
 */
export function runScrypt(
  passphraseBytes: Uint8Array,
  salt: Uint8Array,
  kdf: ScryptParams,
  onProgress?: (fraction: number) => void,
): Promise<Uint8Array> {
  return scryptAsync(passphraseBytes, salt, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    dkLen: kdf.dkLen,
    asyncTick: ASYNC_TICK_MS,
    maxmem: KDF_MAX_MEMORY_BYTES,
    ...(onProgress ? { onProgress } : {}),
  });
}
