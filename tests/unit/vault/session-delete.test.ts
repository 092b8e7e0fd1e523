import { afterEach, describe, expect, it } from 'vitest';
import { saveClient } from '@/lib/vault/store/clients-store';
import type { AnteroomVaultDb } from '@/lib/vault/store/db';
import { listNotes, saveNote } from '@/lib/vault/store/notes-store';
import { NotFoundError } from '@/lib/vault/errors';
import { deleteSession, listSessions, saveSession } from '@/lib/vault/store/sessions-store';
import { freshDb, testKey } from './store-helpers';

let db: AnteroomVaultDb;
afterEach(async () => {
  await db?.delete();
});

const call = (clientId: string, startedAt: string) => ({
  clientId,
  startedAt: Date.parse(startedAt),
  durationMinutes: 50,
  platform: 'doxy',
  checklistSnapshot: { 'privacy.alone': 'done' as const },
});

async function twoClientsWithSessions() {
  db = freshDb();
  const keys = testKey();
  const { id: clientId } = await saveClient(db, keys, { label: 'A.B.', contactMode: 'video' });
  const { id: otherId } = await saveClient(db, keys, { label: 'C.D.', contactMode: 'video' });
  const first = await saveSession(db, keys, call(clientId, '2025-02-03T10:00:00Z'));
  const second = await saveSession(db, keys, call(clientId, '2025-02-10T10:00:00Z'));
  const others = await saveSession(db, keys, call(otherId, '2025-02-11T10:00:00Z'));
  await saveNote(db, keys, { clientId, body: 'kept', tags: [] });
  return { keys, clientId, otherId, first, second, others };
}

describe('deleting one session record', () => {
  it('removes that record only; the client’s other sessions and notes stay', async () => {
    const { keys, clientId, otherId, first, second } = await twoClientsWithSessions();
    await deleteSession(db, clientId, first.id);
    expect((await listSessions(db, keys, clientId)).items.map((s) => s.id)).toEqual([second.id]);
    expect((await listSessions(db, keys, otherId)).items).toHaveLength(1);
    expect((await listNotes(db, keys, clientId)).items.map((n) => n.body)).toEqual(['kept']);
    expect(await db.sessions.get(first.id)).toBeUndefined();
  });

  it('refuses an id of another client’s record, and deletes nothing', async () => {
    const { clientId, others } = await twoClientsWithSessions();
    await expect(deleteSession(db, clientId, others.id)).rejects.toThrow(NotFoundError);
    expect(await db.sessions.count()).toBe(3);
  });

  it('says a record already deleted (in another window) no longer exists', async () => {
    const { clientId, first } = await twoClientsWithSessions();
    await deleteSession(db, clientId, first.id);
    await expect(deleteSession(db, clientId, first.id)).rejects.toThrow('That session record no longer exists');
  });

  it('works without the key: a record that no longer opens can still be removed', async () => {
    const { keys, clientId, first } = await twoClientsWithSessions();
    keys.lock();
    await deleteSession(db, clientId, first.id);
    expect(await db.sessions.count()).toBe(2);
  });
});
