import { ClientKeyTamperedError, ConflictError, NotFoundError, RecordTamperedError } from '../errors';
import { withStorage } from './storage-failures';
import { createClientKey } from '../crypto/keys';
import { newRecordId, withClientKey, type DataKey } from '../crypto/data-key';
import type { AnteroomVaultDb, ClientRow } from './db';
import { sealedClient, type ContactMode, type SealedClient } from './record-schemas';
import { assertSameClientKey, openChecked, openEach, requireClientKey, sealChecked } from './sealed-rows';
import type { ClientSummary, ClientView, DamagedRecord } from './views';
import { wipe } from '../crypto/wipe';
import type { WrappedKey } from '../crypto/wrapped-key';

/**
 * Clients. Each client has its own random key, wrapped by the data key; the client's record,
 * notes, sessions and draft are sealed under it. Deleting a client deletes the wrapped key and
 * every row in one transaction: the rows are gone, and any copy left on disk (an old LevelDB
 * log, Bitwarden #485) can no longer be opened.
 */

export interface ClientInput {
  id?: string;
  label: string;
  contactMode: ContactMode;
  contractExceptions?: string;
}

const ref = (id: string) => ({ table: 'clients', id });

function toView(id: string, client: SealedClient): ClientView {
  return {
    id,
    label: client.label,
    contactMode: client.contactMode,
    updatedAt: client.updatedAt,
    ...(client.lastHeardFrom !== undefined ? { lastHeardFrom: client.lastHeardFrom } : {}),
    ...(client.contractExceptions ? { contractExceptions: client.contractExceptions } : {}),
    ...(client.reminders?.length ? { reminders: client.reminders.map((reminder) => ({ ...reminder })) } : {}),
  };
}

function openClient(keys: DataKey, row: ClientRow, wrapped: WrappedKey): ClientView {
  return withClientKey(keys, row.id, wrapped, (key) => toView(row.id, openChecked(key, ref(row.id), row.sealed, sealedClient)));
}

export async function listClients(db: AnteroomVaultDb, keys: DataKey): Promise<{ items: ClientSummary[]; damaged: DamagedRecord[] }> {
  const [rows, keyRows] = await withStorage(() =>
    db.transaction('r', db.clients, db.clientKeys, () => Promise.all([db.clients.toArray(), db.clientKeys.toArray()])),
  );
  const wrappedById = new Map(keyRows.map((row) => [row.clientId, row.wrapped]));
  const opened = openEach(rows, (row) => ref(row.id), (row) => {
    const wrapped = wrappedById.get(row.id);
    if (!wrapped) throw new ClientKeyTamperedError(row.id);
    return openClient(keys, row, wrapped);
  });
  opened.items.sort((a, b) => a.label.localeCompare(b.label));
  return opened;
}

export async function getClient(db: AnteroomVaultDb, keys: DataKey, id: string): Promise<ClientView> {
  const wrapped = await requireClientKey(db, id);
  const row = await withStorage(() => db.clients.get(id));
  if (!row) throw new NotFoundError('client');
  return openClient(keys, row, wrapped);
}

export async function saveClient(db: AnteroomVaultDb, keys: DataKey, input: ClientInput): Promise<{ id: string }> {
  return input.id === undefined ? addClient(db, keys, input) : updateClient(db, keys, input.id, input);
}

function sealedFields(input: ClientInput, kept: Partial<SealedClient>, updatedAt: number): SealedClient {
  return {
    label: input.label,
    contactMode: input.contactMode,
    ...(input.contractExceptions ? { contractExceptions: input.contractExceptions } : {}),
    ...(kept.lastHeardFrom !== undefined ? { lastHeardFrom: kept.lastHeardFrom } : {}),
    ...(kept.reminders?.length ? { reminders: kept.reminders } : {}),
    updatedAt,
  };
}

async function addClient(db: AnteroomVaultDb, keys: DataKey, input: ClientInput): Promise<{ id: string }> {
  const id = newRecordId();
  const updatedAt = Date.now();
  // Seal first, write after: crypto inside an IndexedDB transaction risks an early commit (research 3.3).
  const { wrapped, sealed } = keys.use((dek) => {
    const clientKey = createClientKey(dek, id);
    try {
      return { wrapped: clientKey.wrapped, sealed: sealChecked(clientKey.key, ref(id), sealedClient, sealedFields(input, {}, updatedAt)) };
    } finally {
      wipe(clientKey.key);
    }
  });
  await withStorage(() =>
    db.transaction('rw', db.clientKeys, db.clients, async () => {
      await db.clientKeys.add({ clientId: id, wrapped });
      await db.clients.add({ id, sealed });
    }),
  );
  return { id };
}

async function updateClient(db: AnteroomVaultDb, keys: DataKey, id: string, input: ClientInput): Promise<{ id: string }> {
  await rewriteClient(db, keys, id, (current) => sealedFields(input, current ?? {}, Date.now()));
  return { id };
}

/** When the therapist last heard from the client (for the silence follow-up in the contract). */
export async function recordHeardFrom(db: AnteroomVaultDb, keys: DataKey, id: string, date: string): Promise<void> {
  await rewriteClient(db, keys, id, (current) => {
    if (!current) throw new NotFoundError('client');
    return { ...current, lastHeardFrom: date, updatedAt: Date.now() };
  });
}

/**
 * Reads, changes and re-seals one client record. `current` is undefined when the stored record
 * is damaged: saving the form again repairs it (fields it does not carry start empty).
 *
 * The record is read and opened outside the write transaction (crypto inside one would commit
 * it early) and compared again inside it: if another window wrote the client in between, the
 * change is made again from what that window wrote (once; `change` may run twice), so neither
 * write is lost. A second collision in a row gives up with ConflictError.
 */
export async function rewriteClient(
  db: AnteroomVaultDb,
  keys: DataKey,
  id: string,
  change: (current: SealedClient | undefined) => SealedClient,
): Promise<void> {
  if (await rewriteClientOnce(db, keys, id, change)) return;
  if (await rewriteClientOnce(db, keys, id, change)) return;
  throw new ConflictError('client');
}

/** One read, change and write; false (nothing written) when the record changed after the read. */
async function rewriteClientOnce(
  db: AnteroomVaultDb,
  keys: DataKey,
  id: string,
  change: (current: SealedClient | undefined) => SealedClient,
): Promise<boolean> {
  const wrapped = await requireClientKey(db, id);
  const row = await withStorage(() => db.clients.get(id));
  const { sealed } = withClientKey(keys, id, wrapped, (key) => {
    let current: SealedClient | undefined;
    try {
      current = row ? openChecked(key, ref(id), row.sealed, sealedClient) : undefined;
    } catch (error) {
      if (!(error instanceof RecordTamperedError)) throw error;
      current = undefined;
    }
    const next = change(current);
    return { sealed: sealChecked(key, ref(id), sealedClient, next) };
  });
  return withStorage(() =>
    db.transaction('rw', db.clientKeys, db.clients, async () => {
      await assertSameClientKey(db, id, wrapped);
      // Every write draws a fresh nonce, so the same nonce means the same write.
      if ((await db.clients.get(id))?.sealed.n !== row?.sealed.n) return false;
      await db.clients.put({ id, sealed });
      return true;
    }),
  );
}

/**
 * Crypto-shred: the wrapped key and every row of the client go in one transaction. The
 * background deletes through client-deletion.ts, which also renews the data key.
 */
export async function deleteClient(db: AnteroomVaultDb, id: string): Promise<void> {
  await withStorage(() =>
    db.transaction('rw', [db.clientKeys, db.clients, db.notes, db.sessions, db.drafts], async () => {
      if (!(await db.clientKeys.get(id)) && !(await db.clients.get(id))) throw new NotFoundError('client');
      await deleteClientRows(db, id);
    }),
  );
}

/** Inside a transaction over clientKeys, clients, notes, sessions and drafts: every row of the client. */
export async function deleteClientRows(db: AnteroomVaultDb, id: string): Promise<void> {
  await db.clientKeys.delete(id);
  await db.clients.delete(id);
  await db.notes.where('clientId').equals(id).delete();
  await db.sessions.where('clientId').equals(id).delete();
  await db.drafts.delete(id);
}
