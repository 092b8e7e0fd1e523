import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exportVaultBackup } from '@/lib/vault/backup/backup-export';
import { prepareImport, writeImport } from '@/lib/vault/backup/backup-import';
import { createBackup, parseBackup, serializeBackup, type BackupRecord } from '@/lib/vault/backup/backup-format';
import { sealRecord, type JsonValue } from '@/lib/vault/crypto/envelope';
import { unwrapClientKey } from '@/lib/vault/crypto/keys';
import { listClients, saveClient } from '@/lib/vault/store/clients-store';
import type { AnteroomVaultDb } from '@/lib/vault/store/db';
import { BackupFormatError, VaultNotEmptyError, WrongPassphraseError } from '@/lib/vault/errors';
import { listNotes, saveNote } from '@/lib/vault/store/notes-store';
import { listSessions, saveSession } from '@/lib/vault/store/sessions-store';
import { createStoredVault } from '@/lib/vault/lifecycle/vault-lifecycle';
import { OTHER_PASSPHRASE, PASSPHRASE } from './helpers';
import { everythingStored, freshDb, testKey } from './store-helpers';

const NOTHING_SKIPPED = { clients: 0, notes: 0, sessions: 0, other: 0 };

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
  expect(exported.leftOut).toEqual([]);
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
    expect(prepared.counts).toEqual({ clients: 1, notes: 2, sessions: 1, skipped: NOTHING_SKIPPED });
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

describe('an authentic file with records this version cannot restore', () => {
  /** The source backup with its records changed, sealed again under the right keys (a bug or an older writer, not an attacker). */
  async function resealed(change: (records: BackupRecord[], clientKey: Uint8Array) => BackupRecord[]): Promise<string> {
    const file = parseBackup(backupText);
    const clientKey = unwrapClientKey(sourceDek, clientId, file.clientKeys[0]!.wrapped);
    const records = change([...file.records], clientKey);
    return serializeBackup(await createBackup({ header: file.header, dek: sourceDek, records, clientKeys: file.clientKeys, createdAt: new Date(file.createdAt) }));
  }
  const resealedAs = (key: Uint8Array, r: BackupRecord, contents: JsonValue): BackupRecord => ({ ...r, sealed: sealRecord(key, { table: r.table, id: r.id }, contents) });

  it.each([
    ['a session longer than this version accepts', (records: BackupRecord[], key: Uint8Array) =>
      records.map((r) => (r.table === 'sessions' ? resealedAs(key, r, { date: '2025-02-03', startedAt: 1, durationMinutes: 60 * 25, platform: 'doxy', checklistSnapshot: {} }) : r)),
    { clients: 1, notes: 2, sessions: 0 }, { sessions: 1 }],
    ['a note whose contents are not a note', (records: BackupRecord[], key: Uint8Array) =>
      records.map((r) => (r.table === 'notes' && r.id === records.find((x) => x.table === 'notes')!.id ? resealedAs(key, r, { unexpected: true }) : r)),
    { clients: 1, notes: 1, sessions: 1 }, { notes: 1 }],
    ['a note filed under no client', (records: BackupRecord[]) =>
      [...records, { table: 'notes', id: 'n_loose', sealed: sealRecord(sourceDek, { table: 'notes', id: 'n_loose' }, { body: 'x' }) }],
    { clients: 1, notes: 2, sessions: 1 }, { notes: 1 }],
    ['a kind of record this version does not know', (records: BackupRecord[]) =>
      [...records, { table: 'invoices', id: 'i_1', sealed: sealRecord(sourceDek, { table: 'invoices', id: 'i_1' }, {}) }],
    { clients: 1, notes: 2, sessions: 1 }, { other: 1 }],
    ['a client record this version cannot read takes its notes and sessions with it', (records: BackupRecord[], key: Uint8Array) =>
      records.map((r) => (r.table === 'clients' ? resealedAs(key, r, { label: 'A.B.', contactMode: 'carrier pigeon', updatedAt: 1 }) : r)),
    { clients: 0, notes: 0, sessions: 0 }, { clients: 1, notes: 2, sessions: 1 }],
  ])('%s: the rest is restored and the skipped records are counted', async (_case, change, restored, skipped) => {
    const prepared = await prepareImport(await resealed(change), PASSPHRASE);
    expect(prepared.counts).toEqual({ ...restored, skipped: { ...NOTHING_SKIPPED, ...skipped } });
    const db = target();
    await writeImport(db, prepared, 'replace-empty');
    const keys = testKey(prepared.dek);
    const clients = await listClients(db, keys);
    expect(clients.items.length).toBe(restored.clients);
    expect(clients.damaged).toEqual([]);
    if (restored.clients > 0) {
      const notes = await listNotes(db, keys, clientId);
      const sessions = await listSessions(db, keys, clientId);
      expect([notes.items.length, sessions.items.length, notes.damaged.length + sessions.damaged.length]).toEqual([restored.notes, restored.sessions, 0]);
    } else {
      // No key is restored without its client: nothing is left behind that opens nothing.
      expect(await db.clientKeys.count()).toBe(0);
    }
  });

  it('the same file, unchanged, restores in full (the skips above come from the change alone)', async () => {
    await expect(prepareImport(await resealed((records) => records), PASSPHRASE)).resolves.toMatchObject({
      counts: { clients: 1, notes: 2, sessions: 1, skipped: NOTHING_SKIPPED },
    });
  });

  it('tampering is still refused whole, even beside a record that would only be skipped', async () => {
    const text = await resealed((records, key) => records.map((r) => (r.table === 'sessions' ? resealedAs(key, r, { too: 'new' }) : r)));
    const file = JSON.parse(text);
    const note = file.records.find((r: { table: string }) => r.table === 'notes');
    note.sealed.c = note.sealed.c.startsWith('A') ? `B${note.sealed.c.slice(1)}` : `A${note.sealed.c.slice(1)}`;
    const attempt = prepareImport(JSON.stringify(file), PASSPHRASE);
    await expect(attempt).rejects.toThrow(BackupFormatError);
    await expect(attempt).rejects.toThrow('failed their integrity check');
  });
});

describe('exporting runs the check a restore runs', () => {
  it('leaves out a damaged record and names it, so the file still restores', async () => {
    const db = target();
    const keys = testKey(await createStoredVault(db, PASSPHRASE));
    const { id } = await saveClient(db, keys, { label: 'A.B.', contactMode: 'video' });
    const good = await saveNote(db, keys, { clientId: id, body: 'fine', tags: [] });
    const bad = await saveNote(db, keys, { clientId: id, body: 'to be damaged', tags: [] });
    const row = (await db.notes.get(bad.id))!;
    await db.notes.put({ ...row, sealed: { ...row.sealed, n: (await db.notes.get(good.id))!.sealed.n } });
    const exported = await exportVaultBackup(db, keys);
    expect(exported.leftOut).toEqual([{ kind: 'note', id: bad.id, clientId: id, clientLabel: 'A.B.', reason: 'damaged' }]);
    expect(parseBackup(exported.text).records.map((r) => r.id)).not.toContain(bad.id);
    const prepared = await prepareImport(exported.text, PASSPHRASE);
    expect(prepared.counts).toEqual({ clients: 1, notes: 1, sessions: 0, skipped: NOTHING_SKIPPED });
  });

  it('leaves out a record an older build wrote that this version refuses, and the file restores in full', async () => {
    const db = target();
    const keys = testKey(await createStoredVault(db, PASSPHRASE));
    const { id } = await saveClient(db, keys, { label: 'A.B.', contactMode: 'video' });
    await saveNote(db, keys, { clientId: id, body: 'kept', tags: [] });
    await saveSession(db, keys, { clientId: id, startedAt: Date.UTC(2025, 1, 3, 10), durationMinutes: 50, platform: 'doxy', checklistSnapshot: {} });
    // What a build before the store checks wrote for a call left open for two days.
    const startedAt = Date.UTC(2025, 0, 6, 9);
    const legacy = { date: new Date(startedAt).toISOString(), startedAt, durationMinutes: 2 * 24 * 60, platform: 'doxy', checklistSnapshot: {} };
    const clientKey = unwrapClientKey(keys.dek, id, (await db.clientKeys.get(id))!.wrapped);
    await db.sessions.add({ id: 'legacy', clientId: id, sealed: sealRecord(clientKey, { table: 'sessions', id: 'legacy' }, legacy) });

    const exported = await exportVaultBackup(db, keys);
    expect(exported.leftOut).toEqual([{ kind: 'session', id: 'legacy', clientId: id, clientLabel: 'A.B.', at: startedAt, reason: 'unreadable' }]);
    // The message names no contents: the platform and duration stay in the vault.
    expect(JSON.stringify(exported.leftOut)).not.toMatch(/doxy|2880/);
    const prepared = await prepareImport(exported.text, PASSPHRASE);
    expect(prepared.counts).toEqual({ clients: 1, notes: 1, sessions: 1, skipped: NOTHING_SKIPPED });
  });

  it('a client whose record this version refuses is named, and its notes are named as left out with it', async () => {
    const db = target();
    const keys = testKey(await createStoredVault(db, PASSPHRASE));
    const { id } = await saveClient(db, keys, { label: 'A.B.', contactMode: 'video' });
    const { id: otherId } = await saveClient(db, keys, { label: 'C.D.', contactMode: 'text' });
    const note = await saveNote(db, keys, { clientId: id, body: 'goes with its client', tags: [] });
    await saveNote(db, keys, { clientId: otherId, body: 'stays', tags: [] });
    const clientKey = unwrapClientKey(keys.dek, id, (await db.clientKeys.get(id))!.wrapped);
    await db.clients.put({ id, sealed: sealRecord(clientKey, { table: 'clients', id }, { label: 'A.B.', contactMode: 'fax', updatedAt: 1 }) });

    const exported = await exportVaultBackup(db, keys);
    expect(exported.leftOut).toEqual([
      { kind: 'client', id, clientId: id, reason: 'unreadable' },
      { kind: 'note', id: note.id, clientId: id, at: expect.any(Number), reason: 'client-left-out' },
    ]);
    const prepared = await prepareImport(exported.text, PASSPHRASE);
    expect(prepared.counts).toEqual({ clients: 1, notes: 1, sessions: 0, skipped: NOTHING_SKIPPED });
    expect(parseBackup(exported.text).clientKeys.map((k) => k.clientId)).toEqual([otherId]);
  });

  it("carries only a client key row's id and wrapped key, whatever else the row holds (a renewal's next)", async () => {
    const db = target();
    const keys = testKey(await createStoredVault(db, PASSPHRASE));
    const { id } = await saveClient(db, keys, { label: 'A.B.', contactMode: 'video' });
    const row = (await db.clientKeys.get(id))!;
    await db.clientKeys.put({ ...row, next: row.wrapped });
    const exported = await exportVaultBackup(db, keys);
    expect(parseBackup(exported.text).clientKeys).toEqual([{ clientId: id, wrapped: row.wrapped }]);
  });
});
