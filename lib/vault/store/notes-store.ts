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

/** Rows read per request while opening every note: the next page is read while this one is opened. */
export const NOTES_PAGE = 1000;

/**
 * Every note of every client, opened in background memory (for search). The rows are read a page
 * at a time inside one read transaction, each page requested before the one before it is opened:
 * the browser reads the next rows from disk while this worker decrypts, instead of one after the
 * other (reading 10,000 notes was about half of a first search; npm run bench). Same result, in
 * the same order, as reading every row first.
 */
export async function allNotes(db: AnteroomVaultDb, keys: DataKey, pageSize = NOTES_PAGE): Promise<Opened<NoteView>> {
  const opened = await withStorage(() =>
    db.transaction('r', db.notes, db.clientKeys, async () => {
      const keyRows = await db.clientKeys.toArray();
      const wrappedKeys = new Map(keyRows.map(({ clientId, wrapped }) => [clientId, wrapped]));
      const byClient = new Map<string, Opened<NoteView>>(keyRows.map(({ clientId }) => [clientId, { items: [], damaged: [] }]));
      const readPage = (after: string | undefined): Promise<NoteRow[]> =>
        (after === undefined ? db.notes.orderBy(':id') : db.notes.where(':id').above(after)).limit(pageSize).toArray();
      let next: Promise<NoteRow[]> | undefined = readPage(undefined);
      while (next) {
        const rows: NoteRow[] = await next;
        next = rows.length === pageSize ? readPage(rows[rows.length - 1]!.id) : undefined;
        for (const [clientId, clientRows] of groupByClient(rows)) {
          const wrapped = wrappedKeys.get(clientId);
          const into = byClient.get(clientId);
          // A note with no client key opens under nothing (a deleted client's leftovers): not listed.
          if (!wrapped || !into) continue;
          const page = openNotes(keys, clientId, wrapped, clientRows);
          into.items.push(...page.items);
          into.damaged.push(...page.damaged);
        }
      }
      return byClient;
    }),
  );
  const result: Opened<NoteView> = { items: [], damaged: [] };
  const named = new Set<string>();
  for (const { items, damaged } of opened.values()) {
    result.items.push(...items);
    // A damaged client key is named once, however many pages its notes came in.
    for (const record of damaged) {
      const key = `${record.table}/${record.id}`;
      if (!named.has(key)) result.damaged.push(record);
      named.add(key);
    }
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
