import { AnteroomVaultDb } from './db';
import { StorageUnavailableError, VaultError } from '../errors';
import { storageErrorFrom } from './storage-failures';

/**
 * Opens the vault database on first use and keeps the connection. A failed open is not cached,
 * so the next call tries again (the therapist may have changed the browser's history setting).
 * Dexie closes the connection when another context upgrades the schema (`versionchange`,
 * dexie.org Dexie.on.versionchange); the next call then opens it again.
 */
export function createVaultDbOpener(create: () => AnteroomVaultDb = () => new AnteroomVaultDb()): () => Promise<AnteroomVaultDb> {
  let db: AnteroomVaultDb | undefined;
  return async () => {
    if (db?.isOpen()) return db;
    try {
      db ??= create();
      await db.open();
      return db;
    } catch (error) {
      db?.close();
      db = undefined;
      const typed = storageErrorFrom(error);
      // An open that fails for any reason means the vault cannot be kept here.
      throw typed instanceof VaultError ? typed : new StorageUnavailableError();
    }
  };
}
