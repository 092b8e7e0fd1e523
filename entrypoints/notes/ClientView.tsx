import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ClientForm, contactModeLabel } from './ClientForm';
import { DeleteClient } from './DeleteClient';
import { ErrorNotice } from './ErrorNotice';
import { formatDate, localToday } from './format';
import { MarkdownExport } from './MarkdownExport';
import { NoteEditor, type EditorStart } from './NoteEditor';
import { NoteList } from './NoteList';
import type { Contract } from '@/lib/contract/schema';
import { SessionList } from './SessionList';
import { SessionReminders } from './SessionReminders';
import { SilenceFlag } from './SilenceFlag';
import { useVault, type ClientSummary, type NoteView, type SessionView, type VaultFailure } from './vault-api';

type Panel = 'none' | 'edit-client' | 'delete' | 'markdown';

/**
 * One client: their details, notes (with the editor) and recorded sessions. On opening, a draft
 * left in the vault (typing cut short by a lock) comes back in the editor.
 */
export function ClientView(props: {
  client: ClientSummary;
  /** The contract defaults, for the silence follow-up (undefined while they load). */
  contract?: Contract;
  /** A note to open in the editor at once (from search). */
  openNoteId?: string;
  onChanged: () => void;
  /** After the client's records were read (and any damaged one skipped). */
  onLoaded: () => void;
  onDeleted: () => void;
  onBack: () => void;
}) {
  const { client, contract, openNoteId, onChanged, onLoaded, onDeleted, onBack } = props;
  const api = useVault();
  const [notes, setNotes] = useState<NoteView[]>();
  const [sessions, setSessions] = useState<SessionView[]>();
  const [editor, setEditor] = useState<EditorStart & { key: number }>();
  const [panel, setPanel] = useState<Panel>('none');
  const [error, setError] = useState<VaultFailure>();
  const [status, setStatus] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const editorKey = useRef(0);

  const loadNotes = useCallback(async () => {
    const result = await api.listNotes(client.id);
    if (result.ok) setNotes(result.value);
    else setError(result.error);
    return result.ok ? result.value : undefined;
  }, [api, client.id]);

  // Load everything for the client, then bring back a draft or open the requested note.
  useEffect(() => {
    let current = true;
    void (async () => {
      const [noteResult, sessionResult, draftResult] = await Promise.all([
        api.listNotes(client.id),
        api.listSessions(client.id),
        api.getDraft(client.id),
      ]);
      if (!current) return;
      onLoaded();
      const loaded = noteResult.ok ? noteResult.value : [];
      setNotes(noteResult.ok ? noteResult.value : undefined);
      setSessions(sessionResult.ok ? sessionResult.value : []);
      const firstError = [noteResult, sessionResult, draftResult].find((r) => !r.ok);
      if (firstError && !firstError.ok) setError(firstError.error);
      const draft = draftResult.ok ? draftResult.value : null;
      if (draft && draft.body !== '') {
        const note = draft.noteId ? loaded.find((n) => n.id === draft.noteId) : undefined;
        setEditor({
          key: ++editorKey.current,
          noteId: note?.id,
          // The version the typing started from (a draft from an older build has none: the note's own).
          version: note ? (draft.version ?? note.version) : undefined,
          ...(draft.noteId && !note ? { draftNoteId: draft.noteId } : {}),
          body: draft.body,
          tags: note?.tags ?? [],
          restored: true,
        });
        if (openNoteId && openNoteId !== note?.id) setStatus('You have unsaved text for this client: save or discard it, then open the note.');
      } else if (openNoteId) {
        const note = loaded.find((n) => n.id === openNoteId);
        if (note) setEditor({ key: ++editorKey.current, noteId: note.id, version: note.version, body: note.body, tags: note.tags, restored: false });
      }
    })();
    // The view starts empty (Workspace keys it by client), so only a different note asked for
    // empties it again. Emptying here, not at the top of the effect, because the effect runs a
    // frame after the first paint: a reset there undid a click made in that frame.
    return () => {
      current = false;
      setNotes(undefined);
      setSessions(undefined);
      setEditor(undefined);
      setPanel('none');
      setStatus('');
      setError(undefined);
    };
  }, [api, client.id, openNoteId]);

  useEffect(() => headingRef.current?.focus(), [client.id]);

  // "Last heard from" feeds the follow-up reminder for clients who have gone quiet.
  const heardToday = async () => {
    setError(undefined);
    const result = await api.recordHeardFrom(client.id, localToday());
    if (!result.ok) return setError(result.error);
    setStatus('Recorded: heard from them today.');
    onChanged();
  };

  const startEditor = (start: EditorStart) => {
    if (editor) {
      setStatus('Save or discard the note you are writing first.');
      document.getElementById('note-body')?.focus();
      return;
    }
    setStatus('');
    setEditor({ ...start, key: ++editorKey.current });
  };

  return (
    <article class="client-view" aria-labelledby="client-heading" data-testid="client-view" data-client-id={client.id}>
      <button type="button" class="link-button back-button" onClick={onBack}>
        ← All clients
      </button>
      {panel === 'edit-client' ? (
        <ClientForm
          client={client}
          onSaved={() => {
            setPanel('none');
            onChanged();
          }}
          onCancel={() => setPanel('none')}
        />
      ) : (
        <header class="client-header">
          <h2 id="client-heading" tabIndex={-1} ref={headingRef}>
            {client.label}
          </h2>
          <dl class="client-facts">
            <dt>Meets by</dt>
            <dd>{contactModeLabel(client.contactMode)}</dd>
            {client.lastHeardFrom && (
              <>
                <dt>Last heard from</dt>
                <dd>{formatDate(client.lastHeardFrom) || client.lastHeardFrom}</dd>
              </>
            )}
            {client.contractExceptions && (
              <>
                <dt>Exceptions to your agreement</dt>
                <dd class="pre-wrap">{client.contractExceptions}</dd>
              </>
            )}
          </dl>
          <div class="notes-actions compact">
            <button type="button" data-testid="edit-client" onClick={() => setPanel('edit-client')}>
              Edit details
            </button>
            {client.lastHeardFrom?.slice(0, 10) !== localToday() && (
              <button type="button" data-testid="heard-today" onClick={() => void heardToday()}>
                Heard from them today
              </button>
            )}
          </div>
        </header>
      )}

      {contract && panel !== 'edit-client' && <SilenceFlag client={client} contract={contract} />}

      <ErrorNotice error={error} />

      <section aria-labelledby="client-notes-heading">
        <div class="section-head">
          <h3 id="client-notes-heading">Notes</h3>
          <button
            type="button"
            class="primary"
            data-testid="new-note"
            onClick={() => startEditor({ body: '', tags: [], restored: false })}
          >
            New note
          </button>
        </div>
        <p role="status" class="notes-status">
          {status}
        </p>
        {editor && (
          <NoteEditor
            key={editor.key}
            clientId={client.id}
            clientLabel={client.label}
            start={editor}
            onSaved={() => {
              setEditor(undefined);
              setStatus('Note saved.');
              void loadNotes();
              onChanged();
            }}
            onClose={() => {
              setEditor(undefined);
              setStatus('');
            }}
          />
        )}
        {notes ? (
          <NoteList
            notes={notes}
            editingId={editor?.noteId}
            onEdit={(note) => startEditor({ noteId: note.id, version: note.version, body: note.body, tags: note.tags, restored: false })}
            onDeleted={() => {
              setStatus('Note deleted.');
              void loadNotes();
            }}
          />
        ) : (
          !error && <p class="notes-empty">Opening notes…</p>
        )}
      </section>

      <SessionReminders client={client} onChanged={onChanged} />

      <section aria-labelledby="client-sessions-heading">
        <h3 id="client-sessions-heading">Sessions</h3>
        {sessions ? (
          <SessionList
            sessions={sessions}
            onDeleted={() => {
              setStatus('Session record deleted.');
              void api.listSessions(client.id).then((result) => (result.ok ? setSessions(result.value) : setError(result.error)));
            }}
          />
        ) : (
          <p class="notes-empty">Opening sessions…</p>
        )}
      </section>

      <section aria-labelledby="client-more-heading" class="client-more">
        <h3 id="client-more-heading">Export or delete</h3>
        {panel === 'markdown' && <MarkdownExport client={client} onClose={() => setPanel('none')} />}
        {panel === 'delete' && (
          <DeleteClient
            client={client}
            noteCount={notes?.length ?? 0}
            sessionCount={sessions?.length ?? 0}
            onDeleted={onDeleted}
            onCancel={() => setPanel('none')}
          />
        )}
        {panel !== 'markdown' && panel !== 'delete' && (
          <div class="notes-actions">
            <button type="button" data-testid="export-markdown" onClick={() => setPanel('markdown')}>
              Export notes as a readable file…
            </button>
            <button type="button" class="danger-outline" data-testid="delete-client" onClick={() => setPanel('delete')}>
              Delete this client…
            </button>
          </div>
        )}
      </section>
    </article>
  );
}
