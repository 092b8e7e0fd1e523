import { beforeEach, describe, expect, it, vi } from 'vitest';

// The browsers' own encoder (Uint8Array.prototype.toBase64; Chrome 140+, every Firefox we support),
// which Node 20 lacks. The backup-too-large test seals about 38 MB of notes, which the hand-written
// fallback takes most of a minute to encode here; that fallback keeps its coverage in base64.test.ts
// and every other vault test. Set before lib/vault/crypto/base64.ts loads, which looks once.
vi.hoisted(() => {
  const proto = Uint8Array.prototype as Uint8Array & { toBase64?: () => string };
  proto.toBase64 ??= function (this: Uint8Array) {
    return Buffer.from(this.buffer, this.byteOffset, this.byteLength).toString('base64');
  };
});
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createVaultService } from '@/lib/vault/service/vault-service';
import {
  changePassphrase,
  createVault,
  deleteClient,
  exportBackup,
  exportClientMarkdown,
  getDraft,
  importBackup,
  listClients,
  listNotes,
  listSessions,
  lockVault,
  saveClient,
  saveDraft,
  saveNote,
  saveSession,
  searchNotes,
  deleteNote,
  unlockVault,
  vaultProblems,
  vaultStatus,
} from '@/lib/vault-client';
import { AnteroomVaultDb } from '@/lib/vault/store/db';
import { IDBKeyRange } from 'fake-indexeddb';
import { createVaultDbOpener } from '@/lib/vault/store/open-db';
import { LIMITS } from '@/lib/vault/store/record-schemas';
import { MAX_IMPORT_CHARS } from '@/lib/vault-client/messages';
import { OTHER_PASSPHRASE, PASSPHRASE, routeClientMessages, startService, serve } from './harness';

/** The notes page's whole journey through lib/vault-client, against the real service. */

beforeEach(() => {
  fakeBrowser.reset();
  routeClientMessages();
});

function value<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function vaultWithOneClient() {
  const started = startService();
  value(await createVault(PASSPHRASE));
  const { id: clientId } = value(await saveClient({ label: 'A.B.', contactMode: 'video' }));
  return { ...started, clientId };
}

describe('before there is a vault', () => {
  it('reports "none", and data requests say there is no vault', async () => {
    startService();
    expect(await vaultStatus()).toEqual({ ok: true, value: { state: 'none', autoLockMinutes: 15 } });
    expect(await listClients()).toMatchObject({ ok: false, error: { code: 'no-vault' } });
    expect(await unlockVault(PASSPHRASE)).toMatchObject({ ok: false, error: { code: 'no-vault' } });
  });

  it('refuses a short passphrase with the reason, and creates nothing', async () => {
    startService();
    expect(await createVault('too short')).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('at least 16 characters') } });
    expect(await vaultStatus()).toMatchObject({ value: { state: 'none' } });
  });
});

describe('a therapist’s day with the vault', () => {
  it('creates, files notes, finds them, and keeps a draft across a lock', async () => {
    const { clientId } = await vaultWithOneClient();
    expect(await createVault(PASSPHRASE)).toMatchObject({ ok: false, error: { code: 'not-empty' } });

    const saved = value(await saveNote({ clientId, body: 'Discussed sleep and the café job', tags: ['sleep'] }));
    expect(saved.updatedAt).toBeGreaterThan(0);
    value(await saveNote({ clientId, body: 'Anniversary of the loss next week', tags: [] }));
    expect(value(await listNotes(clientId)).map((n) => n.body)).toHaveLength(2);
    expect(value(await searchNotes('CAFE sleep')).map((n) => n.id)).toEqual([saved.id]);

    value(await saveDraft(clientId, undefined, 'She said that'));
    value(await lockVault());
    expect(await getDraft(clientId)).toMatchObject({ ok: false, error: { code: 'locked' } });
    value(await unlockVault(PASSPHRASE));
    expect(value(await getDraft(clientId))).toEqual({ body: 'She said that' });
    value(await saveDraft(clientId, undefined, ''));
    expect(value(await getDraft(clientId))).toBeNull();
  });

  it('search keeps up with every change, and a lock forgets what it had decrypted', async () => {
    const { clientId } = await vaultWithOneClient();
    const first = value(await saveNote({ clientId, body: 'talked about the garden', tags: [] }));
    expect(value(await searchNotes('garden'))).toHaveLength(1);
    // A note saved, edited or deleted after a search is found (or not) by the next one.
    const second = value(await saveNote({ clientId, body: 'the garden again', tags: [] }));
    expect(value(await searchNotes('garden'))).toHaveLength(2);
    const version = value(await listNotes(clientId)).find((n) => n.id === first.id)!.version;
    value(await saveNote({ id: first.id, version, clientId, body: 'talked about work', tags: [] }));
    expect(value(await searchNotes('garden')).map((n) => n.id)).toEqual([second.id]);
    value(await deleteNote(second.id));
    expect(value(await searchNotes('garden'))).toEqual([]);
    value(await lockVault());
    expect(await searchNotes('work')).toMatchObject({ ok: false, error: { code: 'locked' } });
    value(await unlockVault(PASSPHRASE));
    expect(value(await searchNotes('work'))).toHaveLength(1);
  });

  it('records a session and lists it', async () => {
    const { clientId } = await vaultWithOneClient();
    value(await saveSession({ clientId, startedAt: Date.UTC(2025, 1, 3, 10), durationMinutes: 50, platform: 'doxy', checklistSnapshot: { 'privacy.alone': 'done' } }));
    expect(value(await listSessions(clientId))).toEqual([
      expect.objectContaining({ clientId, durationMinutes: 50, platform: 'doxy', date: '2025-02-03T10:00:00.000Z' }),
    ]);
  });

  it('deleting a client removes them and their notes', async () => {
    const { clientId } = await vaultWithOneClient();
    value(await saveNote({ clientId, body: 'gone soon', tags: [] }));
    value(await deleteClient(clientId, PASSPHRASE));
    expect(value(await listClients())).toEqual([]);
    expect(await listNotes(clientId)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(value(await searchNotes('gone'))).toEqual([]);
  });

  it('exports one client as Markdown with no label in the file name', async () => {
    const { clientId } = await vaultWithOneClient();
    value(await saveNote({ clientId, body: 'Plain text on request', tags: [] }));
    const { fileName, text } = value(await exportClientMarkdown(clientId));
    expect(fileName).toMatch(/^anteroom-notes-\d{4}-\d{2}-\d{2}\.md$/);
    expect(text).toContain('# A.B.');
    expect(text).toContain('Plain text on request');
  });

  it('names a tampered note among the problems while the rest still list', async () => {
    const { clientId, dbName } = await vaultWithOneClient();
    const good = value(await saveNote({ clientId, body: 'fine', tags: [] }));
    const bad = value(await saveNote({ clientId, body: 'altered on disk', tags: [] }));
    const db = new AnteroomVaultDb(dbName);
    const row = (await db.notes.get(bad.id))!;
    await db.notes.put({ ...row, sealed: { ...row.sealed, n: (await db.notes.get(good.id))!.sealed.n } });
    db.close();
    expect(value(await listNotes(clientId)).map((n) => n.id)).toEqual([good.id]);
    expect(value(await vaultProblems())).toEqual({ damaged: [{ table: 'notes', id: bad.id }] });
  });
});

describe('changing the passphrase through the page', () => {
  it('needs the current one, then only the new one opens the vault', async () => {
    await vaultWithOneClient();
    expect(await changePassphrase(OTHER_PASSPHRASE, 'a third passphrase, long enough')).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    value(await changePassphrase(PASSPHRASE, OTHER_PASSPHRASE));
    value(await lockVault());
    expect(await unlockVault(PASSPHRASE)).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    value(await unlockVault(OTHER_PASSPHRASE));
    expect(value(await listClients()).map((c) => c.label)).toEqual(['A.B.']);
    // The first zxcvbn load (its word lists) on a shared 2-core machine.
  }, 90_000);
});

describe('backup and restore through the page', () => {
  it('restores into a new browser’s empty vault, with counts', async () => {
    const { clientId } = await vaultWithOneClient();
    value(await saveNote({ clientId, body: 'carried over', tags: [] }));
    const { fileName, text, leftOut } = value(await exportBackup());
    expect(fileName).toMatch(/^anteroom-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(leftOut).toEqual([]);

    fakeBrowser.reset();
    routeClientMessages();
    startService();
    expect(value(await importBackup(text, PASSPHRASE, 'replace-empty'))).toEqual({ clients: 1, notes: 1, sessions: 0, skipped: { clients: 0, notes: 0, sessions: 0, other: 0 } });
    expect(value(await vaultStatus()).state).toBe('unlocked');
    expect(value(await searchNotes('carried')).map((n) => n.body)).toEqual(['carried over']);
  });

  it('will not silently replace a vault with notes, nor replace it while locked', async () => {
    await vaultWithOneClient();
    const { text } = value(await exportBackup());
    // The refusal says what a replace would leave out: here nothing, so the question warns of nothing.
    expect(await importBackup(text, PASSPHRASE, 'replace-empty')).toMatchObject({
      ok: false,
      error: { code: 'not-empty', skipped: { clients: 0, notes: 0, sessions: 0, other: 0 } },
    });
    // The question to replace comes only for a backup that opens: a wrong passphrase or a bad
    // file is said first.
    expect(await importBackup(text, OTHER_PASSPHRASE, 'replace-empty')).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    expect(await importBackup(text.slice(0, -40), PASSPHRASE, 'replace-empty')).toMatchObject({ ok: false, error: { code: 'backup-invalid' } });
    value(await lockVault());
    expect(await importBackup(text, PASSPHRASE, 'replace')).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  it('refuses to export a backup too large to restore, saying so, instead of making a file import would refuse', async () => {
    const { clientId } = await vaultWithOneClient();
    // Sealed records are base64, a third larger than the text: ~76 of the longest notes a page
    // may save cross the import limit (MAX_IMPORT_CHARS) in the file.
    const needed = Math.ceil(((MAX_IMPORT_CHARS / LIMITS.noteBody) * 3) / 4) + 2;
    for (let i = 0; i < needed; i++) value(await saveNote({ clientId, body: 'x'.repeat(LIMITS.noteBody), tags: [] }));
    const result = await exportBackup();
    expect(result).toMatchObject({ ok: false, error: { code: 'backup-too-large', message: expect.stringMatching(/^Your notes are too large to back up in one file \(\d+ MB\)/) } });
  }, 120_000);

  it('refuses a truncated or wrong-passphrase backup and leaves the vault as it was', async () => {
    const { clientId } = await vaultWithOneClient();
    const { text } = value(await exportBackup());
    value(await saveNote({ clientId, body: 'written after the backup', tags: [] }));
    expect(await importBackup(text.slice(0, -40), PASSPHRASE, 'replace')).toMatchObject({
      ok: false,
      error: { code: 'backup-invalid', message: expect.stringContaining('incomplete') },
    });
    expect(await importBackup(text, OTHER_PASSPHRASE, 'replace')).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase', message: expect.stringContaining('does not open this backup') },
    });
    expect(value(await listNotes(clientId)).map((n) => n.body)).toEqual(['written after the backup']);
  });
});

describe('storage problems reach the page as plain messages', () => {
  it('IndexedDB unavailable', async () => {
    const refusing = { open: () => { throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError'); } };
    serve(createVaultService({ openDb: createVaultDbOpener(() => new AnteroomVaultDb('refused', { indexedDB: refusing, IDBKeyRange })) }));
    expect(await vaultStatus()).toEqual({
      ok: false,
      error: {
        code: 'storage-unavailable',
        message: "Your browser is not keeping data for this extension (private browsing or 'never remember history'), so notes cannot be saved here.",
      },
    });
  });

  it('disk full while saving a note: typed error, and neither the note nor the draft change is written', async () => {
    const db = new AnteroomVaultDb(`quota-${crypto.randomUUID()}`);
    serve(createVaultService({ openDb: async () => db }));
    value(await createVault(PASSPHRASE));
    const { id: clientId } = value(await saveClient({ label: 'A.B.', contactMode: 'video' }));
    value(await saveDraft(clientId, undefined, 'typed so far'));
    const quota = new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError');
    // The draft is read and the note put inside one transaction; the put runs out of space.
    vi.spyOn(db.notes, 'put').mockRejectedValueOnce(quota);
    expect(await saveNote({ clientId, body: 'not saved', tags: [] })).toEqual({
      ok: false,
      error: { code: 'quota', message: 'Your device is out of space for Anteroom; nothing was saved.' },
    });
    expect(await db.notes.count()).toBe(0);
    expect(value(await getDraft(clientId))).toEqual({ body: 'typed so far' });
  });
});
