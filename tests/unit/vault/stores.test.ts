import { afterEach, describe, expect, it, vi } from 'vitest';
import { scheduleReminder } from '@/lib/vault/store/client-reminders';
import { deleteClient, getClient, listClients, recordHeardFrom, saveClient } from '@/lib/vault/store/clients-store';
import type { AnteroomVaultDb } from '@/lib/vault/store/db';
import { getDraft, saveDraft } from '@/lib/vault/store/drafts-store';
import { openRecord } from '@/lib/vault/crypto/envelope';
import { unwrapClientKey } from '@/lib/vault/crypto/keys';
import { allNotes, deleteNote, listNotes, saveNote } from '@/lib/vault/store/notes-store';
import { ConflictError, InvalidInputError, NotFoundError, VaultLockedError } from '@/lib/vault/errors';
import { listSessions, saveSession } from '@/lib/vault/store/sessions-store';
import { everythingStored, freshDb, testKey } from './store-helpers';

const MARKER = 'Zephyrine-7Q mentioned her sister';

let db: AnteroomVaultDb;
afterEach(async () => {
  await db?.delete();
});

async function clientWithNotes(keys = testKey()) {
  db = freshDb();
  const { id: clientId } = await saveClient(db, keys, { label: 'A.B.', contactMode: 'video', contractExceptions: 'Fridays only' });
  const first = await saveNote(db, keys, { clientId, body: `${MARKER}, first`, tags: ['family'] });
  const second = await saveNote(db, keys, { clientId, body: 'second session', tags: [] });
  return { keys, clientId, first, second };
}

describe('clients and notes at rest', () => {
  it('stores only opaque ids, timestamps and sealed records: no label, no note text', async () => {
    await clientWithNotes();
    const stored = await everythingStored(db);
    expect(stored).not.toContain(MARKER);
    expect(stored).not.toContain('A.B.');
    expect(stored).not.toContain('Fridays only');
    expect(stored).not.toContain('family');
  });

  it('reads back what was written, newest note first', async () => {
    const { keys, clientId } = await clientWithNotes();
    const notes = await listNotes(db, keys, clientId);
    expect(notes.damaged).toEqual([]);
    expect(notes.items.map((note) => note.body)).toEqual(['second session', `${MARKER}, first`]);
    expect(notes.items[1]).toMatchObject({ clientId, tags: ['family'] });
    const clients = await listClients(db, keys);
    expect(clients.items).toEqual([expect.objectContaining({ id: clientId, label: 'A.B.', contactMode: 'video', contractExceptions: 'Fridays only' })]);
  });

  it('seals the client record and its notes under the client key, not the data key', async () => {
    const { keys, clientId, first } = await clientWithNotes();
    const row = (await db.notes.get(first.id))!;
    expect(() => openRecord(keys.dek, { table: 'notes', id: first.id }, row.sealed)).toThrow();
    const clientKey = unwrapClientKey(keys.dek, clientId, (await db.clientKeys.get(clientId))!.wrapped);
    expect(openRecord(clientKey, { table: 'notes', id: first.id }, row.sealed)).toMatchObject({ body: `${MARKER}, first` });
  });

  it('draws a fresh nonce on every save, also for the same text', async () => {
    const { keys, clientId, first } = await clientWithNotes();
    const before = (await db.notes.get(first.id))!.sealed;
    await saveNote(db, keys, { id: first.id, version: first.version, clientId, body: `${MARKER}, first`, tags: ['family'] });
    const after = (await db.notes.get(first.id))!.sealed;
    expect(after.n).not.toBe(before.n);
    expect(after.c).not.toBe(before.c);
  });

  it('keeps when the client was last heard from across an edit of the form', async () => {
    const { keys, clientId } = await clientWithNotes();
    await recordHeardFrom(db, keys, clientId, '2025-03-01');
    await saveClient(db, keys, { id: clientId, label: 'A.B. (renamed)', contactMode: 'phone' });
    expect(await getClient(db, keys, clientId)).toMatchObject({ label: 'A.B. (renamed)', contactMode: 'phone', lastHeardFrom: '2025-03-01' });
    expect((await getClient(db, keys, clientId)).contractExceptions).toBeUndefined();
  });
});

describe('a tampered record', () => {
  it('fails alone: the other notes still open, and it is named, not shown', async () => {
    const { keys, clientId, first, second } = await clientWithNotes();
    const row = (await db.notes.get(first.id))!;
    const flipped = row.sealed.c.startsWith('A') ? `B${row.sealed.c.slice(1)}` : `A${row.sealed.c.slice(1)}`;
    await db.notes.put({ ...row, sealed: { ...row.sealed, c: flipped } });
    const notes = await listNotes(db, keys, clientId);
    expect(notes.items.map((note) => note.id)).toEqual([second.id]);
    expect(notes.damaged).toEqual([{ table: 'notes', id: first.id }]);
  });

  it('cannot be moved onto another record: the id is bound into the seal', async () => {
    const { keys, clientId, first, second } = await clientWithNotes();
    const a = (await db.notes.get(first.id))!;
    await db.notes.put({ ...a, id: second.id });
    const notes = await listNotes(db, keys, clientId);
    expect(notes.items.map((note) => note.id)).toEqual([first.id]);
    expect(notes.damaged).toEqual([{ table: 'notes', id: second.id }]);
  });

  it('with a damaged client key, takes only that client’s records with it', async () => {
    const keys = testKey();
    const { clientId } = await clientWithNotes(keys);
    const { id: otherId } = await saveClient(db, keys, { label: 'C.D.', contactMode: 'text' });
    await saveNote(db, keys, { clientId: otherId, body: 'other client', tags: [] });
    const keyRow = (await db.clientKeys.get(clientId))!;
    await db.clientKeys.put({ ...keyRow, wrapped: (await db.clientKeys.get(otherId))!.wrapped });
    const everything = await allNotes(db, keys);
    expect(everything.items.map((note) => note.body)).toEqual(['other client']);
    expect(everything.damaged).toContainEqual({ table: 'clientKeys', id: clientId });
    expect((await listClients(db, keys)).items.map((client) => client.label)).toEqual(['C.D.']);
  });

  it('opens every note a page at a time with the same notes, order and damage as all at once', async () => {
    const keys = testKey();
    const { clientId, first } = await clientWithNotes(keys);
    const { id: otherId } = await saveClient(db, keys, { label: 'C.D.', contactMode: 'text' });
    const { id: brokenId } = await saveClient(db, keys, { label: 'E.F.', contactMode: 'audio' });
    for (let i = 0; i < 5; i++) {
      await saveNote(db, keys, { clientId: otherId, body: `other ${i}`, tags: [] });
      await saveNote(db, keys, { clientId: brokenId, body: `broken ${i}`, tags: [] });
    }
    // One note sealed under another record's id, one client key that no longer opens.
    const a = (await db.notes.get(first.id))!;
    const moved = (await db.notes.where('clientId').equals(otherId).first())!;
    const movedBody = (await listNotes(db, keys, otherId)).items.find((note) => note.id === moved.id)!.body;
    await db.notes.put({ ...a, id: moved.id, clientId: otherId });
    await db.clientKeys.put({ ...(await db.clientKeys.get(brokenId))!, wrapped: (await db.clientKeys.get(clientId))!.wrapped });

    const whole = await allNotes(db, keys, 1_000);
    const others = ['other 0', 'other 1', 'other 2', 'other 3', 'other 4'].filter((body) => body !== movedBody);
    expect(whole.items.map((note) => note.body).sort()).toEqual([`${MARKER}, first`, 'second session', ...others].sort());
    for (const pageSize of [1, 2, 3]) expect(await allNotes(db, keys, pageSize)).toEqual(whole);
    expect(whole.damaged.filter((record) => record.table === 'clientKeys')).toEqual([{ table: 'clientKeys', id: brokenId }]);
    expect(whole.damaged).toContainEqual({ table: 'notes', id: moved.id });
    expect(whole.damaged).toHaveLength(1 + 5 + 1);
  });
});

describe('what the stores refuse to write', () => {
  // Restoring a backup checks each record against the same schemas: a record the store accepts
  // is one every later restore accepts.
  it('a session longer than a record holds, or with an over-long platform, is refused and nothing is written', async () => {
    const { keys, clientId } = await clientWithNotes();
    const base = { clientId, startedAt: Date.parse('2025-02-03T10:00:00Z'), durationMinutes: 50, platform: 'doxy', checklistSnapshot: {} };
    await expect(saveSession(db, keys, { ...base, durationMinutes: 25 * 60 })).rejects.toThrow(InvalidInputError);
    await expect(saveSession(db, keys, { ...base, platform: 'p'.repeat(101) })).rejects.toThrow(/sessions platform/);
    expect(await db.sessions.count()).toBe(0);
    await saveSession(db, keys, base);
    expect((await listSessions(db, keys, clientId)).items).toHaveLength(1);
  });

  it('a note or draft over the size a record holds is refused, and the error never carries its text', async () => {
    const { keys, clientId } = await clientWithNotes();
    const huge = `${MARKER} ${'x'.repeat(500_001)}`;
    const refusal = await saveNote(db, keys, { clientId, body: huge, tags: [] }).catch((error: Error) => error);
    expect(refusal).toBeInstanceOf(InvalidInputError);
    expect((refusal as Error).message).not.toContain(MARKER);
    await expect(saveDraft(db, keys, clientId, undefined, huge)).rejects.toThrow(InvalidInputError);
    expect(await db.notes.where('clientId').equals(clientId).count()).toBe(2);
  });
});

describe('deleting a client', () => {
  it('crypto-shreds: the wrapped key and every row of theirs are gone, other clients untouched', async () => {
    const { keys, clientId } = await clientWithNotes();
    await saveSession(db, keys, { clientId, startedAt: Date.parse('2025-02-03T10:00:00Z'), durationMinutes: 50, platform: 'doxy', checklistSnapshot: { 'privacy.alone': 'done' } });
    await saveDraft(db, keys, clientId, undefined, 'half a sentence');
    const { id: otherId } = await saveClient(db, keys, { label: 'C.D.', contactMode: 'text' });
    await saveNote(db, keys, { clientId: otherId, body: 'kept', tags: [] });

    await deleteClient(db, clientId);

    expect(await db.clientKeys.get(clientId)).toBeUndefined();
    expect(await db.clients.get(clientId)).toBeUndefined();
    expect(await db.notes.where('clientId').equals(clientId).count()).toBe(0);
    expect(await db.sessions.where('clientId').equals(clientId).count()).toBe(0);
    expect(await db.drafts.get(clientId)).toBeUndefined();
    expect((await listNotes(db, keys, otherId)).items.map((note) => note.body)).toEqual(['kept']);
  });

  it('refuses to file a note under a client deleted meanwhile', async () => {
    const { keys, clientId } = await clientWithNotes();
    await deleteClient(db, clientId);
    await expect(saveNote(db, keys, { clientId, body: 'late', tags: [] })).rejects.toThrow(NotFoundError);
  });
});

describe('sessions and drafts', () => {
  it('lists a client’s sessions newest first, with the checklist as it stood', async () => {
    const { keys, clientId } = await clientWithNotes();
    const base = { clientId, durationMinutes: 50, platform: 'doxy', checklistSnapshot: { 'privacy.alone': 'done' as const } };
    await saveSession(db, keys, { ...base, startedAt: Date.parse('2025-02-03T10:00:00Z') });
    await saveSession(db, keys, { ...base, startedAt: Date.parse('2025-02-10T10:00:00Z') });
    const sessions = await listSessions(db, keys, clientId);
    expect(sessions.items.map((s) => s.date)).toEqual(['2025-02-10T10:00:00.000Z', '2025-02-03T10:00:00.000Z']);
    expect(sessions.items[0]!.checklistSnapshot).toEqual({ 'privacy.alone': 'done' });
  });

  it('keeps the text being typed, sealed, and drops it once the note is saved', async () => {
    const { keys, clientId, first } = await clientWithNotes();
    await saveDraft(db, keys, clientId, first.id, `${MARKER} (editing)`);
    expect(await everythingStored(db)).not.toContain('(editing)');
    expect(await getDraft(db, keys, clientId)).toEqual({ noteId: first.id, body: `${MARKER} (editing)` });
    await saveNote(db, keys, { id: first.id, version: first.version, clientId, body: `${MARKER} (edited)`, tags: [] });
    expect(await getDraft(db, keys, clientId)).toBeNull();
  });

  it('keeps a draft for a new note when another note is saved', async () => {
    const { keys, clientId, first } = await clientWithNotes();
    await saveDraft(db, keys, clientId, undefined, 'new note in progress');
    await saveNote(db, keys, { id: first.id, version: first.version, clientId, body: 'edit of an old one', tags: [] });
    expect(await getDraft(db, keys, clientId)).toEqual({ body: 'new note in progress' });
  });
});

describe('two notes pages at once (a tab and the side panel)', () => {
  it('an edit saved from an older version is refused as a conflict, and the newer text stays', async () => {
    const { keys, clientId, first } = await clientWithNotes();
    // Both pages opened the note at the same version; the tab saves first.
    const tab = await saveNote(db, keys, { id: first.id, version: first.version, clientId, body: 'saved in the tab', tags: [] });
    expect(tab.version).not.toBe(first.version);
    const panel = saveNote(db, keys, { id: first.id, version: first.version, clientId, body: 'saved in the side panel', tags: [] });
    await expect(panel).rejects.toThrow(ConflictError);
    await expect(panel).rejects.toThrow(
      'This note was changed in another Anteroom window; your text is kept here — copy it, reload the note, and paste your changes.',
    );
    const note = (await listNotes(db, keys, clientId)).items.find((n) => n.id === first.id);
    expect(note).toMatchObject({ body: 'saved in the tab', version: tab.version });
    // From the version it now has, the edit goes through.
    await saveNote(db, keys, { id: first.id, version: tab.version, clientId, body: 'saved in the side panel', tags: [] });
  });

  it('an edit must say which version it started from', async () => {
    const { keys, clientId, first } = await clientWithNotes();
    await expect(saveNote(db, keys, { id: first.id, clientId, body: 'blind overwrite', tags: [] })).rejects.toThrow(InvalidInputError);
    expect((await listNotes(db, keys, clientId)).items.map((n) => n.body)).toContain(`${MARKER}, first`);
  });

  it('two changes to one client at the same moment both land', async () => {
    const { keys, clientId } = await clientWithNotes();
    const startsAt = Date.now() + 86_400_000;
    // Say, "heard from them today" in the tab while the side panel schedules a session.
    await Promise.all([
      recordHeardFrom(db, keys, clientId, '2025-03-01'),
      scheduleReminder(db, keys, { clientId, startsAt, remindMinutesBefore: 10, showLabel: false }),
    ]);
    expect(await getClient(db, keys, clientId)).toMatchObject({
      lastHeardFrom: '2025-03-01',
      reminders: [expect.objectContaining({ startsAt })],
    });
  });

  it('a client that keeps changing under a rewrite is retried once, then refused as a conflict', async () => {
    const { keys, clientId } = await clientWithNotes();
    const stored = (await db.clients.get(clientId))!;
    const reads = vi.spyOn(db.clients, 'get');
    // Every read finds another write than the one before (another window saving again and again).
    reads.mockImplementation((async () => ({ ...stored, sealed: { ...stored.sealed, n: btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(24)))) } })) as never);
    await expect(saveClient(db, keys, { id: clientId, label: 'never written', contactMode: 'video' })).rejects.toThrow(ConflictError);
    reads.mockRestore();
    expect((await getClient(db, keys, clientId)).label).toBe('A.B.');
  });

  it('discarding or saving in one page leaves a draft the other page keeps for another note', async () => {
    const { keys, clientId, first } = await clientWithNotes();
    // The side panel writes a new note; the tab had been editing the first note.
    await saveDraft(db, keys, clientId, undefined, 'new note typed in the side panel');
    await saveDraft(db, keys, clientId, first.id, '');
    expect(await getDraft(db, keys, clientId)).toEqual({ body: 'new note typed in the side panel' });
    await saveDraft(db, keys, clientId, undefined, '');
    expect(await getDraft(db, keys, clientId)).toBeNull();

    await saveDraft(db, keys, clientId, first.id, 'editing the first note in the tab', first.version);
    await saveDraft(db, keys, clientId, undefined, '');
    expect(await getDraft(db, keys, clientId)).toEqual({ noteId: first.id, version: first.version, body: 'editing the first note in the tab' });
  });
});

describe('a locked key', () => {
  it('refuses to seal or open anything, and writes nothing', async () => {
    const { keys, clientId } = await clientWithNotes();
    keys.lock();
    await expect(saveNote(db, keys, { clientId, body: 'after lock', tags: [] })).rejects.toThrow(VaultLockedError);
    await expect(listNotes(db, keys, clientId)).rejects.toThrow(VaultLockedError);
    expect(await db.notes.count()).toBe(2);
  });

  it('deletes a note by id and says so when it is already gone', async () => {
    const { first } = await clientWithNotes();
    await deleteNote(db, first.id);
    await expect(deleteNote(db, first.id)).rejects.toThrow(NotFoundError);
  });
});
