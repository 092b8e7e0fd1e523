import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import * as v from 'valibot';
import { encodeAad } from './aad';
import { openRecord, sealRecord, type RecordRef, type SealedRecord } from './envelope';

/**
 * Each record authenticates itself, but that alone cannot notice a record that was deleted from
 * the file, or one swapped for an older copy of itself (same table and id, so same AAD). The
 * manifest is one more record, sealed under the data key, holding the counts and a SHA-256 over
 * every entry in file order; verifyBackup compares it with what the file actually contains.
 */

export interface ManifestEntries {
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

function manifestRef(createdAt: string): RecordRef {
  return { table: 'anteroom-backup-manifest', id: createdAt };
}

/** Digest of the entries; each entry is PAE-encoded, so the concatenation is unambiguous. */
export function entriesDigest(entries: ManifestEntries): string {
  const hash = sha256.create();
  hash.update(encodeAad('anteroom/backup-entries', entries.records.length, entries.clientKeys.length));
  for (const r of entries.records) {
    hash.update(encodeAad('record', r.table, r.id, r.clientId ?? '', r.sealed.v, r.sealed.n, r.sealed.c));
  }
  for (const k of entries.clientKeys) {
    hash.update(encodeAad('client-key', k.clientId, k.wrapped.nonce, k.wrapped.ct));
  }
  return bytesToHex(hash.digest());
}

export function sealManifest(dek: Uint8Array, createdAt: string, entries: ManifestEntries): SealedRecord {
  const manifest: Manifest = {
    createdAt,
    records: entries.records.length,
    clientKeys: entries.clientKeys.length,
    sha256: entriesDigest(entries),
  };
  return sealRecord(dek, manifestRef(createdAt), manifest);
}

export function checkManifest(
  dek: Uint8Array,
  createdAt: string,
  sealed: SealedRecord,
  entries: ManifestEntries,
): ManifestStatus {
  let manifest: unknown;
  try {
    manifest = openRecord(dek, manifestRef(createdAt), sealed);
  } catch {
    return 'tampered';
  }
  if (!v.is(manifestSchema, manifest) || manifest.createdAt !== createdAt) return 'tampered';
  const matches =
    manifest.records === entries.records.length &&
    manifest.clientKeys === entries.clientKeys.length &&
    manifest.sha256 === entriesDigest(entries);
  return matches ? 'ok' : 'mismatch';
}
