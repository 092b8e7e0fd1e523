import { randomBytes } from '@noble/ciphers/utils.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { unwrapClientKey } from './keys';
import { wipe } from './wipe';
import type { WrappedKey } from './wrapped-key';

/**
 * How the stores reach the unlocked data key: only inside a synchronous callback. Locking
 * overwrites the key in place, so a caller that held on to it across an `await` could go on
 * sealing with zeros; with a synchronous callback no lock can run in the middle of its use.
 * The pattern is: read rows (await), seal or open inside `use` (no await), then write (await).
 */
export interface DataKey {
  /** Throws VaultLockedError when the vault is locked. */
  use<T>(work: (dek: Uint8Array) => T): T;
}

/** Runs `work` with the client's key, unwrapped for the moment and wiped afterwards. */
export function withClientKey<T>(keys: DataKey, clientId: string, wrapped: WrappedKey, work: (key: Uint8Array) => T): T {
  return keys.use((dek) => {
    const key = unwrapClientKey(dek, clientId, wrapped);
    try {
      return work(key);
    } finally {
      wipe(key);
    }
  });
}

/** An opaque random id (128 bits): it reveals nothing, not even the order records were made in. */
export function newRecordId(): string {
  return bytesToHex(randomBytes(16));
}
