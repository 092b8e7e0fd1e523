import { bytesToHex } from '@noble/hashes/utils.js';
import * as v from 'valibot';
import { encodeAadSequence } from './aad';
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
 * third of a 10,000-note restore (npm run bench). The bytes hashed are the same as before,
 * built in one buffer (encodeAadSequence) rather than in parts and then a joined copy.
 */
export async function entriesDigest(entries: ManifestEntries): Promise<string> {
  const all = encodeAadSequence([
    ['anteroom/backup-entries', entries.records.length, entries.clientKeys.length],
    ...entries.records.map((r) => ['record', r.table, r.id, r.clientId ?? '', r.sealed.v, r.sealed.n, r.sealed.c] as const),
    ...entries.clientKeys.map((k) => ['client-key', k.clientId, k.wrapped.nonce, k.wrapped.ct] as const),
  ]);
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

/**
 * Opens the manifest and compares it with the file. `digest` is entriesDigest of the file,
 * computed beforehand (it needs no key), so this runs without an await, inside DataKey.use if
 * need be (the key may only be held synchronously; data-key.ts).
 */
export function compareManifest(dek: Uint8Array, createdAt: string, sealed: SealedRecord, entries: ManifestEntries, digest: string): ManifestStatus {
  let manifest: unknown;
  try {
    manifest = openRecord(dek, manifestRef(createdAt), sealed);
  } catch {
    return 'tampered';
  }
  if (!v.is(manifestSchema, manifest) || manifest.createdAt !== createdAt) return 'tampered';
  const matches =
    manifest.records === entries.records.length && manifest.clientKeys === entries.clientKeys.length && manifest.sha256 === digest;
  return matches ? 'ok' : 'mismatch';
}
