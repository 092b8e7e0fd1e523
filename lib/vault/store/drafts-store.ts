import { withClientKey, type DataKey } from '../crypto/data-key';
import type { AnteroomVaultDb } from './db';
import { sealedDraft } from './record-schemas';
import { assertSameClientKey, isDamage, openChecked, requireClientKey, sealChecked } from './sealed-rows';
import { withStorage } from './storage-failures';
import type { DraftView } from './views';

/**
 * The note being typed, one per client, sealed like a note, so an auto-lock in the middle of a
 * sentence loses nothing. Saving the note removes its draft (notes-store.ts). Two notes pages
 * can be open at once (a tab and the side panel): removing a draft removes only one written for
 * the same note, never one another page is keeping for a different note.
 */

const ref = (clientId: string) => ({ table: 'drafts', id: clientId });

/**
 * An empty body removes the draft, if it is the one for `noteId` (undefined: a new note).
 * `version`: the version of note `noteId` the editing started from (NoteView.version).
 */
export async function saveDraft(
  db: AnteroomVaultDb,
  keys: DataKey,
  clientId: string,
  noteId: string | undefined,
  body: string,
  version?: string,
): Promise<void> {
  const wrapped = await requireClientKey(db, clientId);
  if (body === '') {
    await withStorage(() =>
      db.transaction('rw', db.drafts, async () => {
        const row = await db.drafts.get(clientId);
        if (row && row.noteId === (noteId ?? '')) await db.drafts.delete(clientId);
      }),
    );
    return;
  }
  const updatedAt = Date.now();
  const sealed = withClientKey(keys, clientId, wrapped, (key) =>
    sealChecked(key, ref(clientId), sealedDraft, {
      ...(noteId !== undefined ? { noteId, ...(version !== undefined ? { version } : {}) } : {}),
      body,
      updatedAt,
    }),
  );
  await withStorage(() =>
    db.transaction('rw', db.clientKeys, db.drafts, async () => {
      await assertSameClientKey(db, clientId, wrapped);
      await db.drafts.put({ clientId, noteId: noteId ?? '', sealed });
    }),
  );
}

/** Null when there is no draft; a damaged draft is dropped, since it can never be opened. */
export async function getDraft(db: AnteroomVaultDb, keys: DataKey, clientId: string): Promise<DraftView | null> {
  const wrapped = await requireClientKey(db, clientId);
  const row = await withStorage(() => db.drafts.get(clientId));
  if (!row) return null;
  try {
    const draft = withClientKey(keys, clientId, wrapped, (key) => openChecked(key, ref(clientId), row.sealed, sealedDraft));
    return {
      ...(draft.noteId !== undefined ? { noteId: draft.noteId } : {}),
      ...(draft.version !== undefined ? { version: draft.version } : {}),
      body: draft.body,
    };
  } catch (error) {
    if (!isDamage(error)) throw error;
    return null;
  }
}
