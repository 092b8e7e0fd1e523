import type { ComponentChildren } from 'preact';
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
 * How much of a measured item is in view, so the popup fits its 600 px: a problem shows
 * everything; a finding worth a look or a step to take shows what was found and its button, its
 * title opening the reasons; one that could not tell folds into its title line.
 */
type Presentation = 'full' | 'compact' | 'folded';
const FOLDED_WORDS = 'not checked';

function presentationOf(item: ItemView): Presentation {
  if (item.mode === 'asked' || item.pending || item.status === 'fail') return 'full';
  return item.status === 'unknown' ? 'folded' : 'compact';
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
  const presentation = presentationOf(item);

  const title = (
    <>
      <StatusMark status={status} />
      <span>
        {item.label}
        {presentation === 'folded' ? <span class="fold-status"> · {FOLDED_WORDS}</span> : <span class="visually-hidden">: {statusWords(status)}</span>}
      </span>
    </>
  );
  const why = (
    <p class="why" id={whyId}>
      {check.why}
    </p>
  );
  const detail = item.detail && <p class="detail">{item.detail}</p>;
  const advice =
    item.advice &&
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
    ));
  const explain = item.action?.explain && (
    <p class="explain" id={explainId}>
      {item.action.explain}
    </p>
  );
  const button = item.action && (
    <button
      type="button"
      data-action={item.action.id}
      disabled={busy}
      aria-describedby={item.action.explain ? explainId : undefined}
      onClick={() => onAction(item.action!.id)}
    >
      {item.action.label}
    </button>
  );
  const action = item.action && (
    <div class="check-action">
      {explain}
      {button}
    </div>
  );
  const contract = shows.map((field) =>
    contractTexts[field] ? (
      <p class="contract-text" key={field}>
        <span class="contract-label">{CONTRACT_LABELS[field]}:</span> {contractTexts[field]}
      </p>
    ) : null,
  );
  const row = (children: ComponentChildren) => (
    <li
      class={`check ${asked ? 'check-asked' : 'check-measured'} check-${presentation} status-${status}`}
      data-check={check.id}
      data-status={status}
      aria-busy={item.pending ? 'true' : 'false'}
    >
      {children}
    </li>
  );

  if (presentation === 'folded') {
    return row(
      <details class="check-fold">
        <summary class="check-title">{title}</summary>
        <div class="check-body">
          {detail}
          {why}
          {advice}
          {action}
        </div>
      </details>,
    );
  }
  if (presentation === 'compact') {
    // The title opens the reasons, like a folded item's: what was found and its button stay in view.
    return row(
      <>
        <details class="check-fold check-more">
          <summary class="check-title">{title}</summary>
          <div class="check-body">
            {why}
            {explain}
            {advice}
          </div>
        </details>
        <div class="check-body">
          {detail}
          {button && <div class="check-action">{button}</div>}
        </div>
      </>,
    );
  }
  return row(
    <>
      {asked ? (
        <>
          <label class="check-answer">
            <input
              autoComplete="off"
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
              <input
                autoComplete="off"
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
        <h3 class="check-title">{title}</h3>
      )}
      <div class="check-body">
        {why}
        {detail}
        {contract}
        {advice}
        {action}
      </div>
    </>,
  );
}
