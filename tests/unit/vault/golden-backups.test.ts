import { hexToBytes } from '@noble/hashes/utils.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseBackup } from '@/lib/vault/backup/backup-format';
import { prepareImport, writeImport } from '@/lib/vault/backup/backup-import';
import type { AnteroomVaultDb } from '@/lib/vault/store/db';
import { openRecord } from '@/lib/vault/crypto/envelope';
import { unwrapClientKey } from '@/lib/vault/crypto/keys';
import { goldenBackups, goldenContents } from './golden-backup-files';
import { freshDb } from './store-helpers';

/**
 * The golden backups (scripts/make-golden-backups.ts): files made once and committed, which
 * every later version must keep restoring to exactly the same contents (backup-splice.test.ts
 * tampers with them).
 */

// Files made by an earlier version open only with the real derivation they were made with.
vi.unmock(import('@/lib/vault/crypto/kdf-scrypt'));

const contents = goldenContents;
const golden = goldenBackups;
const NOTHING_SKIPPED = { clients: 0, notes: 0, sessions: 0, other: 0 };

const dbs: AnteroomVaultDb[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

/** Every restored row opened with the keys the restored vault holds, by table/id. */
async function restoredContents(db: AnteroomVaultDb, dek: Uint8Array): Promise<Record<string, unknown>> {
  const keys = new Map((await db.clientKeys.toArray()).map(({ clientId, wrapped }) => [clientId, unwrapClientKey(dek, clientId, wrapped)]));
  const opened: Record<string, unknown> = {};
  for (const row of await db.clients.toArray()) opened[`clients/${row.id}`] = openRecord(keys.get(row.id)!, { table: 'clients', id: row.id }, row.sealed);
  for (const table of ['notes', 'sessions'] as const) {
    for (const row of await db[table].toArray()) opened[`${table}/${row.id}`] = openRecord(keys.get(row.clientId)!, { table, id: row.id }, row.sealed);
  }
  return opened;
}

describe.each([1, 2] as const)('the golden backup of format version %i', (version) => {
  it('is that version, and restores to exactly the recorded contents with the recorded keys', async () => {
    expect(parseBackup(golden[version]).v).toBe(version);
    const prepared = await prepareImport(golden[version], contents.passphrase);
    expect(prepared.counts).toEqual({ clients: 2, notes: 2, sessions: 2, skipped: NOTHING_SKIPPED });
    expect(prepared.dek).toEqual(hexToBytes(contents.dek));
    const db = freshDb();
    dbs.push(db);
    await writeImport(db, prepared, 'replace-empty');
    expect(await restoredContents(db, prepared.dek)).toEqual(contents.records);
    expect(Object.keys(contents.records)).toHaveLength(6);
  }, 60_000);
});
