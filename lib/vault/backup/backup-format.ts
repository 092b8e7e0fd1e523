import * as v from 'valibot';
import { manifestDigest, sealManifest, type BackupVersion } from './backup-manifest';
import { sealedRecordSchema } from '../crypto/envelope';
import { BackupFormatError, VaultError } from '../errors';
import { describeIssues, parseVaultHeader, vaultHeaderSchema, type VaultHeader } from '../crypto/header';
import { assertAcceptableKdf } from '../crypto/kdf-policy';
import { MAX_BACKUP_FILE_CHARS } from '../store/record-schemas';
import { wrappedKeySchema } from '../crypto/wrapped-key';

/**
 * The encrypted backup file: a versioned JSON container holding the vault
 * header (so restoring still needs the passphrase), every sealed record as stored, each client's
 * wrapped key, and a sealed manifest that detects removed or rolled-back records. Nothing in it is
 * readable without the passphrase except opaque ids and the creation time.
 */

export const BACKUP_FORMAT = 'anteroom-backup';
/** The version Anteroom writes. Every version in READABLE_VERSIONS still opens. */
export const BACKUP_VERSION = 2;
const READABLE_VERSIONS: readonly BackupVersion[] = [1, 2];

const tableName = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const opaqueId = v.pipe(v.string(), v.minLength(1), v.maxLength(256));

const backupRecordSchema = v.strictObject({
  table: tableName,
  id: opaqueId,
  /** Present when the record is sealed under that client's key rather than the data key. */
  clientId: v.optional(opaqueId),
  sealed: sealedRecordSchema,
});

const backupClientKeySchema = v.strictObject({
  clientId: opaqueId,
  wrapped: wrappedKeySchema,
});

export const backupSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  v: v.picklist(READABLE_VERSIONS),
  createdAt: v.pipe(v.string(), v.isoTimestamp('expected an ISO date and time')),
  header: vaultHeaderSchema,
  records: v.array(backupRecordSchema),
  clientKeys: v.array(backupClientKeySchema),
  manifest: sealedRecordSchema,
});

export type BackupFile = v.InferOutput<typeof backupSchema>;
export type BackupRecord = BackupFile['records'][number];
export type BackupClientKey = BackupFile['clientKeys'][number];

export interface NewBackup {
  header: VaultHeader;
  dek: Uint8Array;
  records: readonly BackupRecord[];
  clientKeys: readonly BackupClientKey[];
  createdAt?: Date;
  /** Only the golden-file generator and tests write version 1 (to prove it still opens). */
  version?: BackupVersion;
}

/** A backup whose manifest digest is computed but not yet sealed: no key needed so far. */
export interface UnsealedBackup {
  v: BackupVersion;
  createdAt: string;
  header: VaultHeader;
  records: BackupRecord[];
  clientKeys: BackupClientKey[];
  sha256: string;
}

/** Step one of assembling a backup from records exactly as stored: the manifest's digest. */
export async function digestBackup(input: Omit<NewBackup, 'dek'>): Promise<UnsealedBackup> {
  const file = {
    v: input.version ?? BACKUP_VERSION,
    createdAt: (input.createdAt ?? new Date()).toISOString(),
    header: parseVaultHeader(input.header),
    records: [...input.records],
    clientKeys: [...input.clientKeys],
  };
  return { ...file, sha256: await manifestDigest(file) };
}

/** Step two: seal the manifest under the data key. Only the manifest is sealed here. */
export function sealBackup(unsealed: UnsealedBackup, dek: Uint8Array): BackupFile {
  const { sha256, ...file } = unsealed;
  return { format: BACKUP_FORMAT, ...file, manifest: sealManifest(dek, file, sha256) };
}

/** Both steps, for a caller that holds the data key throughout. */
export async function createBackup(input: NewBackup): Promise<BackupFile> {
  return sealBackup(await digestBackup(input), input.dek);
}

export function serializeBackup(backup: BackupFile): string {
  return JSON.stringify(backup);
}

/**
 * Reads a backup file. Throws BackupFormatError listing what is wrong, and nothing else, whatever
 * the input: this is the first code to touch a file chosen by the user.
 */
export function parseBackup(text: string): BackupFile {
  try {
    return parseOrThrow(text);
  } catch (error) {
    if (error instanceof BackupFormatError) throw error;
    throw new BackupFormatError(['the file could not be read']);
  }
}

function parseOrThrow(text: unknown): BackupFile {
  if (typeof text !== 'string') throw new BackupFormatError(['the file is not text']);
  // Before JSON.parse: an absurd file costs nothing. The same limit as export, so never a file it made.
  if (text.length > MAX_BACKUP_FILE_CHARS) throw new BackupFormatError(['the file is too large to be an Anteroom backup']);
  const json = parseJson(text);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new BackupFormatError(['this is not an Anteroom backup file']);
  }
  const { format, v: version } = json as Record<string, unknown>;
  if (format !== BACKUP_FORMAT) throw new BackupFormatError(['this is not an Anteroom backup file']);
  if (!READABLE_VERSIONS.includes(version as BackupVersion)) throw new BackupFormatError([versionProblem(version)]);

  const result = v.safeParse(backupSchema, json);
  if (!result.success) throw new BackupFormatError(describeIssues(result.issues));
  const backup = result.output;
  const problems = [...headerProblems(backup.header), ...duplicateProblems(backup)];
  if (problems.length > 0) throw new BackupFormatError(problems);
  return backup;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const trimmed = text.trim();
    const cutOff = trimmed.startsWith('{') && !trimmed.endsWith('}');
    throw new BackupFormatError([
      cutOff
        ? 'the file is incomplete; it may have been cut off while saving or copying'
        : 'the file is damaged or is not a backup (it is not valid JSON)',
    ]);
  }
}

function versionProblem(version: unknown): string {
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    return `it was made by a newer version of Anteroom (backup format ${version}); update Anteroom, then restore it`;
  }
  return 'its backup format version is missing or unknown';
}

/** The same floor and ceiling as opening the live vault, checked before anyone types a passphrase. */
function headerProblems(header: VaultHeader): string[] {
  try {
    assertAcceptableKdf(header.kdf);
    return [];
  } catch (error) {
    return [`header: ${error instanceof VaultError ? error.message : 'unreadable key settings'}`];
  }
}

function duplicateProblems(backup: BackupFile): string[] {
  const problems: string[] = [];
  const seenRecords = new Set<string>();
  for (const [index, record] of backup.records.entries()) {
    const key = JSON.stringify([record.table, record.id]);
    if (seenRecords.has(key)) problems.push(`records.${index}: ${record.table}/${record.id} appears twice`);
    seenRecords.add(key);
  }
  const seenClients = new Set<string>();
  for (const [index, entry] of backup.clientKeys.entries()) {
    if (seenClients.has(entry.clientId)) problems.push(`clientKeys.${index}: client ${entry.clientId} appears twice`);
    seenClients.add(entry.clientId);
  }
  return problems.slice(0, 10);
}
