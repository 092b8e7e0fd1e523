import { newRecordId, withClientKey, type DataKey } from '../crypto/data-key';
import type { AnteroomVaultDb, NoteRow } from './db';
import { ClientKeyTamperedError, ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { withStorage } from './storage-failures';
import { sealedNote } from './record-schemas';
import { assertSameClientKey, openChecked, openEach, requireClientKey, sealChecked } from './sealed-rows';
import type { DamagedRecord, NoteView } from './views';
import type { WrappedKey } from '../crypto/wrapped-key';

/** Session notes, sealed under their client’s key. Only id and clientId are in clear. */

export interface NoteInput {
  id?: string;
  /** With an id: the version the editor opened (NoteView.version). A note saved since is not overwritten. */
  version?: string;
  clientId: string;
  body: string;
  tags: string[];
}

export interface Opened<T> {
  items: T[];
  damaged: DamagedRecord[];
}

const ref = (id: string) => ({ table: 'notes', id });

const newestFirst = (a: { updatedAt: number }, b: { updatedAt: number }) => b.updatedAt - a.updatedAt;

export function openNotes(keys: DataKey, clientId: string, wrapped: WrappedKey, rows: readonly NoteRow[]): Opened<NoteView> {
  try {
    return withClientKey(keys, clientId, wrapped, (key) =>
      openEach(rows, (row) => ref(row.id), (row) => {
        const note = openChecked(key, ref(row.id), row.sealed, sealedNote);
        return { id: row.id, clientId, body: note.body, tags: note.tags, updatedAt: note.updatedAt, version: row.sealed.n };
      }),
    );
  } catch (error) {
    // A damaged client key takes its notes with it; the other clients are unaffected.
    if (!(error instanceof ClientKeyTamperedError)) throw error;
    return { items: [], damaged: [{ table: 'clientKeys', id: clientId }, ...rows.map((row) => ref(row.id))] };
  }
}

export async function listNotes(db: AnteroomVaultDb, keys: DataKey, clientId: string): Promise<Opened<NoteView>> {
  const wrapped = await requireClientKey(db, clientId);
  const rows = await withStorage(() => db.notes.where('clientId').equals(clientId).toArray());
  const opened = openNotes(keys, clientId, wrapped, rows);
  opened.items.sort(newestFirst);
  return opened;
}

/** Every note of every client, opened in background memory (for search and export). */
export async function allNotes(db: AnteroomVaultDb, keys: DataKey): Promise<Opened<NoteView>> {
  const [rows, keyRows] = await withStorage(() =>
    db.transaction('r', db.notes, db.clientKeys, () => Promise.all([db.notes.toArray(), db.clientKeys.toArray()])),
  );
  const byClient = groupByClient(rows);
  const result: Opened<NoteView> = { items: [], damaged: [] };
  for (const { clientId, wrapped } of keyRows) {
    const opened = openNotes(keys, clientId, wrapped, byClient.get(clientId) ?? []);
    result.items.push(...opened.items);
    result.damaged.push(...opened.damaged);
  }
  result.items.sort(newestFirst);
  return result;
}

/** Rows per client id (Map.groupBy needs Node 21 and Chrome 117). */
export function groupByClient<Row extends { clientId: string }>(rows: readonly Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(row.clientId);
    if (group) group.push(row);
    else groups.set(row.clientId, [row]);
  }
  return groups;
}

/**
 * Writes a new note, or an edit of one. An edit is compared with what is stored inside the write
 * transaction: if another window saved the note after this one opened it, nothing is written and
 * ConflictError says so (optimistic concurrency; the page keeps the typed text).
 */
export async function saveNote(db: AnteroomVaultDb, keys: DataKey, input: NoteInput): Promise<{ id: string; updatedAt: number; version: string }> {
  if (input.id !== undefined && input.version === undefined) throw new InvalidInputError('version: expected the version of the note being edited');
  const wrapped = await requireClientKey(db, input.clientId);
  const id = input.id ?? newRecordId();
  const updatedAt = Date.now();
  const sealed = withClientKey(keys, input.clientId, wrapped, (key) =>
    sealChecked(key, ref(id), sealedNote, { body: input.body, tags: input.tags, updatedAt }),
  );
  await withStorage(() =>
    db.transaction('rw', [db.clientKeys, db.notes, db.drafts], async () => {
      await assertSameClientKey(db, input.clientId, wrapped);
      if (input.id !== undefined) {
        const existing = await db.notes.get(input.id);
        // A note cannot move between clients: it is sealed under its own client's key.
        if (existing?.clientId !== input.clientId) throw new NotFoundError('note');
        if (existing.sealed.n !== input.version) throw new ConflictError('note');
      }
      await db.notes.put({ id, clientId: input.clientId, sealed });
      // The draft this save came from is now a saved note.
      const draft = await db.drafts.get(input.clientId);
      if (draft && draft.noteId === (input.id ?? '')) await db.drafts.delete(input.clientId);
    }),
  );
  return { id, updatedAt, version: sealed.n };
}

export async function deleteNote(db: AnteroomVaultDb, id: string): Promise<void> {
  await withStorage(() =>
    db.transaction('rw', db.notes, async () => {
      if (!(await db.notes.get(id))) throw new NotFoundError('note');
      await db.notes.delete(id);
    }),
  );
}
