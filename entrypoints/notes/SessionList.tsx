import { useEffect, useState } from 'preact/hooks';
import { formatDateTime, plural } from './format';
import type { SessionView } from './vault-api';

/** The catalogue's platform names, loaded only when there is a session to label. */
let platformNames: Promise<Map<string, string>> | undefined;
function loadPlatformNames(): Promise<Map<string, string>> {
  platformNames ??= import('@/rules/index').then(
    ({ platforms }) => new Map(platforms.map((p) => [p.id, p.name.replace(/\s*\(.*\)\s*$/, '')])),
  );
  return platformNames;
}

/** Sessions Anteroom recorded with this client: when, how long, on which platform. */
export function SessionList({ sessions }: { sessions: SessionView[] }) {
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
        <li key={session.id} data-testid="session-item">
          <span class="session-when">{formatDateTime(session.startedAt)}</span>
          <span class="session-detail">
            {plural(Math.round(session.durationMinutes), 'minute')} · {names?.get(session.platform) ?? session.platform}
          </span>
        </li>
      ))}
    </ul>
  );
}
