import { checklistStateItems } from '@/lib/storage/items/checklist-state';
import type { SpeedResult } from './checks/network.speed';
import type { Answer, Answers, CheckId, SessionFormat } from './types';
import { localDay } from './words';

/**
 * One preparation: from opening the checklist before a session until "Start fresh" or the next
 * day. It survives closing and reopening the popup (see persistence.ts). It holds answers and
 * the result of a connection test the therapist started, never anything about the client.
 */
export interface PreparationState {
  version: 1;
  /** ISO time the preparation began; also the id of its run record. */
  startedAt: string;
  /** Local day it began (YYYY-MM-DD): a preparation does not carry over to another day. */
  day: string;
  /** Chosen for this session; null means the contract's default. */
  format: SessionFormat | null;
  answers: Answers;
  speed?: SpeedResult & { at: string };
}

export function freshState(now: Date): PreparationState {
  return { version: 1, startedAt: now.toISOString(), day: localDay(now), format: null, answers: {} };
}

export type PrepAction =
  /** The stored preparation arrived; answers given before it arrived are kept on top. */
  | { type: 'restored'; stored: PreparationState }
  | { type: 'answer'; id: CheckId; answer: Answer | null }
  | { type: 'format'; format: SessionFormat }
  | { type: 'speed'; result: SpeedResult; at: Date }
  | { type: 'start-fresh'; now: Date };

export function prepReducer(state: PreparationState, action: PrepAction): PreparationState {
  switch (action.type) {
    case 'restored':
      return { ...action.stored, answers: { ...action.stored.answers, ...state.answers }, format: state.format ?? action.stored.format };
    case 'answer': {
      const answers = { ...state.answers };
      if (action.answer === null) delete answers[action.id];
      else answers[action.id] = action.answer;
      return { ...state, answers };
    }
    case 'format':
      return { ...state, format: action.format };
    case 'speed':
      return { ...state, speed: { ...action.result, at: action.at.toISOString() } };
    case 'start-fresh':
      return freshState(action.now);
  }
}

/**
 * A stored preparation, if it is readable (lib/storage/items/checklist-state.ts) and from today;
 * otherwise undefined (start afresh).
 */
export function restoreState(stored: unknown, now: Date): PreparationState | undefined {
  const parsed = checklistStateItems.local.parse(stored);
  if (!parsed || parsed.day !== localDay(now)) return undefined;
  const { speed, ...rest } = parsed;
  return { ...rest, answers: rest.answers as Answers, ...(speed ? { speed } : {}) };
}
