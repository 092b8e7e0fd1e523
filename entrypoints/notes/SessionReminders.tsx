import { useState } from 'preact/hooks';
import { ErrorNotice } from './ErrorNotice';
import { formatDateTime, plural } from './format';
import { ReminderForm } from './ReminderForm';
import { useVault, type ClientSummary, type VaultFailure } from './vault-api';

/** The client's upcoming sessions with their reminders: schedule one, or cancel one. */
export function SessionReminders({ client, onChanged }: { client: ClientSummary; onChanged: () => void }) {
  const api = useVault();
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<VaultFailure>();
  const now = Date.now();
  const upcoming = (client.reminders ?? []).filter((reminder) => reminder.startsAt > now);

  const cancel = async (id: string, startsAt: number) => {
    setError(undefined);
    const result = await api.cancelReminder(client.id, id);
    if (!result.ok) return setError(result.error);
    setStatus(`The session of ${formatDateTime(startsAt)} and its reminder were removed.`);
    onChanged();
  };

  return (
    <section aria-labelledby="client-reminders-heading" data-testid="session-reminders">
      <div class="section-head">
        <h3 id="client-reminders-heading">Upcoming sessions</h3>
        {!adding && (
          <button
            type="button"
            data-testid="new-reminder"
            onClick={() => {
              setStatus('');
              setAdding(true);
            }}
          >
            Schedule a session
          </button>
        )}
      </div>
      <p role="status" class="notes-status notes-ok" data-testid="reminder-status">
        {status}
      </p>
      <ErrorNotice error={error} />
      {adding && (
        <ReminderForm
          client={client}
          onSaved={(message) => {
            setAdding(false);
            setStatus(message);
            onChanged();
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {upcoming.length === 0 ? (
        !adding && <p class="notes-empty">No upcoming sessions scheduled.</p>
      ) : (
        <ul class="session-list">
          {upcoming.map((reminder) => (
            <li key={reminder.id} data-testid="reminder-item" data-reminder-id={reminder.id}>
              <span class="session-when">{formatDateTime(reminder.startsAt)}</span>
              <span class="session-detail">
                reminder {plural(reminder.remindMinutesBefore, 'minute')} before
                {reminder.showLabel ? ', showing the client’s name' : ''}
              </span>
              <button
                type="button"
                class="link-button reminder-cancel"
                data-testid="cancel-reminder"
                aria-label={`Cancel the session of ${formatDateTime(reminder.startsAt)}`}
                onClick={() => void cancel(reminder.id, reminder.startsAt)}
              >
                Cancel
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
