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

/**
 * Digest of the entries; each entry is PAE-encoded, so the concatenation is unambiguous.
 * SHA-256 of the concatenation, computed by the browser's own implementation (WebCrypto): the
 * ciphertexts make up nearly all of a backup, and hashing tens of megabytes in JavaScript was a
 * third of a 10,000-note restore (npm run bench). The bytes hashed are the same as before.
 */
export async function entriesDigest(entries: ManifestEntries): Promise<string> {
  const parts: Uint8Array[] = [encodeAad('anteroom/backup-entries', entries.records.length, entries.clientKeys.length)];
  for (const r of entries.records) {
    parts.push(encodeAad('record', r.table, r.id, r.clientId ?? '', r.sealed.v, r.sealed.n, r.sealed.c));
  }
  for (const k of entries.clientKeys) {
    parts.push(encodeAad('client-key', k.clientId, k.wrapped.nonce, k.wrapped.ct));
  }
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', all)));
}

/** Seals the manifest for entries whose digest `entriesDigest` has computed (the key is needed only here). */
export function sealManifest(dek: Uint8Array, createdAt: string, entries: ManifestEntries, sha256: string): SealedRecord {
  const manifest: Manifest = {
    createdAt,
    records: entries.records.length,
    clientKeys: entries.clientKeys.length,
    sha256,
  };
  return sealRecord(dek, manifestRef(createdAt), manifest);
}

export async function checkManifest(
  dek: Uint8Array,
  createdAt: string,
  sealed: SealedRecord,
  entries: ManifestEntries,
): Promise<ManifestStatus> {
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
    manifest.sha256 === (await entriesDigest(entries));
  return matches ? 'ok' : 'mismatch';
}
