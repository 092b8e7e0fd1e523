import { encodeAadSequence } from '../crypto/aad';
import type { RecordRef } from '../crypto/envelope';
import type { DigestedFile } from './backup-manifest';

/**
 * Backup format version 1: read path only (Anteroom writes version 2). Its manifest digest covers
 * the records and client keys but not the header, so a header copied in from another backup of
 * the same data key went unnoticed; version 2 closes that. Never change these bytes: every
 * version-1 file made must keep opening (tests/fixtures/backups/backup-v1.json).
 */

export function manifestRefV1(createdAt: string): RecordRef {
  return { table: 'anteroom-backup-manifest', id: createdAt };
}

/** PAE("anteroom/backup-entries", records, keys) ‖ PAE("record", …) per record ‖ PAE("client-key", …) per key. */
export function digestInputV1(file: DigestedFile): Uint8Array<ArrayBuffer> {
  return encodeAadSequence([
    ['anteroom/backup-entries', file.records.length, file.clientKeys.length],
    ...file.records.map((r) => ['record', r.table, r.id, r.clientId ?? '', r.sealed.v, r.sealed.n, r.sealed.c] as const),
    ...file.clientKeys.map((k) => ['client-key', k.clientId, k.wrapped.nonce, k.wrapped.ct] as const),
  ]);
}
