import type { Contract } from '@/lib/contract/schema';

/**
 * The pre-session checklist's vocabulary. A check is either *measured* (Anteroom looks for
 * itself: tabs, battery, downloads, the platform) or *asked* (only the therapist can know:
 * is the door closed?). Each lives in its own file in ./checks, registered in ./checks/index.ts;
 * ids are the stable test hooks listed in DESIGN.md ("Test hooks › Checklist").
 */

export type CheckId =
  | 'platform.verdict'
  | 'network.speed'
  | 'privacy.alone'
  | 'privacy.screen'
  | 'privacy.headset'
  | 'privacy.client-space'
  | 'privacy.notifications'
  | 'privacy.devices'
  | 'privacy.wifi'
  | 'interruptions.audible-tabs'
  | 'interruptions.downloads'
  | 'interruptions.battery'
  | 'interruptions.other-tabs'
  | 'interruptions.household'
  | 'plan.backup'
  | 'plan.emergency'
  | 'room.lighting'
  | 'notes.backup';

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

interface CheckBase {
  id: CheckId;
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
  /** A further condition on the other answers (the headset matters only when not alone). */
  appliesWhen?: (answers: Answers) => boolean;
}

export interface AskedCheck extends CheckBase {
  kind: 'asked';
  /** A second answer besides "yes", shown as its own checkbox. */
  alternative?: { answer: Exclude<Answer, 'yes'>; label: string };
  /** Contract texts shown with the item, so the therapist can read the plan they are confirming. */
  shows?: readonly ContractText[];
}

export type ContractText = 'disruptionPlan' | 'backupPlatform' | 'emergencyProcedure';

export interface MeasuredCheck<Input = never> extends CheckBase {
  kind: 'measured';
  /** Pure: the same input always gives the same evaluation. */
  evaluate: (input: Input) => Evaluation;
  /** The checkbox shown when the browser cannot measure it (`askInstead`). */
  askedTitle?: string;
}

/**
 * The registry holds checks of every input type (`never` accepts them all); code that evaluates
 * one imports that check's module and gets its own input type.
 */
export type CheckDefinition = AskedCheck | MeasuredCheck;

export function measured<Input>(check: Omit<MeasuredCheck<Input>, 'kind'>): MeasuredCheck<Input> {
  return { ...check, kind: 'measured' };
}

export function asked(check: Omit<AskedCheck, 'kind'>): AskedCheck {
  return { ...check, kind: 'asked' };
}
