import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnteroomVaultDb } from '@/lib/vault/store/db';
import { PassphrasePolicyError, WrongPassphraseError } from '@/lib/vault/errors';
import { readHeaderSlots } from '@/lib/vault/lifecycle/header-slots';
import { changeStoredPassphrase, createStoredVault, unlockStoredVault } from '@/lib/vault/lifecycle/vault-lifecycle';
import { OTHER_PASSPHRASE, PASSPHRASE } from './helpers';
import { freshDb } from './store-helpers';

/**
 * The passphrase change must never leave the vault with no passphrase that opens it. A crash is
 * simulated by making a write fail at each step; the "restart" is a fresh read of the database.
 */

let db: AnteroomVaultDb;
let dek: Uint8Array;
beforeEach(async () => {
  db = freshDb();
  dek = await createStoredVault(db, PASSPHRASE);
});
afterEach(async () => {
  await db.delete();
});

const crash = () => new Error('simulated crash: the browser was killed here');

describe('changing the passphrase', () => {
  it('re-wraps the data key only: the new passphrase opens the same key, the old one no longer does', async () => {
    const notesBefore = await db.notes.toArray();
    await changeStoredPassphrase(db, PASSPHRASE, OTHER_PASSPHRASE);
    expect(await unlockStoredVault(db, OTHER_PASSPHRASE)).toEqual(dek);
    await expect(unlockStoredVault(db, PASSPHRASE)).rejects.toThrow(WrongPassphraseError);
    expect(await db.notes.toArray()).toEqual(notesBefore);
    expect((await readHeaderSlots(db)).pending).toBeUndefined();
  });

  it('with a wrong current passphrase changes nothing', async () => {
    const before = await readHeaderSlots(db);
    await expect(changeStoredPassphrase(db, OTHER_PASSPHRASE, 'a brand new passphrase here')).rejects.toThrow(WrongPassphraseError);
    expect(await readHeaderSlots(db)).toEqual(before);
  });

  it('refuses a too-short new passphrase before deriving anything', async () => {
    await expect(changeStoredPassphrase(db, PASSPHRASE, 'short')).rejects.toThrow(PassphrasePolicyError);
  });
});

describe('a crash during the passphrase change', () => {
  it('before the new header is staged: the old passphrase still works', async () => {
    vi.spyOn(db.meta, 'put').mockRejectedValueOnce(crash());
    await expect(changeStoredPassphrase(db, PASSPHRASE, OTHER_PASSPHRASE)).rejects.toThrow();
    expect(await unlockStoredVault(db, PASSPHRASE)).toEqual(dek);
  });

  it('between staging and the swap: both passphrases work, and the new one finishes the change', async () => {
    const put = db.meta.put.bind(db.meta);
    // First put (the pending slot) goes through; the second (the swap into current) "crashes".
    vi.spyOn(db.meta, 'put')
      .mockImplementationOnce((row) => put(row))
      .mockRejectedValueOnce(crash());
    await expect(changeStoredPassphrase(db, PASSPHRASE, OTHER_PASSPHRASE)).rejects.toThrow();
    vi.restoreAllMocks();

    const slots = await readHeaderSlots(db);
    expect(slots.current).toBeDefined();
    expect(slots.pending).toBeDefined();

    expect(await unlockStoredVault(db, OTHER_PASSPHRASE)).toEqual(dek);
    // Opening with the new passphrase completed the swap.
    expect((await readHeaderSlots(db)).pending).toBeUndefined();
    expect((await readHeaderSlots(db)).current).toEqual(slots.pending);
    await expect(unlockStoredVault(db, PASSPHRASE)).rejects.toThrow(WrongPassphraseError);
  });

  it('between staging and the swap, opening with the old passphrase abandons the change', async () => {
    const put = db.meta.put.bind(db.meta);
    vi.spyOn(db.meta, 'put')
      .mockImplementationOnce((row) => put(row))
      .mockRejectedValueOnce(crash());
    await expect(changeStoredPassphrase(db, PASSPHRASE, OTHER_PASSPHRASE)).rejects.toThrow();
    vi.restoreAllMocks();

    expect(await unlockStoredVault(db, PASSPHRASE)).toEqual(dek);
    expect((await readHeaderSlots(db)).pending).toBeUndefined();
  });

  it('a passphrase that is neither fails once, with the usual message', async () => {
    const put = db.meta.put.bind(db.meta);
    vi.spyOn(db.meta, 'put')
      .mockImplementationOnce((row) => put(row))
      .mockRejectedValueOnce(crash());
    await expect(changeStoredPassphrase(db, PASSPHRASE, OTHER_PASSPHRASE)).rejects.toThrow();
    vi.restoreAllMocks();
    await expect(unlockStoredVault(db, 'neither of the two passphrases')).rejects.toThrow(WrongPassphraseError);
  });
});
