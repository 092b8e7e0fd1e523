import * as v from 'valibot';
import { parseBackup, type BackupFile } from './backup-format';
import { verifyBackupWithDek, type BackupReport } from './backup-verify';
import type { AnteroomVaultDb, ClientKeyRow, ClientRow, NoteRow, SessionRow } from './db';
import { BackupFormatError } from './errors';
import type { JsonValue } from './envelope';
import type { VaultHeader } from './header';
import { unwrapDek } from './keys';
import { VaultNotEmptyError } from './operation-errors';
import { recordId, sealedClient, sealedNote, sealedSession } from './record-schemas';
import { withStorage } from './storage-errors';
import type { ImportCounts } from './views';
import { wipe } from './wipe';

/**
 * Restoring a backup, in two steps so nothing is written unless everything checks out:
 * `prepareImport` parses the file, unwraps its data key with the backup's passphrase, verifies
 * every record and the manifest, and checks each record's contents (opened once, in memory)
 * to rebuild the clear index columns; `writeImport` then replaces the vault in one transaction. The restored vault keeps
 * the backup's header, so afterwards the backup's passphrase opens it.
 */

export type ImportMode = 'replace-empty' | 'replace';

export interface PreparedImport {
  header: VaultHeader;
  /** The backup's data key; the caller takes custody of it or wipes it. */
  dek: Uint8Array;
  rows: { clientKeys: ClientKeyRow[]; clients: ClientRow[]; notes: NoteRow[]; sessions: SessionRow[] };
  counts: ImportCounts;
}

/** Throws BackupFormatError (malformed, truncated, tampered) or WrongPassphraseError. */
export async function prepareImport(text: string, passphrase: string, onProgress?: (fraction: number) => void): Promise<PreparedImport> {
  const backup = parseBackup(text);
  const dek = await unwrapDek(backup.header, passphrase, onProgress);
  try {
    const opened: JsonValue[] = [];
    const report = await verifyBackupWithDek(backup, dek, (index, contents) => (opened[index] = contents));
    if (!report.ok) throw new BackupFormatError(reportProblems(report));
    const rows = rowsFromBackup(backup, opened);
    return {
      header: backup.header,
      dek,
      rows,
      counts: { clients: rows.clients.length, notes: rows.notes.length, sessions: rows.sessions.length },
    };
  } catch (error) {
    wipe(dek);
    throw error;
  }
}

function reportProblems(report: BackupReport): string[] {
  const problems: string[] = [];
  const { records, clientKeys, manifest } = report;
  if (records.failed.length > 0) {
    problems.push(`${records.failed.length} of ${records.total} records failed their integrity check (the file was altered or damaged)`);
  }
  if (clientKeys.failed.length > 0) {
    problems.push(`${clientKeys.failed.length} of ${clientKeys.total} client keys failed their integrity check`);
  }
  if (manifest === 'mismatch') problems.push('records were added, removed or replaced after the backup was made');
  if (manifest === 'tampered') problems.push("the backup's table of contents failed its integrity check");
  return problems;
}

const RESTORABLE_TABLES = new Set(['clients', 'notes', 'sessions']);

/** Checks every record's contents (opened and verified already) and recovers its index columns. */
function rowsFromBackup(backup: BackupFile, opened: readonly JsonValue[]): PreparedImport['rows'] {
  const problems: string[] = [];
  const filedUnder = new Set(backup.clientKeys.map(({ clientId }) => clientId));
  const rows: PreparedImport['rows'] = {
    clientKeys: backup.clientKeys.map(({ clientId, wrapped }) => ({ clientId, wrapped })),
    clients: [],
    notes: [],
    sessions: [],
  };
  for (const [index, { table, id, clientId, sealed }] of backup.records.entries()) {
    if (!RESTORABLE_TABLES.has(table)) {
      problems.push(`it holds records of a kind this version of Anteroom cannot restore (${table.slice(0, 40)})`);
      continue;
    }
    const ids = [id, clientId].every((value) => v.is(recordId, value));
    if (clientId === undefined || !filedUnder.has(clientId) || !ids || (table === 'clients' && clientId !== id)) {
      problems.push(`the record ${table}/${id.slice(0, 64)} is not filed under a client`);
      continue;
    }
    const contents = opened[index];
    const readable = <S extends v.GenericSchema>(schema: S) => {
      const result = v.safeParse(schema, contents);
      return result.success ? result.output : undefined;
    };
    const client = table === 'clients' ? readable(sealedClient) : undefined;
    const note = table === 'notes' ? readable(sealedNote) : undefined;
    const session = table === 'sessions' ? readable(sealedSession) : undefined;
    if (client) rows.clients.push({ id, sealed });
    else if (note) rows.notes.push({ id, clientId, sealed });
    else if (session) rows.sessions.push({ id, clientId, sealed });
    else problems.push(`the record ${table}/${id} has contents this version of Anteroom cannot read`);
  }
  const clientIds = new Set(rows.clients.map((row) => row.id));
  const orphans = [...rows.notes, ...rows.sessions].filter((row) => !clientIds.has(row.clientId)).length;
  if (orphans > 0) problems.push(`${orphans} notes or sessions belong to no client in the file`);
  if (problems.length > 0) throw new BackupFormatError([...new Set(problems)].slice(0, 10));
  return rows;
}

export async function isVaultEmpty(db: AnteroomVaultDb): Promise<boolean> {
  const counts = await Promise.all([db.clientKeys.count(), db.clients.count(), db.notes.count(), db.sessions.count()]);
  return counts.every((count) => count === 0);
}

/** One transaction: the vault is either entirely the old one or entirely the restored one. */
export async function writeImport(db: AnteroomVaultDb, prepared: PreparedImport, mode: ImportMode): Promise<void> {
  await withStorage(() =>
    db.transaction('rw', db.tables, async () => {
      if (mode === 'replace-empty' && !(await isVaultEmpty(db))) throw new VaultNotEmptyError();
      await Promise.all(db.tables.map((table) => table.clear()));
      await db.meta.put({ key: 'current', header: prepared.header, writtenAt: Date.now() });
      await db.clientKeys.bulkAdd(prepared.rows.clientKeys);
      await db.clients.bulkAdd(prepared.rows.clients);
      await db.notes.bulkAdd(prepared.rows.notes);
      await db.sessions.bulkAdd(prepared.rows.sessions);
    }),
  );
}
