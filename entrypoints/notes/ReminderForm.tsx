import { useEffect, useRef, useState } from 'preact/hooks';
import { BusyButton } from '@/components/forms/BusyButton';
import { FieldBlock } from '@/components/forms/FieldBlock';
import { focusFirstInvalid } from '@/components/forms/wiring';
import { DEFAULT_REMIND_MINUTES, localDateTime, MAX_REMIND_MINUTES } from '@/lib/reminders/session-reminder';
import { messageFor } from '@/lib/error-messages';
import { ErrorNotice } from './ErrorNotice';
import { formatDateTime, localToday, plural } from './format';
import { useVault, type ClientSummary, type VaultFailure } from './vault-api';

type FieldErrors = Partial<Record<'when' | 'minutes', string>>;

/** Schedule a session: date, time, how long before to be reminded, and whether the reminder may name the client. */
export function ReminderForm(props: { client: ClientSummary; onSaved: (message: string) => void; onCancel: () => void }) {
  const { client, onSaved, onCancel } = props;
  const api = useVault();
  const [date, setDate] = useState(localToday());
  const [time, setTime] = useState('');
  const [minutes, setMinutes] = useState(String(DEFAULT_REMIND_MINUTES));
  const [showLabel, setShowLabel] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<VaultFailure>();
  const [busy, setBusy] = useState(false);
  const dateRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => dateRef.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    const startsAt = localDateTime(date, time);
    const before = Number(minutes);
    const found: FieldErrors = {};
    if (startsAt === undefined) found.when = messageFor('reminder-time-missing');
    else if (startsAt <= Date.now()) found.when = messageFor('reminder-time-past');
    if (minutes.trim() === '' || !Number.isInteger(before) || before < 0 || before > MAX_REMIND_MINUTES) {
      found.minutes = messageFor('reminder-minutes-invalid', MAX_REMIND_MINUTES);
    }
    setErrors(found);
    if (found.when || found.minutes || startsAt === undefined) return focusFirstInvalid(formRef.current);
    setBusy(true);
    const result = await api.scheduleReminder({ clientId: client.id, startsAt, remindMinutesBefore: before, showLabel });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onSaved(`Session scheduled for ${formatDateTime(startsAt)}; you will be reminded ${plural(before, 'minute')} before.`);
  };

  const typed = Number(minutes);
  const shownMinutes = minutes.trim() !== '' && Number.isInteger(typed) && typed >= 0 ? typed : DEFAULT_REMIND_MINUTES;

  return (
    <form ref={formRef} class="notes-card reminder-form" noValidate aria-labelledby="reminder-form-heading" aria-busy={busy} onSubmit={(event) => void submit(event)}>
      <h4 id="reminder-form-heading">Schedule a session</h4>
      <FieldBlock
        id="reminder-when"
        help={
          <>
            Anteroom shows a notification before it starts, even with this page closed, as long as the browser is running. Clicking
            it opens the pre-session checklist.
          </>
        }
        error={errors.when}
      >
        {/* Two controls share the help and the error; each has its own label, so neither takes the group's id. */}
        {({ id: _group, ...aria }) => (
          <div class="reminder-when">
            <label>
              Date
              <input
                autoComplete="off"
                ref={dateRef}
                type="date"
                name="reminderDate"
                value={date}
                disabled={busy}
                {...aria}
                onInput={(event) => setDate(event.currentTarget.value)}
              />
            </label>
            <label>
              Time
              <input
                autoComplete="off"
                type="time"
                name="reminderTime"
                value={time}
                disabled={busy}
                {...aria}
                onInput={(event) => setTime(event.currentTarget.value)}
              />
            </label>
          </div>
        )}
      </FieldBlock>
      <FieldBlock
        id="remind-minutes"
        label="Remind me this many minutes before"
        help="Enough time to run the checklist: close other tabs, check the connection and the room."
        error={errors.minutes}
      >
        {(wiring) => (
          <input
            autoComplete="off"
            {...wiring}
            type="number"
            name="remindMinutesBefore"
            min={0}
            max={MAX_REMIND_MINUTES}
            step={1}
            inputMode="numeric"
            value={minutes}
            disabled={busy}
            onInput={(event) => setMinutes(event.currentTarget.value)}
          />
        )}
      </FieldBlock>
      <label class="check-label">
        <input autoComplete="off"
          type="checkbox"
          name="reminderShowLabel"
          checked={showLabel}
          disabled={busy}
          aria-describedby="reminder-label-help"
          onChange={(event) => setShowLabel(event.currentTarget.checked)}
        />
        <span>
          Show the client’s name in the reminder
          <span class="field-help block" id="reminder-label-help">
            Off, the reminder says only “A session starts in {plural(shownMinutes, 'minute')}”. On, it shows “
            {client.label}”, which anyone near your screen can read, and the name is kept unencrypted in this browser until the
            session starts, so the reminder can show it while your notes are locked.
          </span>
        </span>
      </label>
      <ErrorNotice error={error} />
      <div class="notes-actions">
        <BusyButton type="submit" class="primary" data-testid="schedule-reminder" busy={busy} busyText="Scheduling…">
          Schedule
        </BusyButton>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
