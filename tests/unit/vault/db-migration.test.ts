import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AnteroomVaultDb, VAULT_DB_VERSION, VAULT_DB_VERSIONS } from '@/lib/vault/store/db';
import { sealRecord } from '@/lib/vault/crypto/envelope';
import { readHeaderSlots } from '@/lib/vault/lifecycle/header-slots';
import { createClientKey, createVault } from '@/lib/vault/crypto/keys';
import { listNotes } from '@/lib/vault/store/notes-store';
import { getDraft, saveDraft } from '@/lib/vault/store/drafts-store';
import { unlockStoredVault } from '@/lib/vault/lifecycle/vault-lifecycle';
import { PASSPHRASE } from './helpers';
import { testKey } from './store-helpers';

/**
 * Upgrades are tested the way Dexie's own `tests-upgrading` does: write a database with the
 * old schema only, close it, and open it with today's class.
 */

const names: string[] = [];
afterEach(async () => {
  await Promise.all(names.splice(0).map((name) => Dexie.delete(name)));
});

/** A new vault's keys in a database opened with the schemas of versions 1 to `upTo` only. */
async function openLegacyVault(upTo: 1 | 2) {
  const name = `legacy-${crypto.randomUUID()}`;
  names.push(name);
  const { header, dek } = await createVault(PASSPHRASE);
  const client = createClientKey(dek, 'c1');
  const legacy = new Dexie(name);
  for (let version = 1; version <= upTo; version++) legacy.version(version).stores(VAULT_DB_VERSIONS[version as 1 | 2]);
  await legacy.open();
  return { name, header, dek, client, legacy };
}

async function writeVersion1Vault() {
  const { name, header, dek, client, legacy } = await openLegacyVault(1);
  await legacy.table('meta').put({ key: 'header', value: header });
  await legacy.table('clientKeys').put({ clientId: 'c1', wrapped: client.wrapped });
  await legacy.table('clients').put({ id: 'c1', updatedAt: 1, sealed: sealRecord(client.key, { table: 'clients', id: 'c1' }, { label: 'A.B.', contactMode: 'video', updatedAt: 1 }) });
  await legacy.table('notes').put({ id: 'n1', clientId: 'c1', updatedAt: 2, sealed: sealRecord(client.key, { table: 'notes', id: 'n1' }, { body: 'kept across the upgrade', tags: [], updatedAt: 2 }) });
  legacy.close();
  return { name, header, dek };
}

describe('opening a vault written by database version 1', () => {
  it('moves the single header into the current slot and keeps every record', async () => {
    const { name, header, dek } = await writeVersion1Vault();
    const db = new AnteroomVaultDb(name);
    await db.open();
    expect(db.verno).toBe(VAULT_DB_VERSION);
    expect(await readHeaderSlots(db)).toEqual({ current: header });
    expect(await db.meta.get('header' as never)).toBeUndefined();
    const notes = await listNotes(db, testKey(dek), 'c1');
    expect(notes.items.map((note) => note.body)).toEqual(['kept across the upgrade']);
    db.close();
  });

  it('still opens with the same passphrase after the upgrade (one derivation)', async () => {
    const { name, dek } = await writeVersion1Vault();
    const db = new AnteroomVaultDb(name);
    expect(await unlockStoredVault(db, PASSPHRASE)).toEqual(dek);
    db.close();
  });

  it('gains the drafts table', async () => {
    const { name, dek } = await writeVersion1Vault();
    const db = new AnteroomVaultDb(name);
    const keys = testKey(dek);
    await saveDraft(db, keys, 'c1', undefined, 'typed after the upgrade');
    expect(await getDraft(db, keys, 'c1')).toEqual({ body: 'typed after the upgrade' });
    db.close();
  });

  it('an empty version 1 database upgrades to an empty vault', async () => {
    const name = `legacy-${crypto.randomUUID()}`;
    names.push(name);
    const legacy = new Dexie(name);
    legacy.version(1).stores(VAULT_DB_VERSIONS[1]);
    await legacy.open();
    legacy.close();
    const db = new AnteroomVaultDb(name);
    expect(await readHeaderSlots(db)).toEqual({});
    db.close();
  });
});

describe('opening a vault written by database version 2', () => {
  async function writeVersion2Vault() {
    const { name, header, dek, client, legacy } = await openLegacyVault(2);
    const seal = (table: string, id: string, value: Record<string, unknown>) => sealRecord(client.key, { table, id }, value as never);
    await legacy.table('meta').put({ key: 'current', header, writtenAt: 1 });
    await legacy.table('clientKeys').put({ clientId: 'c1', wrapped: client.wrapped });
    await legacy.table('clients').put({ id: 'c1', updatedAt: 1_700_000_000_001, sealed: seal('clients', 'c1', { label: 'A.B.', contactMode: 'video', updatedAt: 1_700_000_000_001 }) });
    await legacy.table('notes').put({ id: 'n1', clientId: 'c1', updatedAt: 1_700_000_000_002, sealed: seal('notes', 'n1', { body: 'older', tags: [], updatedAt: 1_700_000_000_002 }) });
    await legacy.table('notes').put({ id: 'n2', clientId: 'c1', updatedAt: 1_700_000_000_003, sealed: seal('notes', 'n2', { body: 'newer', tags: [], updatedAt: 1_700_000_000_003 }) });
    await legacy.table('sessions').put({
      id: 's1',
      clientId: 'c1',
      startedAt: 1_700_000_000_004,
      sealed: seal('sessions', 's1', { date: new Date(1_700_000_000_004).toISOString(), startedAt: 1_700_000_000_004, durationMinutes: 50, platform: 'jitsi', checklistSnapshot: {} }),
    });
    await legacy.table('drafts').put({ clientId: 'c1', noteId: '', updatedAt: 1_700_000_000_005, sealed: seal('drafts', 'c1', { body: 'half a thought', updatedAt: 1_700_000_000_005 }) });
    legacy.close();
    return { name, dek };
  }

  it('drops every timestamp kept in clear, and the records keep theirs inside the seal', async () => {
    const { name, dek } = await writeVersion2Vault();
    const db = new AnteroomVaultDb(name);
    await db.open();
    expect(db.verno).toBe(VAULT_DB_VERSION);
    const rows = await Promise.all([db.clients.toArray(), db.notes.toArray(), db.sessions.toArray(), db.drafts.toArray()]);
    const onDisk = JSON.stringify(rows);
    for (const stamp of ['1700000000001', '1700000000002', '1700000000003', '1700000000004', '1700000000005']) expect(onDisk).not.toContain(stamp);
    expect(rows.flat().map((row) => Object.keys(row).sort())).toEqual([
      ['id', 'sealed'],
      ['clientId', 'id', 'sealed'],
      ['clientId', 'id', 'sealed'],
      ['clientId', 'id', 'sealed'],
      ['clientId', 'noteId', 'sealed'],
    ]);
    const keys = testKey(dek);
    const notes = await listNotes(db, keys, 'c1');
    expect(notes.items.map((note) => [note.body, note.updatedAt])).toEqual([['newer', 1_700_000_000_003], ['older', 1_700_000_000_002]]);
    expect(await getDraft(db, keys, 'c1')).toEqual({ body: 'half a thought' });
    db.close();
  });
});
