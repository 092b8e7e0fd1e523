import { manifestDigest } from './backup-manifest';
import { digestBackup, parseBackup, sealBackup, serializeBackup, type BackupRecord } from './backup-format';
import { checkRestore, type LeftOutRecord, type OpenedRecord } from './backup-restorable';
import type { DataKey } from '../crypto/data-key';
import type { AnteroomVaultDb, ClientKeyRow } from '../store/db';
import type { VaultHeader } from '../crypto/header';
import { BackupTooLargeError, BackupUnverifiedError, NoVaultError } from '../errors';
import { withStorage } from '../store/storage-failures';
import { MAX_BACKUP_FILE_CHARS } from '../store/record-schemas';
import type { LeftOutView } from '../store/views';

/**
 * The whole vault as an encrypted backup file (backup-format.ts): the header, every client key
 * and every client, note and session exactly as stored, plus the sealed manifest. Drafts are
 * left out: they are unsaved typing, not records.
 *
 * Before the file is offered it goes through the very check a restore runs (checkRestore), on
 * the text as it will be saved. Any record that check would not restore (damaged here, or
 * written by an older build with contents this version refuses) is left out and named, and the
 * file is made again without it and checked again: every file offered restores in full.
 */

export interface BackupExport {
  fileName: string;
  text: string;
  /** Records not in the file, for the notes page to name; empty when everything is in it. */
  leftOut: LeftOutView[];
}

interface Snapshot {
  header: VaultHeader;
  clientKeys: ClientKeyRow[];
  records: BackupRecord[];
}

export async function exportVaultBackup(db: AnteroomVaultDb, keys: DataKey, now: Date = new Date()): Promise<BackupExport> {
  const stored = await withStorage(() =>
    db.transaction('r', [db.meta, db.clientKeys, db.clients, db.notes, db.sessions], async () => ({
      header: (await db.meta.get('current'))?.header,
      // Only the two fields a backup holds (a key renewal adds `next` to a row while it runs).
      clientKeys: (await db.clientKeys.toArray()).map(({ clientId, wrapped }) => ({ clientId, wrapped })),
      records: [
        ...(await db.clients.toArray()).map((row) => ({ table: 'clients', id: row.id, clientId: row.id, sealed: row.sealed })),
        ...(await db.notes.toArray()).map((row) => ({ table: 'notes', id: row.id, clientId: row.clientId, sealed: row.sealed })),
        ...(await db.sessions.toArray()).map((row) => ({ table: 'sessions', id: row.id, clientId: row.clientId, sealed: row.sealed })),
      ],
    })),
  );
  const { header } = stored;
  if (!header) throw new NoVaultError();
  const snapshot: Snapshot = { header, clientKeys: stored.clientKeys, records: stored.records };

  const first = await madeAndChecked(snapshot, keys, now);
  if (first.leftOut.length === 0) return { fileName: fileName(now), text: first.text, leftOut: [] };

  const out = new Set(first.leftOut.map((record) => `${record.table}/${record.id}`));
  const records = snapshot.records.filter((record) => !out.has(`${record.table}/${record.id}`));
  const clientIds = new Set(records.map((record) => record.clientId));
  const clientKeys = snapshot.clientKeys.filter((row) => clientIds.has(row.clientId));
  const second = await madeAndChecked({ header, clientKeys, records }, keys, now);
  // Leaving out what the first check named cannot make another record fail; if it did, offer nothing.
  if (second.leftOut.length > 0) throw new BackupUnverifiedError();
  return { fileName: fileName(now), text: second.text, leftOut: first.views };
}

function fileName(now: Date): string {
  return `anteroom-backup-${now.toISOString().slice(0, 10)}.json`;
}

/** The file made from these rows, then read back from its text and checked as a restore would. */
async function madeAndChecked(snapshot: Snapshot, keys: DataKey, now: Date) {
  const unsealed = await digestBackup({ ...snapshot, createdAt: now });
  const text = serializeBackup(keys.use((dek) => sealBackup(unsealed, dek)));
  // Import refuses anything longer: such a file could never be restored.
  if (text.length > MAX_BACKUP_FILE_CHARS) throw new BackupTooLargeError(text.length, MAX_BACKUP_FILE_CHARS);
  const backup = parseBackup(text);
  const digest = await manifestDigest(backup);
  return keys.use((dek) => {
    const check = checkRestore(backup, dek, digest);
    if (check.report.manifest !== 'ok') throw new BackupUnverifiedError();
    const position = new Map(backup.records.map((entry, index) => [`${entry.table}/${entry.id}`, index]));
    const openedAs = (table: string, id: string) => {
      const index = position.get(`${table}/${id}`);
      return index === undefined ? undefined : check.opened[index];
    };
    const views = check.leftOut.map((record) => describeLeftOut(record, openedAs));
    return { text, leftOut: check.leftOut, views };
  });
}

/** Kind, client label and date, read only from fields that pass their own check; nothing else. */
function describeLeftOut(record: LeftOutRecord, openedAs: (table: string, id: string) => OpenedRecord | undefined): LeftOutView {
  const clientId = record.clientId ?? '';
  const label = openedAs('clients', clientId)?.label;
  const at = record.table === 'sessions' || record.table === 'notes' ? openedAs(record.table, record.id)?.at : undefined;
  const reason = record.reason === 'damaged' || record.reason === 'client-left-out' ? record.reason : 'unreadable';
  return {
    kind: record.table === 'clients' ? 'client' : record.table === 'notes' ? 'note' : 'session',
    id: record.id,
    clientId,
    ...(label === undefined ? {} : { clientLabel: label }),
    ...(at === undefined ? {} : { at }),
    reason,
  };
}
