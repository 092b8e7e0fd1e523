import { useEffect, useRef, useState } from 'preact/hooks';
import { BusyButton } from '@/components/forms/BusyButton';
import { ConfirmDelete } from '@/components/forms/ConfirmDelete';
import { FieldBlock } from '@/components/forms/FieldBlock';
import { messageFor } from '@/lib/error-messages';
import { useDraftAutosave, type DraftState } from './drafts';
import { ErrorNotice } from './ErrorNotice';
import { parseTags } from './format';
import { useVault, type VaultFailure } from './vault-api';

export interface EditorStart {
  /** The note being edited; undefined for a new note. */
  noteId?: string;
  /** The version of that note the editing started from: a save refuses if another window saved it since. */
  version?: string;
  /** A restored draft kept for a note that no longer exists (it opens as a new note): removed with this editor's draft. */
  draftNoteId?: string;
  body: string;
  tags: string[];
  /** True when the text came back from a draft kept in the vault (after a lock, a closed page). */
  restored: boolean;
}

const DRAFT_WORDS: Record<DraftState, string> = {
  clean: '',
  pending: 'Typing…',
  saving: 'Keeping a draft…',
  saved: 'Draft kept (encrypted). It will be here after a lock.',
  failed: 'The draft could not be kept.',
};

/**
 * Write or edit one note. Typed text goes into an encrypted draft after a second of quiet (and
 * every few seconds while typing goes on), so a lock (manual or automatic) never loses it; Save
 * turns it into the note and clears the draft. If another window saved the same note meanwhile,
 * Save is refused with a 'conflict' message and the typed text stays here.
 */
export function NoteEditor(props: {
  clientId: string;
  clientLabel: string;
  start: EditorStart;
  onSaved: (noteId: string) => void;
  onClose: () => void;
}) {
  const { clientId, clientLabel, start, onSaved, onClose } = props;
  const api = useVault();
  const [noteId, setNoteId] = useState(start.noteId);
  const [body, setBody] = useState(start.body);
  const [tagsText, setTagsText] = useState(start.tags.join(', '));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<VaultFailure>();
  const [dirty, setDirty] = useState(start.restored);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const draft = useDraftAutosave(clientId, noteId, start.version);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const area = bodyRef.current;
    if (!area) return;
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
  }, []);

  /** Removes this editor's draft, and no other page's (the vault keeps one per client). */
  const removeDraft = async (editing: string | undefined) => {
    draft.forget();
    await api.saveDraft(clientId, editing, '');
    if (start.draftNoteId !== undefined && start.draftNoteId !== editing) await api.saveDraft(clientId, start.draftNoteId, '');
  };

  const save = async () => {
    if (busy) return;
    setError(undefined);
    if (!body.trim()) {
      setError({ code: 'invalid-input', message: messageFor('note-empty') });
      bodyRef.current?.focus();
      return;
    }
    setBusy(true);
    const result = await api.saveNote({
      id: noteId,
      ...(noteId !== undefined && start.version !== undefined ? { version: start.version } : {}),
      clientId,
      body,
      tags: parseTags(tagsText),
    });
    if (!result.ok) {
      // The text stays in the editor (and in its draft), whatever went wrong.
      setBusy(false);
      setError(result.error);
      return;
    }
    // The saved note replaces the draft; an empty draft means "none".
    await removeDraft(noteId);
    setBusy(false);
    setNoteId(result.value.id);
    setDirty(false);
    onSaved(result.value.id);
  };

  const discard = async () => {
    await removeDraft(noteId);
    onClose();
  };

  const close = () => {
    if (dirty) setConfirmDiscard(true);
    else void discard();
  };

  const heading = noteId ? `Edit note for ${clientLabel}` : `New note for ${clientLabel}`;

  return (
    <form
      class="note-editor"
      aria-labelledby="note-editor-heading"
      aria-busy={busy}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        // Ctrl+S / ⌘S saves the note instead of saving the web page.
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
          event.preventDefault();
          void save();
        }
      }}
    >
      <h4 id="note-editor-heading">{heading}</h4>
      {start.restored && (
        <p class="notes-info" data-testid="draft-restored">
          This is the unsaved text you were writing. Save it as a note, or discard it.
        </p>
      )}
      <FieldBlock id="note-body" label="Note" describedBy={['note-draft-state']}>
        {(wiring) => (
          <>
            <textarea
              autoComplete="off"
              ref={bodyRef}
              {...wiring}
              name="noteBody"
              rows={10}
              value={body}
              disabled={busy}
              onInput={(event) => {
                const value = event.currentTarget.value;
                setBody(value);
                setDirty(true);
                setConfirmDiscard(false);
                draft.changed(value);
              }}
            />
            <p class="field-help draft-state" id="note-draft-state" data-testid="draft-state" data-state={draft.state}>
              {DRAFT_WORDS[draft.state]}
            </p>
            {draft.error && <ErrorNotice error={draft.error} />}
          </>
        )}
      </FieldBlock>
      <FieldBlock id="note-tags" label="Tags" help="Optional. Separate them with commas, for example: intake, sleep, risk review.">
        {(wiring) => (
          <input
            {...wiring}
            name="noteTags"
            type="text"
            autoComplete="off"
            value={tagsText}
            disabled={busy}
            onInput={(event) => {
              setTagsText(event.currentTarget.value);
              setDirty(true);
            }}
          />
        )}
      </FieldBlock>
      <ErrorNotice error={error} />
      {confirmDiscard ? (
        <ConfirmDelete
          questionId="discard-question"
          question="Throw away what you typed? This cannot be undone."
          confirm="Discard it"
          confirmTestId="discard-note"
          cancel="Keep writing"
          onConfirm={() => void discard()}
          onCancel={() => setConfirmDiscard(false)}
        />
      ) : (
        <div class="notes-actions">
          <BusyButton type="submit" class="primary" data-testid="save-note" busy={busy} busyText="Saving…">
            Save note
          </BusyButton>
          <button type="button" onClick={close} disabled={busy}>
            {dirty ? 'Discard…' : 'Close'}
          </button>
        </div>
      )}
    </form>
  );
}
