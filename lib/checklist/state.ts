import * as v from 'valibot';
import { checks } from './checks/index';
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

const checkIds = checks.map((check) => check.id) as [CheckId, ...CheckId[]];

const speedSchema = v.union([
  v.object({
    ok: v.literal(true),
    downMbps: v.number(),
    upMbps: v.number(),
    latencyMs: v.number(),
    jitterMs: v.number(),
    loadedLatencyMs: v.optional(v.number()),
    videoCallClass: v.optional(v.picklist(['bad', 'poor', 'average', 'good', 'great'])),
    status: v.picklist(['pass', 'warn', 'fail']),
    advice: v.string(),
    at: v.string(),
  }),
  v.object({ ok: v.literal(false), error: v.pipe(v.string(), v.maxLength(500)), at: v.string() }),
]);

const stateSchema = v.object({
  version: v.literal(1),
  startedAt: v.pipe(v.string(), v.isoTimestamp()),
  day: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
  format: v.nullable(v.picklist(['video', 'audio', 'text'])),
  answers: v.record(v.picklist(checkIds), v.picklist(['yes', 'not-alone'])),
  speed: v.optional(speedSchema),
});

/**
 * A stored preparation, if it is readable and from today; otherwise undefined (start afresh).
 * Unknown ids (a check removed in an update) make the record unreadable, which is the safe side.
 */
export function restoreState(stored: unknown, now: Date): PreparationState | undefined {
  const parsed = v.safeParse(stateSchema, stored);
  if (!parsed.success || parsed.output.day !== localDay(now)) return undefined;
  const { speed, ...rest } = parsed.output;
  return { ...rest, answers: rest.answers as Answers, ...(speed ? { speed } : {}) };
}
