import type { ItemView } from '@/lib/checklist/model';
import type { Answer, ActionId, ContractText } from '@/lib/checklist/types';
import { StatusMark, statusWords } from './StatusMark';

const CONTRACT_LABELS: Record<ContractText, string> = {
  disruptionPlan: 'Your plan if the connection fails',
  backupPlatform: 'Backup way to meet',
  emergencyProcedure: 'Your emergency procedure',
};

export interface CheckRowProps {
  item: ItemView;
  /** The contract's texts for items that show them. */
  contractTexts: Partial<Record<ContractText, string>>;
  onAnswer: (answer: Answer | null) => void;
  onAction: (action: ActionId) => void;
  /** An action is under way (buttons are disabled meanwhile). */
  busy: boolean;
}

/**
 * One checklist item: a checkbox for what only the therapist can confirm, a finding for what
 * Anteroom measured. Carries the test hooks `data-check` and `data-status` (DESIGN.md).
 */
export function CheckRow({ item, contractTexts, onAnswer, onAction, busy }: CheckRowProps) {
  const { check, status } = item;
  const domId = `check-${check.id.replace(/\./g, '-')}`;
  const whyId = `${domId}-why`;
  const alternative = check.kind === 'asked' ? check.alternative : undefined;
  const shows = check.kind === 'asked' ? (check.shows ?? []) : [];
  const explainId = `${domId}-explain`;
  const asked = item.mode === 'asked';
  return (
    <li class={`check ${asked ? 'check-asked' : 'check-measured'} status-${status}`} data-check={check.id} data-status={status} aria-busy={item.pending ? 'true' : 'false'}>
      {asked ? (
        <>
          <label class="check-answer">
            <input autoComplete="off"
              type="checkbox"
              name={check.id}
              checked={item.answer === 'yes'}
              aria-describedby={whyId}
              onChange={(event) => onAnswer(event.currentTarget.checked ? 'yes' : null)}
            />
            <span>{item.label}</span>
          </label>
          {alternative && (
            <label class="check-answer check-alternative">
              <input autoComplete="off"
                type="checkbox"
                name={`${check.id}.${alternative.answer}`}
                checked={item.answer === alternative.answer}
                onChange={(event) => onAnswer(event.currentTarget.checked ? alternative.answer : null)}
              />
              <span>{alternative.label}</span>
            </label>
          )}
        </>
      ) : (
        <h3 class="check-title">
          <StatusMark status={status} />
          <span>
            {item.label}
            <span class="visually-hidden">: {statusWords(status)}</span>
          </span>
        </h3>
      )}
      <div class="check-body">
        <p class="why" id={whyId}>
          {check.why}
        </p>
        {item.detail && <p class="detail">{item.detail}</p>}
        {shows.map((field) =>
          contractTexts[field] ? (
            <p class="contract-text" key={field}>
              <span class="contract-label">{CONTRACT_LABELS[field]}:</span> {contractTexts[field]}
            </p>
          ) : null,
        )}
        {item.advice &&
          (asked ? (
            // Unticked is the usual state before the therapist gets to it: advice waits behind a click.
            <details class="advice">
              <summary>If not</summary>
              {item.advice}
            </details>
          ) : (
            <p class="advice">
              <span class="advice-label">What to do:</span> {item.advice}
            </p>
          ))}
        {item.action && (
          <div class="check-action">
            {item.action.explain && (
              <p class="explain" id={explainId}>
                {item.action.explain}
              </p>
            )}
            <button
              type="button"
              data-action={item.action.id}
              disabled={busy}
              aria-describedby={item.action.explain ? explainId : undefined}
              onClick={() => onAction(item.action!.id)}
            >
              {item.action.label}
            </button>
          </div>
        )}
      </div>
    </li>
  );
}
