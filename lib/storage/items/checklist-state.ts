import * as v from 'valibot';
import { checks } from '@/lib/checklist/checks/index';
import type { CheckId } from '@/lib/checklist/types';
import { storedItem } from '../item';
import { LOCAL_KEYS, SESSION_KEYS } from '../keys';

/**
 * The preparation in progress (lib/checklist/state.ts): answers, the chosen format and a
 * connection test's result, never anything about the client. In its own file because its
 * schema needs the check registry, which the background, reading the checklist's run records,
 * has no use for.
 */

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

/**
 * Read whole: a record with anything unreadable, an answer for an id no longer registered (a
 * check removed in an update) included, reads as no preparation, which is the safe side.
 */
export const preparationSchema = v.object({
  version: v.literal(1),
  startedAt: v.pipe(v.string(), v.isoTimestamp()),
  day: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
  format: v.nullable(v.picklist(['video', 'audio', 'text'])),
  answers: v.record(v.picklist(checkIds), v.picklist(['yes', 'not-alone'])),
  speed: v.optional(speedSchema),
});

/** In storage.session (memory only) where the browser has it, else in storage.local (lib/checklist/persistence.ts). */
export const checklistStateItems = {
  session: storedItem({ area: 'session', name: SESSION_KEYS.checklistState, schema: preparationSchema, fallback: () => undefined }),
  local: storedItem({ area: 'local', name: LOCAL_KEYS.checklistState, schema: preparationSchema, fallback: () => undefined }),
};
