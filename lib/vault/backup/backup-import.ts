import { manifestDigest } from './backup-manifest';
import { parseBackup, type BackupFile } from './backup-format';
import { checkRestore, type LeftOutRecord, type RestorableRows } from './backup-restorable';
import type { BackupReport } from './backup-verify';
import type { AnteroomVaultDb } from '../store/db';
import { BackupFormatError, VaultNotEmptyError } from '../errors';
import { withStorage } from '../store/storage-failures';
import type { VaultHeader } from '../crypto/header';
import { unwrapDek } from '../crypto/keys';
import type { ImportCounts, SkippedCounts } from '../store/views';
import { wipe } from '../crypto/wipe';

/**
 * Restoring a backup, in two steps so nothing is written unless the file checks out:
 * `prepareImport` parses the file, unwraps its data key with the backup's passphrase and runs
 * checkRestore (every record and the manifest authenticated, every record's contents checked);
 * `writeImport` then replaces the vault in one transaction. The restored vault keeps the
 * backup's header, so afterwards the backup's passphrase opens it.
 *
 * A file that was altered is refused whole. An authentic file with records this version cannot
 * restore is restored without them, and the counts say how many of which kind were skipped.
 */

export type ImportMode = 'replace-empty' | 'replace';

export interface PreparedImport {
  header: VaultHeader;
  /** The backup's data key; the caller takes custody of it or wipes it. */
  dek: Uint8Array;
  rows: RestorableRows;
  counts: ImportCounts;
}

/** Throws BackupFormatError (malformed, truncated, tampered) or WrongPassphraseError. */
export async function prepareImport(text: string, passphrase: string, onProgress?: (fraction: number) => void): Promise<PreparedImport> {
  const backup = parseBackup(text);
  // Begun before the key derivation: the browser hashes the file on its own thread meanwhile.
  const digest = manifestDigest(backup);
  // Settled if the derivation throws (wrong passphrase), so no rejection goes unheard.
  digest.catch(() => undefined);
  const dek = await unwrapDek(backup.header, passphrase, onProgress);
  try {
    return await prepareImportWithDek(backup, dek, digest);
  } catch (error) {
    wipe(dek);
    throw error;
  }
}

/**
 * Everything after the unwrap (for tests that would otherwise spend a scrypt derivation per file).
 * `digest`, when given, is manifestDigest of this very backup, already under way.
 */
export async function prepareImportWithDek(backup: BackupFile, dek: Uint8Array, digest = manifestDigest(backup)): Promise<PreparedImport> {
  const check = checkRestore(backup, dek, await digest);
  if (!check.report.ok) throw new BackupFormatError(reportProblems(check.report));
  const { rows } = check;
  return {
    header: backup.header,
    dek,
    rows,
    counts: { clients: rows.clients.length, notes: rows.notes.length, sessions: rows.sessions.length, skipped: countSkipped(check.leftOut) },
  };
}

function countSkipped(leftOut: readonly LeftOutRecord[]): SkippedCounts {
  const counts: SkippedCounts = { clients: 0, notes: 0, sessions: 0, other: 0 };
  for (const { table } of leftOut) {
    if (table === 'clients' || table === 'notes' || table === 'sessions') counts[table] += 1;
    else counts.other += 1;
  }
  return counts;
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
  if (manifest === 'mismatch') problems.push('records or its header were added, removed or replaced after the backup was made');
  if (manifest === 'tampered') problems.push("the backup's table of contents failed its integrity check");
  return problems;
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
