import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exportVaultBackup } from '@/lib/vault/backup-export';
import { prepareImport, writeImport } from '@/lib/vault/backup-import';
import { createBackup, parseBackup, serializeBackup, type BackupRecord } from '@/lib/vault/backup-format';
import { sealRecord } from '@/lib/vault/envelope';
import { unwrapClientKey } from '@/lib/vault/keys';
import { listClients, saveClient } from '@/lib/vault/clients-store';
import type { AnteroomVaultDb } from '@/lib/vault/db';
import { BackupFormatError, WrongPassphraseError } from '@/lib/vault/errors';
import { listNotes, saveNote } from '@/lib/vault/notes-store';
import { VaultNotEmptyError } from '@/lib/vault/operation-errors';
import { saveSession } from '@/lib/vault/sessions-store';
import { createStoredVault } from '@/lib/vault/vault-lifecycle';
import { OTHER_PASSPHRASE, PASSPHRASE } from './helpers';
import { everythingStored, freshDb, testKey } from './store-helpers';

/** One source vault for the file (one derivation); each test restores into fresh databases. */
let source: AnteroomVaultDb;
let backupText: string;
let clientId: string;
let sourceDek: Uint8Array;
const dbs: AnteroomVaultDb[] = [];

beforeAll(async () => {
  source = freshDb();
  sourceDek = await createStoredVault(source, PASSPHRASE);
  const keys = testKey(sourceDek);
  ({ id: clientId } = await saveClient(source, keys, { label: 'A.B.', contactMode: 'video' }));
  await saveNote(source, keys, { clientId, body: 'restored note one', tags: ['a'] });
  await saveNote(source, keys, { clientId, body: 'restored note two', tags: [] });
  await saveSession(source, keys, { clientId, startedAt: Date.UTC(2025, 1, 3, 10), durationMinutes: 50, platform: 'doxy', checklistSnapshot: {} });
  const exported = await exportVaultBackup(source, keys, new Date('2025-02-04T12:00:00Z'));
  expect(exported.fileName).toBe('anteroom-backup-2025-02-04.json');
  expect(exported.skippedDamaged).toBe(0);
  backupText = exported.text;
});

afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

function target(): AnteroomVaultDb {
  const db = freshDb();
  dbs.push(db);
  return db;
}

describe('the backup file', () => {
  it('holds no readable note text or label', () => {
    expect(backupText).not.toContain('restored note');
    expect(backupText).not.toContain('A.B.');
  });

  it('restores into an empty vault with a report of what came back', async () => {
    const prepared = await prepareImport(backupText, PASSPHRASE);
    expect(prepared.counts).toEqual({ clients: 1, notes: 2, sessions: 1 });
    const db = target();
    await writeImport(db, prepared, 'replace-empty');
    const keys = testKey(prepared.dek);
    expect((await listClients(db, keys)).items.map((c) => c.label)).toEqual(['A.B.']);
    expect((await listNotes(db, keys, clientId)).items.map((n) => n.body).sort()).toEqual(['restored note one', 'restored note two']);
  });

  it('will not replace a vault that holds notes unless asked to', async () => {
    const db = target();
    const keys = testKey(await createStoredVault(db, OTHER_PASSPHRASE));
    await saveClient(db, keys, { label: 'Existing', contactMode: 'text' });
    const before = await everythingStored(db);
    const prepared = await prepareImport(backupText, PASSPHRASE);
    await expect(writeImport(db, prepared, 'replace-empty')).rejects.toThrow(VaultNotEmptyError);
    expect(await everythingStored(db)).toBe(before);
    await writeImport(db, prepared, 'replace');
    expect((await listClients(db, testKey(prepared.dek))).items.map((c) => c.label)).toEqual(['A.B.']);
  });
});

describe('a bad backup file is refused with a clear message', () => {
  it.each([
    ['cut off while saving', () => backupText.slice(0, Math.floor(backupText.length / 2)), 'incomplete'],
    ['not a backup at all', () => '{"hello":"world"}', 'not an Anteroom backup'],
    ['a note deleted from it', () => {
      const file = JSON.parse(backupText);
      file.records = file.records.filter((r: { table: string }, i: number) => !(r.table === 'notes' && i === 1));
      return JSON.stringify(file);
    }, 'added, removed or replaced'],
    ['a note ciphertext altered', () => {
      const file = JSON.parse(backupText);
      const note = file.records.find((r: { table: string }) => r.table === 'notes');
      note.sealed.c = note.sealed.c.startsWith('A') ? `B${note.sealed.c.slice(1)}` : `A${note.sealed.c.slice(1)}`;
      return JSON.stringify(file);
    }, 'failed their integrity check'],
  ])('%s', async (_case, make, phrase) => {
    const attempt = prepareImport(make(), PASSPHRASE);
    await expect(attempt).rejects.toThrow(BackupFormatError);
    await expect(attempt).rejects.toThrow(phrase);
  });

  it('the wrong passphrase is told apart from a damaged file', async () => {
    await expect(prepareImport(backupText, OTHER_PASSPHRASE)).rejects.toThrow(WrongPassphraseError);
  });

  it('leaves the existing vault exactly as it was', async () => {
    const db = target();
    const keys = testKey(await createStoredVault(db, OTHER_PASSPHRASE));
    await saveClient(db, keys, { label: 'Existing', contactMode: 'text' });
    const before = await everythingStored(db);
    await expect(prepareImport(backupText.slice(0, 100), PASSPHRASE)).rejects.toThrow(BackupFormatError);
    expect(await everythingStored(db)).toBe(before);
  });
});

describe('a file whose records are genuine but cannot be restored is refused, and nothing is written', () => {
  /** The source backup with its records changed, sealed again under the right keys (a bug or an older writer, not an attacker). */
  async function resealed(change: (records: BackupRecord[], clientKey: Uint8Array) => BackupRecord[]): Promise<string> {
    const file = parseBackup(backupText);
    const clientKey = unwrapClientKey(sourceDek, clientId, file.clientKeys[0]!.wrapped);
    const records = change([...file.records], clientKey);
    return serializeBackup(await createBackup({ header: file.header, dek: sourceDek, records, clientKeys: file.clientKeys, createdAt: new Date(file.createdAt) }));
  }

  it.each([
    ['a note whose contents are not a note', (records: BackupRecord[], key: Uint8Array) =>
      records.map((r) => (r.table === 'notes' ? { ...r, sealed: sealRecord(key, { table: r.table, id: r.id }, { unexpected: true }) } : r)),
    'cannot read'],
    ['a note filed under no client', (records: BackupRecord[]) =>
      [...records, { table: 'notes', id: 'n_loose', sealed: sealRecord(sourceDek, { table: 'notes', id: 'n_loose' }, { body: 'x' }) }],
    'not filed under a client'],
    ['a kind of record this version does not know', (records: BackupRecord[]) =>
      [...records, { table: 'invoices', id: 'i_1', sealed: sealRecord(sourceDek, { table: 'invoices', id: 'i_1' }, {}) }],
    'cannot restore'],
  ])('%s', async (_case, change, phrase) => {
    const db = target();
    const keys = testKey(await createStoredVault(db, OTHER_PASSPHRASE));
    await saveClient(db, keys, { label: 'Existing', contactMode: 'text' });
    const before = await everythingStored(db);
    await expect(prepareImport(await resealed(change), PASSPHRASE)).rejects.toThrow(phrase);
    expect(await everythingStored(db)).toBe(before);
  });

  it('the same file, unchanged, restores (the refusals above come from the change alone)', async () => {
    await expect(prepareImport(await resealed((records) => records), PASSPHRASE)).resolves.toMatchObject({ counts: { clients: 1, notes: 2, sessions: 1 } });
  });
});

describe('exporting a vault with a damaged record', () => {
  it('leaves that record out and counts it, so the file still restores', async () => {
    const db = target();
    const keys = testKey(await createStoredVault(db, PASSPHRASE));
    const { id } = await saveClient(db, keys, { label: 'A.B.', contactMode: 'video' });
    const good = await saveNote(db, keys, { clientId: id, body: 'fine', tags: [] });
    const bad = await saveNote(db, keys, { clientId: id, body: 'to be damaged', tags: [] });
    const row = (await db.notes.get(bad.id))!;
    await db.notes.put({ ...row, sealed: { ...row.sealed, n: (await db.notes.get(good.id))!.sealed.n } });
    const exported = await exportVaultBackup(db, keys);
    expect(exported.skippedDamaged).toBe(1);
    expect(parseBackup(exported.text).records.map((r) => r.id)).not.toContain(bad.id);
    const prepared = await prepareImport(exported.text, PASSPHRASE);
    expect(prepared.counts).toEqual({ clients: 1, notes: 1, sessions: 0 });
  });
});
