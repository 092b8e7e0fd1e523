import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deleteClientRenewingDataKey } from '@/lib/vault/lifecycle/client-deletion';
import { listClients, saveClient } from '@/lib/vault/store/clients-store';
import type { AnteroomVaultDb } from '@/lib/vault/store/db';
import { ClientKeyTamperedError, WrongPassphraseError } from '@/lib/vault/errors';
import { readHeaderSlots } from '@/lib/vault/lifecycle/header-slots';
import { unwrapClientKey, unwrapDek } from '@/lib/vault/crypto/keys';
import { allNotes, saveNote } from '@/lib/vault/store/notes-store';
import { createStoredVault, unlockStoredVault } from '@/lib/vault/lifecycle/vault-lifecycle';
import { OTHER_PASSPHRASE, PASSPHRASE } from './helpers';
import { freshDb, testKey } from './store-helpers';

let db: AnteroomVaultDb;
let dek: Uint8Array;
let gone: string;
let kept: string;
beforeEach(async () => {
  db = freshDb();
  dek = await createStoredVault(db, PASSPHRASE);
  const keys = testKey(dek);
  gone = (await saveClient(db, keys, { label: 'Leaving', contactMode: 'video' })).id;
  kept = (await saveClient(db, keys, { label: 'Staying', contactMode: 'phone' })).id;
  await saveNote(db, keys, { clientId: gone, body: 'to be shredded', tags: [] });
  await saveNote(db, keys, { clientId: kept, body: 'still here', tags: ['x'] });
});
afterEach(async () => {
  await db.delete();
});

describe('deleting a client renews the data key', () => {
  it('removes the client, and the other clients open under a new data key only', async () => {
    const leftover = (await db.clientKeys.get(gone))!;
    const oldHeader = (await readHeaderSlots(db)).current!;
    const next = await deleteClientRenewingDataKey(db, gone, PASSPHRASE);
    expect(next).not.toEqual(dek);

    const reopened = await unlockStoredVault(db, PASSPHRASE);
    expect(reopened).toEqual(next);
    const keys = testKey(reopened);
    expect((await listClients(db, keys)).items.map((c) => c.label)).toEqual(['Staying']);
    expect((await allNotes(db, keys)).items.map((n) => n.body)).toEqual(['still here']);
    // The old data key no longer opens anything in the vault.
    expect((await allNotes(db, testKey(dek))).items).toEqual([]);

    // What stays true (README): a leftover copy of the deleted client's wrapped key does not open
    // under the vault's key now, only under the old one, which an older copy of the header gives
    // with the passphrase it had.
    expect(() => unwrapClientKey(reopened, gone, leftover.wrapped)).toThrow(ClientKeyTamperedError);
    expect(await unwrapDek(oldHeader, PASSPHRASE)).toEqual(dek);
    expect(() => unwrapClientKey(dek, gone, leftover.wrapped)).not.toThrow();
    expect((await readHeaderSlots(db)).current?.salt).not.toBe(oldHeader.salt);
  });

  it('with a wrong passphrase deletes nothing and keeps the data key', async () => {
    const before = await db.clientKeys.toArray();
    await expect(deleteClientRenewingDataKey(db, gone, OTHER_PASSPHRASE)).rejects.toThrow(WrongPassphraseError);
    expect(await db.clientKeys.toArray()).toEqual(before);
    expect(await unlockStoredVault(db, PASSPHRASE)).toEqual(dek);
  });

  it('is all or nothing: a write that fails leaves the old key opening every client', async () => {
    vi.spyOn(db.clientKeys, 'bulkPut').mockRejectedValueOnce(new DOMException('The disk is full.', 'QuotaExceededError'));
    await expect(deleteClientRenewingDataKey(db, gone, PASSPHRASE)).rejects.toThrow();
    vi.restoreAllMocks();
    expect(await unlockStoredVault(db, PASSPHRASE)).toEqual(dek);
    expect((await allNotes(db, testKey(dek))).items.map((n) => n.body).sort()).toEqual(['still here', 'to be shredded']);
  });
});
