import { readFileSync } from 'node:fs';
import { hexToBytes } from '@noble/hashes/utils.js';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup, serializeBackup } from '@/lib/vault/backup/backup-format';
import { prepareImport, writeImport } from '@/lib/vault/backup/backup-import';
import type { AnteroomVaultDb } from '@/lib/vault/store/db';
import { openRecord } from '@/lib/vault/crypto/envelope';
import { BackupFormatError } from '@/lib/vault/errors';
import { rewrapDek, unwrapClientKey } from '@/lib/vault/crypto/keys';
import { OTHER_PASSPHRASE } from './helpers';
import { freshDb } from './store-helpers';

/**
 * The golden backups (scripts/make-golden-backups.ts): files made once and committed, which
 * every later version must keep restoring to exactly the same contents. Version 2 must also
 * refuse a header spliced in from another backup of the same data key, which version 1 cannot.
 */

const dir = new URL('../../fixtures/backups/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const contents = JSON.parse(read('contents.json')) as {
  passphrase: string;
  dek: string;
  clientKeys: Record<string, string>;
  records: Record<string, unknown>;
};
const golden = { 1: read('backup-v1.json'), 2: read('backup-v2.json') } as const;
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

describe('a header from an older backup of the same data key, spliced in', () => {
  const dek = hexToBytes(contents.dek);
  /** The golden file with the header a backup made under another passphrase (same data key) would carry. */
  async function spliced(version: 1 | 2, relabel?: 1): Promise<string> {
    const file = parseBackup(golden[version]);
    const olderHeader = await rewrapDek(file.header, dek, OTHER_PASSPHRASE);
    return serializeBackup({ ...file, header: olderHeader, ...(relabel ? { v: relabel } : {}) });
  }

  it('is refused in a version 2 file: the manifest covers the header', async () => {
    const attempt = prepareImport(await spliced(2), OTHER_PASSPHRASE);
    await expect(attempt).rejects.toThrow(BackupFormatError);
    await expect(attempt).rejects.toThrow(/header were added, removed or replaced/);
  }, 60_000);

  it('is refused in a version 2 file relabelled as version 1 (no downgrade to the unbound manifest)', async () => {
    const attempt = prepareImport(await spliced(2, 1), OTHER_PASSPHRASE);
    await expect(attempt).rejects.toThrow(/table of contents failed its integrity check/);
  }, 60_000);

  it('still opens a version 1 file (the gap version 2 closes; this shows the splice above is a real one)', async () => {
    const prepared = await prepareImport(await spliced(1), OTHER_PASSPHRASE);
    expect(prepared.counts).toMatchObject({ clients: 2, notes: 2, sessions: 2 });
  }, 60_000);
});
