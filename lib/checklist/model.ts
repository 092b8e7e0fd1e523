import type { Action, Answer, Answers, CheckDefinition, CheckId, Evaluation, SessionFormat, Status } from './types';

/**
 * The checklist as the popup shows it, computed from the registry, the session format, the
 * therapist's answers and whatever the measured checks have found so far. Pure.
 */

/** Whether a check belongs in this session's list. */
export function applies(check: CheckDefinition, format: SessionFormat, answers: Answers): boolean {
  if (!check.formats.includes(format)) return false;
  return check.appliesWhen ? check.appliesWhen(answers) : true;
}

export interface ItemView {
  check: CheckDefinition;
  status: Status;
  /** 'asked' items hold a checkbox; a measured check the browser cannot measure is asked too. */
  mode: 'asked' | 'measured';
  /** The checkbox's statement (asked mode). */
  label: string;
  answer?: Answer;
  /** A measured check that has not reported yet. */
  pending: boolean;
  detail?: string;
  /** What to do, shown while the item is not met. */
  advice?: string;
  action?: Action;
}

/** Not met: the item wants attention (failing, warning, unconfirmed or not yet known). */
export function isMet(status: Status): boolean {
  return status === 'pass' || status === 'done';
}

function itemFor(check: CheckDefinition, answers: Answers, evaluation: Evaluation | undefined): ItemView {
  const answer = answers[check.id];
  if (check.kind === 'asked') {
    return {
      check,
      status: answer ? 'done' : 'todo',
      mode: 'asked',
      label: check.title,
      ...(answer ? { answer } : { advice: check.whenNotMet }),
      pending: false,
    };
  }
  if (!evaluation) return { check, status: 'unknown', mode: 'measured', label: check.title, pending: true, detail: 'Checking…' };
  if (evaluation.askInstead) {
    return {
      check,
      status: answer ? 'done' : 'todo',
      mode: 'asked',
      label: check.askedTitle ?? check.title,
      pending: false,
      detail: evaluation.detail,
      ...(answer ? { answer } : { advice: check.whenNotMet }),
    };
  }
  // A check that could not tell gives advice only when it has its own (a button often says it all).
  const problem = evaluation.status === 'warn' || evaluation.status === 'fail';
  const advice = isMet(evaluation.status) ? undefined : (evaluation.advice ?? (problem ? check.whenNotMet : undefined));
  return {
    check,
    status: evaluation.status,
    mode: 'measured',
    label: check.title,
    pending: false,
    detail: evaluation.detail,
    ...(advice ? { advice } : {}),
    ...(evaluation.action ? { action: evaluation.action } : {}),
  };
}

/** The items that apply to this session, in the registry's order. */
export function itemsFor(
  checks: readonly CheckDefinition[],
  format: SessionFormat,
  answers: Answers,
  evaluations: Partial<Record<CheckId, Evaluation>>,
): ItemView[] {
  return checks.filter((check) => applies(check, format, answers)).map((check) => itemFor(check, answers, evaluations[check.id]));
}

export interface Readiness {
  state: 'ready' | 'not-ready';
  failing: ItemView[];
  /** Asked items still waiting for the therapist. */
  toConfirm: ItemView[];
  /** Measured checks still running: readiness waits for them, since any could fail. */
  checking: ItemView[];
  /** Allowed, but listed. */
  warnings: ItemView[];
  /** Measured checks that could not tell (no test address, lighting not checked today, ...). */
  notChecked: ItemView[];
}

/**
 * Ready when nothing fails, every asked item is answered and every measured check has reported.
 * Warnings and checks that could not tell do not stop the session; they are listed.
 */
export function readinessOf(items: readonly ItemView[]): Readiness {
  const failing = items.filter((item) => item.status === 'fail');
  const toConfirm = items.filter((item) => item.mode === 'asked' && item.status !== 'done');
  const checking = items.filter((item) => item.pending);
  const warnings = items.filter((item) => item.status === 'warn');
  const notChecked = items.filter((item) => item.mode === 'measured' && !item.pending && (item.status === 'unknown' || item.status === 'todo'));
  const ready = failing.length === 0 && toConfirm.length === 0 && checking.length === 0;
  return { state: ready ? 'ready' : 'not-ready', failing, toConfirm, checking, warnings, notChecked };
}
