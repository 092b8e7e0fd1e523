import { randomBytes } from '@noble/ciphers/utils.js';
import { AnteroomVaultDb } from '@/lib/vault/store/db';
import type { DataKey } from '@/lib/vault/crypto/data-key';
import { VaultLockedError } from '@/lib/vault/errors';

/** A database of its own for each test (fake-indexeddb keeps databases for the whole file). */
export function freshDb(): AnteroomVaultDb {
  return new AnteroomVaultDb(`test-vault-${crypto.randomUUID()}`);
}

/** A stand-in for the background's key custody: a key that can be taken away. */
export function testKey(dek: Uint8Array = randomBytes(32)): DataKey & { dek: Uint8Array; lock(): void } {
  let held: Uint8Array | undefined = dek;
  return {
    dek,
    use(work) {
      if (!held) throw new VaultLockedError();
      return work(held);
    },
    lock() {
      held = undefined;
    },
  };
}

/** Every byte string stored in the database, as text, to look for plaintext in it. */
export async function everythingStored(db: AnteroomVaultDb): Promise<string> {
  const tables = await Promise.all(db.tables.map((table) => table.toArray()));
  return JSON.stringify(tables);
}

export function quotaError(): DOMException {
  return new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError');
}
