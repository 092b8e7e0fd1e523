import type { BackupFile } from './backup-format';
import { compareManifest, manifestDigest, type ManifestStatus } from './backup-manifest';
import { openRecord, type JsonValue } from '../crypto/envelope';
import { BackupFormatError, VaultError } from '../errors';
import { unwrapClientKey, unwrapDek } from '../crypto/keys';
import { wipe } from '../crypto/wipe';

/**
 * Dry run of a restore: opens the header and every record in memory and reports what would fail.
 * Writes nothing and returns no plaintext.
 */

export interface FailedRecord {
  table: string;
  id: string;
  reason: 'tampered' | 'client-key-unavailable';
}

export interface BackupReport {
  /** True only when every record, every client key and the manifest check out. */
  ok: boolean;
  records: { total: number; opened: number; failed: FailedRecord[] };
  clientKeys: { total: number; opened: number; failed: string[] };
  /** 'mismatch': records were added, removed, reordered or replaced since the backup was made. */
  manifest: ManifestStatus;
}

/**
 * Throws WrongPassphraseError for a wrong passphrase (or an altered header); every other
 * problem is reported, not thrown. Throws only VaultError subclasses.
 */
export async function verifyBackup(
  backup: BackupFile,
  passphrase: string,
  onProgress?: (fraction: number) => void,
): Promise<BackupReport> {
  let dek: Uint8Array | undefined;
  try {
    dek = await unwrapDek(backup.header, passphrase, onProgress);
    return await verifyBackupWithDek(backup, dek);
  } catch (error) {
    if (error instanceof VaultError) throw error;
    throw new BackupFormatError(['the backup could not be checked']);
  } finally {
    wipe(dek);
  }
}

/**
 * The record checks alone, for a caller that has already unwrapped the data key. A restore
 * passes `onOpened` to receive each record's contents as it is checked, so it need not decrypt
 * everything a second time (the contents stay in memory, with the caller).
 */
export async function verifyBackupWithDek(
  backup: BackupFile,
  dek: Uint8Array,
  onOpened?: (index: number, contents: JsonValue) => void,
): Promise<BackupReport> {
  return verifyWithDigest(backup, dek, await manifestDigest(backup), onOpened);
}

/**
 * The checks with the manifest digest computed beforehand (it needs no key): synchronous, so the
 * export can run it inside DataKey.use. `digest` must be manifestDigest of this very file.
 */
export function verifyWithDigest(
  backup: BackupFile,
  dek: Uint8Array,
  digest: string,
  onOpened?: (index: number, contents: JsonValue) => void,
): BackupReport {
  const clientKeys = new Map<string, Uint8Array>();
  const failedClients: string[] = [];
  for (const { clientId, wrapped } of backup.clientKeys) {
    try {
      clientKeys.set(clientId, unwrapClientKey(dek, clientId, wrapped));
    } catch {
      failedClients.push(clientId);
    }
  }

  const failed: FailedRecord[] = [];
  try {
    for (const [index, { table, id, clientId, sealed }] of backup.records.entries()) {
      const key = clientId === undefined ? dek : clientKeys.get(clientId);
      if (!key) {
        failed.push({ table, id, reason: 'client-key-unavailable' });
        continue;
      }
      try {
        const contents = openRecord(key, { table, id }, sealed);
        onOpened?.(index, contents);
      } catch {
        failed.push({ table, id, reason: 'tampered' });
      }
    }
  } finally {
    wipe(...clientKeys.values());
  }

  const manifest = compareManifest(dek, backup, backup.manifest, digest);
  return {
    ok: failed.length === 0 && failedClients.length === 0 && manifest === 'ok',
    records: { total: backup.records.length, opened: backup.records.length - failed.length, failed },
    clientKeys: { total: backup.clientKeys.length, opened: clientKeys.size, failed: failedClients },
    manifest,
  };
}
