import { useEffect, useState } from 'preact/hooks';
import { ConfirmDelete } from '@/components/forms/ConfirmDelete';
import { ErrorNotice } from './ErrorNotice';
import { formatDateTime, plural } from './format';
import { useDeletion } from './use-deletion';
import { useVault, type SessionView } from './vault-api';

/** The catalogue's platform names, loaded only when there is a session to label. */
let platformNames: Promise<Map<string, string>> | undefined;
function loadPlatformNames(): Promise<Map<string, string>> {
  platformNames ??= import('@/rules/index').then(
    ({ platforms }) => new Map(platforms.map((p) => [p.id, p.name.replace(/\s*\(.*\)\s*$/, '')])),
  );
  return platformNames;
}

/** Sessions Anteroom recorded with this client: when, how long, on which platform; each can be deleted after a question. */
export function SessionList({ sessions, onDeleted }: { sessions: SessionView[]; onDeleted: () => void }) {
  const [names, setNames] = useState<Map<string, string>>();
  useEffect(() => {
    if (sessions.length === 0 || names) return;
    let current = true;
    loadPlatformNames().then(
      (map) => current && setNames(map),
      () => undefined, // ids are shown instead
    );
    return () => {
      current = false;
    };
  }, [sessions.length, names]);

  if (sessions.length === 0) return <p class="notes-empty">No sessions recorded for this client yet.</p>;
  const sorted = [...sessions].sort((a, b) => new Date(b.startedAt).getTime() - new Date(a.startedAt).getTime());
  return (
    <ul class="session-list" data-testid="session-list">
      {sorted.map((session) => (
        <SessionItem key={session.id} session={session} platformName={names?.get(session.platform) ?? session.platform} onDeleted={onDeleted} />
      ))}
    </ul>
  );
}

function SessionItem({ session, platformName, onDeleted }: { session: SessionView; platformName: string; onDeleted: () => void }) {
  const api = useVault();
  const when = formatDateTime(session.startedAt);
  const deletion = useDeletion(() => api.deleteSession(session.clientId, session.id), onDeleted);

  return (
    <li data-testid="session-item" data-session-id={session.id}>
      <span class="session-when">{when}</span>
      <span class="session-detail">
        {plural(Math.round(session.durationMinutes), 'minute')} · {platformName}
      </span>
      <ErrorNotice error={deletion.error} />
      {deletion.asking ? (
        <ConfirmDelete
          label={`Delete the session record of ${when}?`}
          question={`Delete the record of this session (${when}) for good? It cannot be undone; notes are not affected.`}
          confirm="Delete session record"
          confirmTestId="confirm-delete-session"
          cancel="Keep it"
          busy={deletion.busy}
          onConfirm={deletion.confirm}
          onCancel={deletion.cancel}
        />
      ) : (
        <div class="notes-actions compact">
          <button type="button" data-testid="delete-session" aria-label={`Delete the session record of ${when}`} onClick={deletion.ask}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
