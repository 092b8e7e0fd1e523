import { digestBackup, sealBackup, serializeBackup, type BackupRecord } from './backup-format';
import type { DataKey } from './data-key';
import type { AnteroomVaultDb, ClientKeyRow } from './db';
import { openRecord } from './envelope';
import { unwrapClientKey } from './keys';
import { BackupTooLargeError, NoVaultError } from './operation-errors';
import { MAX_BACKUP_CHARS } from './record-schemas';
import { isDamage } from './sealed-rows';
import { withStorage } from './storage-errors';
import { wipe } from './wipe';

/**
 * The whole vault as an encrypted backup file (backup-format.ts): the header, every client key
 * and every client, note and session exactly as stored, plus the sealed manifest. Drafts are
 * left out: they are unsaved typing, not records.
 *
 * A record that no longer opens is left out too, and counted: a restore refuses any file with a
 * failing record, so one damaged note must not make every later backup unrestorable.
 */

export interface BackupExport {
  fileName: string;
  text: string;
  /** Records left out because they failed their integrity check in this vault. */
  skippedDamaged: number;
}

export async function exportVaultBackup(db: AnteroomVaultDb, keys: DataKey, now: Date = new Date()): Promise<BackupExport> {
  const snapshot = await withStorage(() =>
    db.transaction('r', [db.meta, db.clientKeys, db.clients, db.notes, db.sessions], async () => ({
      header: (await db.meta.get('current'))?.header,
      clientKeys: await db.clientKeys.toArray(),
      records: [
        ...(await db.clients.toArray()).map((row) => ({ table: 'clients', id: row.id, clientId: row.id, sealed: row.sealed })),
        ...(await db.notes.toArray()).map((row) => ({ table: 'notes', id: row.id, clientId: row.clientId, sealed: row.sealed })),
        ...(await db.sessions.toArray()).map((row) => ({ table: 'sessions', id: row.id, clientId: row.clientId, sealed: row.sealed })),
      ],
    })),
  );
  const { header } = snapshot;
  if (!header) throw new NoVaultError();
  const { clientKeys, records } = keys.use((dek) => openableOnly(dek, snapshot.clientKeys, snapshot.records));
  const unsealed = await digestBackup({ header, records, clientKeys, createdAt: now });
  const backup = { file: keys.use((dek) => sealBackup(unsealed, dek)), kept: records.length + clientKeys.length };
  const text = serializeBackup(backup.file);
  // Import refuses anything longer: such a file could never be restored.
  if (text.length > MAX_BACKUP_CHARS) throw new BackupTooLargeError(text.length, MAX_BACKUP_CHARS);
  return {
    fileName: `anteroom-backup-${now.toISOString().slice(0, 10)}.json`,
    text,
    skippedDamaged: snapshot.records.length + snapshot.clientKeys.length - backup.kept,
  };
}

function openableOnly(dek: Uint8Array, keyRows: readonly ClientKeyRow[], records: readonly BackupRecord[]) {
  const clientKeys = new Map<string, Uint8Array>();
  const keptKeys: ClientKeyRow[] = [];
  for (const row of keyRows) {
    try {
      clientKeys.set(row.clientId, unwrapClientKey(dek, row.clientId, row.wrapped));
      keptKeys.push(row);
    } catch (error) {
      if (!isDamage(error)) throw error;
    }
  }
  try {
    const kept = records.filter((record) => {
      const key = record.clientId === undefined ? undefined : clientKeys.get(record.clientId);
      if (!key) return false;
      try {
        openRecord(key, record, record.sealed);
        return true;
      } catch (error) {
        if (!isDamage(error)) throw error;
        return false;
      }
    });
    return { clientKeys: keptKeys.map(({ clientId, wrapped }) => ({ clientId, wrapped })), records: kept };
  } finally {
    wipe(...clientKeys.values());
  }
}
