import { bytesToHex } from '@noble/hashes/utils.js';
import * as v from 'valibot';
import { encodeAadSequence } from '../crypto/aad';
import { digestInputV1, manifestRefV1 } from './backup-manifest-v1';
import { openRecord, sealRecord, type RecordRef, type SealedRecord } from '../crypto/envelope';
import type { VaultHeader } from '../crypto/header';

/**
 * Each record authenticates itself, but that alone cannot notice a record that was deleted from
 * the file, or one swapped for an older copy of itself (same table and id, so same AAD). The
 * manifest is one more record, sealed under the data key, holding the counts and a SHA-256 over
 * the file's contents in file order; verifyBackup compares it with what the file actually holds.
 *
 * Version 2 (written now) also covers the vault header in the file, so a header taken from an
 * older backup of the same data key (an older passphrase) no longer passes. Its manifest is
 * sealed under another name than version 1's, so a version-2 file relabelled as version 1 (to
 * skip the header check) fails too. Version 1 is read only: backup-manifest-v1.ts.
 */

export type BackupVersion = 1 | 2;

/** What the digest covers: everything in the file except `format` and the manifest itself. */
export interface DigestedFile {
  v: BackupVersion;
  createdAt: string;
  header: VaultHeader;
  records: ReadonlyArray<{ table: string; id: string; clientId?: string | undefined; sealed: SealedRecord }>;
  clientKeys: ReadonlyArray<{ clientId: string; wrapped: { nonce: string; ct: string } }>;
}

const manifestSchema = v.strictObject({
  createdAt: v.string(),
  records: v.number(),
  clientKeys: v.number(),
  sha256: v.string(),
});

type Manifest = v.InferOutput<typeof manifestSchema>;

export type ManifestStatus = 'ok' | 'tampered' | 'mismatch';

function manifestRef(file: Pick<DigestedFile, 'v' | 'createdAt'>): RecordRef {
  return file.v === 1 ? manifestRefV1(file.createdAt) : { table: 'anteroom-backup-manifest/2', id: file.createdAt };
}

/**
 * Version 2's digest input: PAE("anteroom/backup/2", createdAt, records, keys) ‖ PAE("header", …)
 * ‖ PAE("record", …) per record ‖ PAE("client-key", …) per key, each PAE self-delimiting.
 */
function digestInputV2(file: DigestedFile): Uint8Array<ArrayBuffer> {
  const { header } = file;
  const { alg, N, r, p, dkLen } = header.kdf;
  return encodeAadSequence([
    ['anteroom/backup/2', file.createdAt, file.records.length, file.clientKeys.length],
    ['header', header.v, alg, N, r, p, dkLen, header.salt, header.wrappedDek.nonce, header.wrappedDek.ct],
    ...file.records.map((r) => ['record', r.table, r.id, r.clientId ?? '', r.sealed.v, r.sealed.n, r.sealed.c] as const),
    ...file.clientKeys.map((k) => ['client-key', k.clientId, k.wrapped.nonce, k.wrapped.ct] as const),
  ]);
}

/**
 * SHA-256 of the file's digest input, as lowercase hex, computed by the browser's own
 * implementation (WebCrypto): the ciphertexts make up nearly all of a backup, and hashing tens
 * of megabytes in JavaScript was a third of a 10,000-note restore (npm run bench).
 */
export async function manifestDigest(file: DigestedFile): Promise<string> {
  const input = file.v === 1 ? digestInputV1(file) : digestInputV2(file);
  return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', input)));
}

/** Seals the manifest for a file whose digest `manifestDigest` has computed (the key is needed only here). */
export function sealManifest(dek: Uint8Array, file: DigestedFile, sha256: string): SealedRecord {
  const manifest: Manifest = { createdAt: file.createdAt, records: file.records.length, clientKeys: file.clientKeys.length, sha256 };
  return sealRecord(dek, manifestRef(file), manifest);
}

/**
 * Opens the manifest and compares it with the file. `digest` is manifestDigest of the file,
 * computed beforehand (it needs no key), so this runs without an await, inside DataKey.use if
 * need be (the key may only be held synchronously; data-key.ts).
 */
export function compareManifest(dek: Uint8Array, file: DigestedFile, sealed: SealedRecord, digest: string): ManifestStatus {
  let manifest: unknown;
  try {
    manifest = openRecord(dek, manifestRef(file), sealed);
  } catch {
    return 'tampered';
  }
  if (!v.is(manifestSchema, manifest) || manifest.createdAt !== file.createdAt) return 'tampered';
  const matches =
    manifest.records === file.records.length && manifest.clientKeys === file.clientKeys.length && manifest.sha256 === digest;
  return matches ? 'ok' : 'mismatch';
}
