import type { Contract } from '@/lib/contract/schema';
import type { CheckId } from './checks/index';
import type { ProbeContext } from './probe-context';

/**
 * The pre-session checklist's vocabulary. A check is either *measured* (Anteroom looks for
 * itself: tabs, battery, downloads, the platform) or *asked* (only the therapist can know:
 * is the door closed?). Each lives in its own file in ./checks, registered in ./checks/index.ts;
 * ids are the stable test hooks listed in DESIGN.md ("Test hooks › Checklist"). A measured
 * check owns its measurement (probe, watch, the work behind its buttons); the popup runs them
 * all through one loop (./measure-loop.ts).
 */

/** Every check's id, read off the registry, so an id that is not registered is a type error. */
export type { CheckId };

/** `done` is an asked item the therapist confirmed; `todo` is one still waiting for them. */
export type Status = 'pass' | 'warn' | 'fail' | 'unknown' | 'todo' | 'done';

/** The contract's session formats: video, audio only, live text. */
export type SessionFormat = Contract['sessionFormat'];
export const allFormats: readonly SessionFormat[] = ['video', 'audio', 'text'];

/**
 * What the therapist answered. Almost every asked item has one answer ("yes"); being alone
 * has a second honest one, "not alone", which is also an answer and brings in the headset item.
 */
export type Answer = 'yes' | 'not-alone';
export type Answers = Partial<Record<CheckId, Answer>>;

/** Buttons a measured item can offer; the popup wires each to a browser call made from the click. */
export type ActionId =
  | 'test-connection'
  | 'open-options'
  | 'open-preflight'
  | 'mute-tabs'
  | 'sleep-tabs'
  | 'check-downloads'
  | 'pause-downloads'
  | 'open-notes';

export interface Action {
  id: ActionId;
  label: string;
  /** One plain sentence shown before the button: what will happen when it is pressed. */
  explain?: string;
}

/** What a measured check found. */
export interface Evaluation {
  status: Exclude<Status, 'done'>;
  /** What was found, in plain words. */
  detail: string;
  /** What to do about it; when absent and the item is not met, the check's `whenNotMet` is shown. */
  advice?: string;
  action?: Action;
  /** The browser cannot measure this here: ask the therapist instead (battery in Firefox). */
  askInstead?: boolean;
}

interface CheckBase<Id extends string> {
  id: Id;
  /** For asked items, the statement the therapist ticks ("I am alone in the room"). */
  title: string;
  /** Why it matters, in one line. */
  why: string;
  /** What to do when it is not met. */
  whenNotMet: string;
  /** Where the item comes from (shared/research/platforms-and-checklists.md). */
  source: string;
  /** Session formats the item applies to. */
  formats: readonly SessionFormat[];
  /**
   * A further condition on the other answers (the headset matters only when not alone). Keyed by
   * string because CheckId is read off the registry that holds this check; name the other check
   * through its module (`alone.id`) so a wrong name is still a type error.
   */
  appliesWhen?: (answers: Readonly<Partial<Record<string, Answer>>>) => boolean;
}

interface AskedSpec<Id extends string> extends CheckBase<Id> {
  /** A second answer besides "yes", shown as its own checkbox. */
  alternative?: { answer: Exclude<Answer, 'yes'>; label: string };
  /** Contract texts shown with the item, so the therapist can read the plan they are confirming. */
  shows?: readonly ContractText[];
}

export interface AskedCheck<Id extends string = CheckId> extends AskedSpec<Id> {
  kind: 'asked';
}

export type ContractText = 'disruptionPlan' | 'backupPlatform' | 'emergencyProcedure';

interface MeasuredSpec<Input, Id extends string> extends CheckBase<Id> {
  /** Pure: the same input always gives the same evaluation. */
  evaluate: (input: Input) => Evaluation;
  /** Reads what `evaluate` needs. A probe that throws, or takes too long, shows the item as unknown. */
  probe: (ctx: ProbeContext) => Promise<Input>;
  /** Calls `rerun` when what the probe reads may have changed; returns how to stop. */
  watch?: (ctx: ProbeContext, rerun: () => void) => () => void;
  /** What the item says when its probe fails. */
  unreadable?: string;
  /**
   * The work behind the item's buttons. Called straight from the click, so a permission request
   * made first thing still has the user's gesture; the check is measured again afterwards.
   */
  actions?: Partial<Record<ActionId, (ctx: ProbeContext) => Promise<unknown>>>;
  /** The checkbox shown when the browser cannot measure it (`askInstead`). */
  askedTitle?: string;
}

/**
 * A measured check as the registry holds it, whatever its input: `measure` is its probe and
 * its evaluation together. A check's own module keeps its input type (MeasuredCheckOf), so a
 * test can evaluate it directly.
 */
export interface MeasuredCheck<Id extends string = CheckId> extends Omit<MeasuredSpec<never, Id>, 'evaluate' | 'probe'> {
  kind: 'measured';
  measure: (ctx: ProbeContext) => Promise<Evaluation>;
}

export type MeasuredCheckOf<Input, Id extends string> = MeasuredCheck<Id> & MeasuredSpec<Input, Id>;

export type CheckDefinition = AskedCheck | MeasuredCheck;

/** Both type arguments are inferred (Input from `evaluate`'s parameter): naming only Input would widen Id to string. */
export function measured<Input, const Id extends string>(check: MeasuredSpec<Input, Id>): MeasuredCheckOf<Input, Id> {
  return { ...check, kind: 'measured', measure: async (ctx) => check.evaluate(await check.probe(ctx)) };
}

export function asked<const Id extends string>(check: AskedSpec<Id>): AskedCheck<Id> {
  return { ...check, kind: 'asked' };
}
