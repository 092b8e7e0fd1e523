import { newRecordId, withClientKey, type DataKey } from '../crypto/data-key';
import type { AnteroomVaultDb } from './db';
import { ClientKeyTamperedError, NotFoundError } from '../errors';
import { withStorage } from './storage-failures';
import { sealedSession, type SealedSession } from './record-schemas';
import { assertSameClientKey, openChecked, openEach, requireClientKey, sealChecked } from './sealed-rows';
import type { DamagedRecord, SessionView } from './views';

/**
 * Sessions held with a client: when, how long, on which platform, and the checklist as it stood.
 * Everything but the ids is sealed; the list is ordered after opening.
 */

export interface SessionInput {
  clientId: string;
  startedAt: number;
  durationMinutes: number;
  platform: string;
  checklistSnapshot: SealedSession['checklistSnapshot'];
}

const ref = (id: string) => ({ table: 'sessions', id });

export async function listSessions(
  db: AnteroomVaultDb,
  keys: DataKey,
  clientId: string,
): Promise<{ items: SessionView[]; damaged: DamagedRecord[] }> {
  const wrapped = await requireClientKey(db, clientId);
  const rows = await withStorage(() => db.sessions.where('clientId').equals(clientId).toArray());
  try {
    const opened = withClientKey(keys, clientId, wrapped, (key) =>
      openEach(rows, (row) => ref(row.id), (row) => {
        const session = openChecked(key, ref(row.id), row.sealed, sealedSession);
        return { id: row.id, clientId, ...session };
      }),
    );
    opened.items.sort((a, b) => b.startedAt - a.startedAt);
    return opened;
  } catch (error) {
    if (!(error instanceof ClientKeyTamperedError)) throw error;
    return { items: [], damaged: [{ table: 'clientKeys', id: clientId }, ...rows.map((row) => ref(row.id))] };
  }
}

export async function saveSession(db: AnteroomVaultDb, keys: DataKey, input: SessionInput): Promise<{ id: string }> {
  const wrapped = await requireClientKey(db, input.clientId);
  const id = newRecordId();
  const session: SealedSession = {
    date: new Date(input.startedAt).toISOString(),
    startedAt: input.startedAt,
    durationMinutes: input.durationMinutes,
    platform: input.platform,
    checklistSnapshot: input.checklistSnapshot,
  };
  const sealed = withClientKey(keys, input.clientId, wrapped, (key) => sealChecked(key, ref(id), sealedSession, session));
  await withStorage(() =>
    db.transaction('rw', db.clientKeys, db.sessions, async () => {
      await assertSameClientKey(db, input.clientId, wrapped);
      await db.sessions.add({ id, clientId: input.clientId, sealed });
    }),
  );
  return { id };
}

/**
 * Deletes one session record of one client (a call recorded by mistake, or one the therapist
 * does not want kept). Only by id within that client, so a page cannot reach another's records.
 */
export async function deleteSession(db: AnteroomVaultDb, clientId: string, id: string): Promise<void> {
  await withStorage(() =>
    db.transaction('rw', db.sessions, async () => {
      const row = await db.sessions.get(id);
      if (!row || row.clientId !== clientId) throw new NotFoundError('session record');
      await db.sessions.delete(id);
    }),
  );
}
