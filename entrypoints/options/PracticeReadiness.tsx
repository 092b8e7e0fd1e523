import { useEffect, useState } from 'preact/hooks';
import {
  READINESS_VALID_DAYS,
  readinessDue,
  readinessItems,
  type ReadinessItem,
  type ReadinessItemId,
  type ReadinessState,
} from '@/lib/contract/practice-readiness';
import { fieldId } from '@/components/Field';
import { loadReadiness, localDate, localIsoDate, readableDate, saveReadiness } from './readiness-storage';

type ItemState = 'confirmed' | 'due' | 'expired';

function stateText(state: ItemState, confirmedAt: string | null): string {
  if (state === 'due' || confirmedAt === null) return 'Not confirmed yet';
  const confirmed = localDate(confirmedAt);
  if (state === 'expired') return `Due again: last confirmed on ${readableDate(confirmed)}, more than a year ago`;
  const next = new Date(confirmed);
  next.setDate(next.getDate() + READINESS_VALID_DAYS);
  return `Confirmed on ${readableDate(confirmed)}; check again by ${readableDate(next)}`;
}

/**
 * The practice-level things to confirm once a year (insurance, supervision, registration…),
 * each with why it matters. Every change is saved at once to storage.local.
 */
export function PracticeReadiness() {
  const [state, setState] = useState<ReadinessState>();
  const [notice, setNotice] = useState<string>();
  const [errors, setErrors] = useState<Partial<Record<ReadinessItemId, string>>>({});
  const [status, setStatus] = useState('');

  useEffect(() => {
    loadReadiness().then(
      ({ state: loaded, resetItems }) => {
        setState(loaded);
        if (resetItems.length > 0) {
          const titles = readinessItems.filter((item) => resetItems.includes(item.id)).map((item) => `“${item.title}”`);
          setNotice(`These confirmation dates were unreadable and are shown as not confirmed: ${titles.join(', ')}.`);
        }
      },
      () => setNotice('Your confirmations could not be read from browser storage. Reload the page to try again.'),
    );
  }, []);

  if (!state) return <p>Loading your confirmations…</p>;

  const today = localIsoDate(new Date());
  const due = new Map(readinessDue(state, new Date()).map((entry) => [entry.item.id, entry.reason]));
  const itemState = (id: ReadinessItemId): ItemState => {
    const reason = due.get(id);
    return reason === undefined ? 'confirmed' : reason === 'expired' ? 'expired' : 'due';
  };

  const update = async (item: ReadinessItem, date: string | null) => {
    if (date !== null && date > today) {
      setErrors({ ...errors, [item.id]: 'A confirmation date cannot be in the future.' });
      return;
    }
    const next = { ...state, [item.id]: date };
    try {
      await saveReadiness(next);
      setState(next);
      setErrors({ ...errors, [item.id]: undefined });
      setStatus(date === null ? `Saved: “${item.title}” is not confirmed.` : `Saved: “${item.title}” confirmed on ${readableDate(localDate(date))}.`);
    } catch {
      setErrors({ ...errors, [item.id]: 'That date could not be saved. Use a real calendar date.' });
    }
  };

  const confirmedCount = readinessItems.filter((item) => itemState(item.id) === 'confirmed').length;

  return (
    <>
      {notice && <p role="alert">{notice}</p>}
      <p data-testid="readiness-summary">
        {confirmedCount} of {readinessItems.length} confirmed within the last year.
      </p>
      <ul class="readiness-list">
        {readinessItems.map((item) => {
          const id = fieldId(`readiness.${item.id}`);
          const current = itemState(item.id);
          const confirmedAt = state[item.id] ?? null;
          const error = errors[item.id];
          return (
            <li key={item.id} data-readiness={item.id} data-state={current}>
              <h3 id={`${id}-title`}>{item.title}</h3>
              <p class="field-help" id={`${id}-why`}>
                {item.why}
              </p>
              <div class="readiness-row">
                <label for={id}>
                  Confirmed on<span class="visually-hidden"> ({item.title})</span>
                </label>
                <input autoComplete="off"
                  id={id}
                  name={`readiness.${item.id}`}
                  type="date"
                  max={today}
                  value={confirmedAt?.slice(0, 10) ?? ''}
                  aria-invalid={error ? 'true' : undefined}
                  aria-describedby={[`${id}-state`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
                  onChange={(event) => void update(item, event.currentTarget.value === '' ? null : event.currentTarget.value)}
                />
                <button type="button" onClick={() => void update(item, today)}>
                  Confirm today<span class="visually-hidden"> ({item.title})</span>
                </button>
              </div>
              <p class={`readiness-state readiness-${current}`} id={`${id}-state`} data-testid={`readiness-state-${item.id}`}>
                {stateText(current, confirmedAt)}
              </p>
              {error && (
                <p class="field-error" id={`${id}-error`}>
                  {error}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <p role="status" class="inline-status">
        {status}
      </p>
    </>
  );
}
