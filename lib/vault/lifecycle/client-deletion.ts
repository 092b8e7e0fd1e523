import { randomBytes } from '@noble/ciphers/utils.js';
import { KEY_BYTES } from '../crypto/aead';
import { deleteClientRows } from '../store/clients-store';
import type { AnteroomVaultDb, ClientKeyRow } from '../store/db';
import { readHeaderSlots } from './header-slots';
import { rewrapDek, unwrapClientKey, unwrapDek, wrapClientKey } from '../crypto/keys';
import { ConflictError, NotFoundError, NoVaultError } from '../errors';
import { withStorage } from '../store/storage-failures';
import { isDamage } from '../store/sealed-rows';
import { wipe } from '../crypto/wipe';

/**
 * Deleting a client, and renewing the data key with it. The client's wrapped key and rows go, and
 * every other client key is wrapped again under a new data key, in the same transaction as the
 * new header, so the vault is wholly before or wholly after. A leftover copy of the deleted
 * client's wrapped key (an old LevelDB file) is then sealed under a data key the vault no longer
 * has: it opens only together with an older copy of the header, and that with the passphrase
 * the older header had. Renewing the data key needs the passphrase (the key that wraps it is
 * derived from it and never kept), so the therapist types it to delete.
 */

/** Writes that raced the deletion (a client saved meanwhile): one retry, then ConflictError. */
const ATTEMPTS = 2;

export async function deleteClientRenewingDataKey(db: AnteroomVaultDb, clientId: string, passphrase: string): Promise<Uint8Array> {
  const { current, renewal } = await readHeaderSlots(db);
  if (!current) throw new NoVaultError();
  // A key renewal left unfinished is settled at unlock, before anything else can run.
  if (renewal) throw new ConflictError('client');
  const dek = await unwrapDek(current, passphrase);
  const nextDek = randomBytes(KEY_BYTES);
  try {
    const exists = await withStorage(async () => (await db.clientKeys.get(clientId)) ?? (await db.clients.get(clientId)));
    if (!exists) throw new NotFoundError('client');
    // Same passphrase, fresh salt: the old header's KEK opens nothing the new header holds.
    const header = await rewrapDek(current, nextDek, passphrase);
    for (let attempt = 1; ; attempt++) {
      const before = (await withStorage(() => db.clientKeys.toArray())).filter((row) => row.clientId !== clientId);
      const rewrapped = before.map((row) => rewrapUnder(dek, nextDek, row));
      const done = await withStorage(() =>
        db.transaction('rw', [db.meta, db.clientKeys, db.clients, db.notes, db.sessions, db.drafts], async () => {
          const stored = await db.meta.get('current');
          if (stored?.header.salt !== current.salt || (await db.meta.get('renewal'))) throw new ConflictError('client');
          const now = (await db.clientKeys.toArray()).filter((row) => row.clientId !== clientId);
          const same = now.length === before.length && now.every((row, i) => row.clientId === before[i]?.clientId && row.wrapped.ct === before[i]?.wrapped.ct);
          if (!same) return false;
          await deleteClientRows(db, clientId);
          await db.clientKeys.bulkPut(rewrapped);
          await db.meta.put({ key: 'current', header, writtenAt: Date.now() });
          await db.meta.delete('pending');
          return true;
        }),
      );
      if (done) return nextDek;
      if (attempt >= ATTEMPTS) throw new ConflictError('client');
    }
  } catch (error) {
    wipe(nextDek);
    throw error;
  } finally {
    wipe(dek);
  }
}

/** The same client key under the new data key; a key that no longer opens is carried over as it is. */
function rewrapUnder(dek: Uint8Array, nextDek: Uint8Array, row: ClientKeyRow): ClientKeyRow {
  let key: Uint8Array;
  try {
    key = unwrapClientKey(dek, row.clientId, row.wrapped);
  } catch (error) {
    if (!isDamage(error)) throw error;
    return { clientId: row.clientId, wrapped: row.wrapped };
  }
  try {
    return { clientId: row.clientId, wrapped: wrapClientKey(nextDek, row.clientId, key) };
  } finally {
    wipe(key);
  }
}
