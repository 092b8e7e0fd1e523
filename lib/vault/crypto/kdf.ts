import { assertAcceptableKdf, type ScryptParams } from './kdf-policy';
import { runScrypt } from './kdf-scrypt';
import { normalizePassphrase } from './passphrase';
import { wipe } from './wipe';

export const SALT_BYTES = 32;

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
    return await runScrypt(passphraseBytes, salt, kdf, onProgress);
  } finally {
    wipe(passphraseBytes);
  }
}
