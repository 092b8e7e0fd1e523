import Dexie from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveClient } from '@/lib/vault/store/clients-store';
import { AnteroomVaultDb } from '@/lib/vault/store/db';
import { saveNote } from '@/lib/vault/store/notes-store';
import { createVaultDbOpener } from '@/lib/vault/store/open-db';
import { StorageFullError, StorageUnavailableError } from '@/lib/vault/errors';
import { isQuotaError, storageErrorFrom } from '@/lib/vault/store/storage-failures';
import { freshDb, quotaError, testKey } from './store-helpers';

let db: AnteroomVaultDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('when the disk is full', () => {
  it('a new client is refused with a plain message and nothing is half-written', async () => {
    db = freshDb();
    const keys = testKey();
    // The key row is written first, then the record fails: the transaction must take both back.
    vi.spyOn(db.clients, 'add').mockRejectedValue(quotaError());
    const saving = saveClient(db, keys, { label: 'A.B.', contactMode: 'video' });
    await expect(saving).rejects.toThrow(StorageFullError);
    await expect(saving).rejects.toThrow('Your device is out of space for Anteroom; nothing was saved.');
    expect(await db.clientKeys.count()).toBe(0);
    expect(await db.clients.count()).toBe(0);
  });

  it('an edited note keeps its previous version', async () => {
    db = freshDb();
    const keys = testKey();
    const { id: clientId } = await saveClient(db, keys, { label: 'A.B.', contactMode: 'video' });
    const { id, version } = await saveNote(db, keys, { clientId, body: 'first version', tags: [] });
    const before = await db.notes.get(id);
    vi.spyOn(db.notes, 'put').mockRejectedValue(quotaError());
    await expect(saveNote(db, keys, { id, version, clientId, body: 'second version', tags: [] })).rejects.toThrow(StorageFullError);
    expect(await db.notes.get(id)).toEqual(before);
  });

  it('is recognised inside Dexie’s wrappers (AbortError.inner, BulkError failures)', () => {
    const abort = new Dexie.AbortError('Transaction aborted', quotaError());
    expect(isQuotaError(abort)).toBe(true);
    const bulk = new Dexie.BulkError('1 of 2 operations failed', { 1: quotaError() });
    expect(storageErrorFrom(bulk)).toBeInstanceOf(StorageFullError);
    expect(storageErrorFrom(new Error('something else'))).not.toBeInstanceOf(StorageFullError);
  });
});

describe('when the browser keeps no data for the extension', () => {
  const message =
    "Your browser is not keeping data for this extension (private browsing or 'never remember history'), so notes cannot be saved here.";

  it('says so plainly when IndexedDB refuses to open (Firefox "never remember history")', async () => {
    const refusing = {
      open() {
        throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
      },
    };
    const open = createVaultDbOpener(() => new AnteroomVaultDb('refused', { indexedDB: refusing, IDBKeyRange }));
    await expect(open()).rejects.toThrow(StorageUnavailableError);
    await expect(open()).rejects.toThrow(message);
  });

  it('says the same when there is no IndexedDB at all', async () => {
    const open = createVaultDbOpener(() => new AnteroomVaultDb('missing', { indexedDB: undefined as never, IDBKeyRange: undefined as never }));
    await expect(open()).rejects.toThrow(StorageUnavailableError);
  });

  it('tries again on the next call rather than remembering the failure', async () => {
    let attempts = 0;
    const open = createVaultDbOpener(() => {
      attempts += 1;
      if (attempts === 1) return new AnteroomVaultDb('flaky', { indexedDB: { open: () => { throw new DOMException('x', 'UnknownError'); } }, IDBKeyRange });
      db = freshDb();
      return db;
    });
    await expect(open()).rejects.toThrow(StorageUnavailableError);
    await expect(open()).resolves.toBe(db);
  });
});
