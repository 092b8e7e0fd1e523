import { CorruptHeaderError, KdfBelowFloorError } from '../errors';

/**
 * What scrypt work we ask for and what we accept when opening a vault.
 *
 * Floor: OWASP Password Storage Cheat Sheet, scrypt minimum N=2^17, r=8, p=1. A header below it is
 * refused before any derivation (downgrade protection: whoever can edit the stored header must not
 * be able to make the next unlock cheap to brute-force).
 *
 * Ceiling: stronger settings are welcome, but a tampered header or hostile backup file must not be
 * able to freeze or crash the browser either (Bitwarden enforces KDF ranges for the same reason).
 * scrypt's working set is 128·r·N bytes; we cap it at 1 GiB (noble's own default maxmem, and
 * N=2^20 at r=8) and the total work at 64 times the default.
 */

export interface ScryptParams {
  alg: 'scrypt';
  N: number;
  r: number;
  p: number;
  dkLen: 32;
}

export const DEFAULT_KDF: Readonly<ScryptParams> = Object.freeze({ alg: 'scrypt', N: 2 ** 17, r: 8, p: 1, dkLen: 32 });

export const KDF_FLOOR = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });

const MAX_WORKING_SET_BYTES = 2 ** 30;
const MAX_WORK = 64 * DEFAULT_KDF.N * DEFAULT_KDF.r * DEFAULT_KDF.p;

/**
 * Memory budget handed to noble's scrypt (its maxmem): the 1 GiB working-set ceiling plus 1 MiB
 * for the per-lane blocks, which the accepted r and p keep far smaller than that.
 */
export const KDF_MAX_MEMORY_BYTES = MAX_WORKING_SET_BYTES + 2 ** 20;

/**
 * Throws KdfBelowFloorError for weak parameters and CorruptHeaderError for ones scrypt cannot
 * run or that exceed the ceiling. Runs before every derivation, so it cannot be skipped.
 */
export function assertAcceptableKdf(params: ScryptParams): void {
  const { N, r, p } = params;
  const integers = [N, r, p].every((n) => Number.isSafeInteger(n));
  if (params.alg !== 'scrypt' || params.dkLen !== 32 || !integers) {
    throw new CorruptHeaderError(['key-derivation settings are not scrypt with whole-number parameters and a 32-byte key']);
  }
  if (N < KDF_FLOOR.N || r < KDF_FLOOR.r || p < KDF_FLOOR.p) {
    throw new KdfBelowFloorError({ N, r, p }, { ...KDF_FLOOR });
  }
  if (128 * r * N > MAX_WORKING_SET_BYTES || N * r * p > MAX_WORK) {
    throw new CorruptHeaderError([
      `scrypt settings N=${N}, r=${r}, p=${p} ask for more memory or time than Anteroom allows on this device`,
    ]);
  }
  // N ≤ 2^20 here, so the 32-bit bit trick is exact.
  if ((N & (N - 1)) !== 0) {
    throw new CorruptHeaderError([`scrypt N must be a power of two (found ${N})`]);
  }
}
