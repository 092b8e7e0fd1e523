import { useState } from 'preact/hooks';
import { ConfirmDelete } from '@/components/forms/ConfirmDelete';
import { ErrorNotice } from './ErrorNotice';
import { firstLine, formatDateTime, toDate } from './format';
import { useDeletion } from './use-deletion';
import { useVault, type NoteView } from './vault-api';

/** One client's notes, newest first; each can be opened for editing or deleted after a question. */
export function NoteList(props: { notes: NoteView[]; editingId?: string; onEdit: (note: NoteView) => void; onDeleted: () => void }) {
  const { notes, editingId, onEdit, onDeleted } = props;
  if (notes.length === 0) return <p class="notes-empty">No notes for this client yet.</p>;
  const sorted = [...notes].sort((a, b) => (toDate(b.updatedAt)?.getTime() ?? 0) - (toDate(a.updatedAt)?.getTime() ?? 0));
  return (
    <ul class="note-list">
      {sorted.map((note) => (
        <NoteItem key={note.id} note={note} editing={note.id === editingId} onEdit={() => onEdit(note)} onDeleted={onDeleted} />
      ))}
    </ul>
  );
}

function NoteItem({ note, editing, onEdit, onDeleted }: { note: NoteView; editing: boolean; onEdit: () => void; onDeleted: () => void }) {
  const api = useVault();
  const deletion = useDeletion(() => api.deleteNote(note.id), onDeleted);
  const [expanded, setExpanded] = useState(false);
  const long = note.body.trim().includes('\n') || note.body.length > 140;

  return (
    <li class="note-item" data-testid="note-item" data-note-id={note.id} aria-current={editing ? 'true' : undefined}>
      <p class="note-meta">
        <time dateTime={toDate(note.updatedAt)?.toISOString()}>{formatDateTime(note.updatedAt)}</time>
        {editing && <span class="note-editing"> · being edited below</span>}
      </p>
      {expanded || !long ? <p class="note-body">{note.body}</p> : <p class="note-body">{firstLine(note.body)}</p>}
      <TagList tags={note.tags} />
      <ErrorNotice error={deletion.error} />
      {deletion.asking ? (
        <ConfirmDelete
          label="Delete this note?"
          question="Delete this note for good? It cannot be undone."
          confirm="Delete note"
          confirmTestId="confirm-delete-note"
          cancel="Keep it"
          busy={deletion.busy}
          onConfirm={deletion.confirm}
          onCancel={deletion.cancel}
        />
      ) : (
        <div class="notes-actions compact">
          {long && (
            <button type="button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
              {expanded ? 'Show less' : 'Show all'}
            </button>
          )}
          <button type="button" data-testid="edit-note" onClick={onEdit} disabled={editing}>
            Edit
          </button>
          <button type="button" data-testid="delete-note" onClick={deletion.ask}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

export function TagList({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul class="tag-list" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag} class="tag">
          {tag}
        </li>
      ))}
    </ul>
  );
}
