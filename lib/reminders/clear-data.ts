import * as v from 'valibot';
import { LIMITS, recordId } from '@/lib/vault/store/record-schemas';
import { LOCAL_KEYS } from '@/lib/storage/keys';
import { MAX_REMIND_MINUTES } from './session-reminder';

/**
 * What reminders keep in clear, so the background can raise them while the vault is locked (the
 * key is gone then). It is kept in the background's own IndexedDB (clear-store.ts, README.md),
 * out of reach of content scripts, and sits unencrypted on disk, so it holds only opaque ids,
 * times and numbers. A client's label is there only where the therapist chose that, per
 * reminder or for the silence follow-up, and the page says so beside each choice.
 * Every shape is checked on read; anything that does not match is treated as absent.
 */

/** Where builds before clear-store.ts kept the same data, in storage.local; removed on start. */
export const SESSION_REMINDERS_KEY = LOCAL_KEYS.legacySessionReminders;
export const SILENCE_INDEX_KEY = LOCAL_KEYS.legacySilenceIndex;
/** The therapist's choice to name clients in the silence notification (default: no). */
export const SILENCE_NAMES_KEY = LOCAL_KEYS.legacySilenceNames;

const time = v.pipe(v.number(), v.integer(), v.minValue(0));
const label = v.pipe(v.string(), v.maxLength(LIMITS.label));

const sessionEntry = v.object({
  fireAt: time,
  minutesBefore: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_REMIND_MINUTES)),
  label: v.optional(label),
  /** The notification was shown; kept until the session starts so it is not shown twice. */
  shown: v.optional(v.boolean()),
});
export type SessionEntry = v.InferOutput<typeof sessionEntry>;
/** Keyed by the reminder's own random id, which says nothing about which client it is for. */
export type SessionEntries = Record<string, SessionEntry>;

const silenceEntry = v.object({
  dueAt: time,
  /** The due time a notification was already shown for: once per due date. */
  notifiedDueAt: v.optional(time),
  label: v.optional(label),
});
export type SilenceEntry = v.InferOutput<typeof silenceEntry>;

export const sessionEntries = v.record(recordId, sessionEntry);

export const silenceIndex = v.object({
  /** The contract's silenceFollowUpDays these due times were computed with. */
  followUpDays: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Keyed by the client's opaque record id. */
  entries: v.record(recordId, silenceEntry),
});
export type SilenceIndex = v.InferOutput<typeof silenceIndex>;

export const emptySilenceIndex = (followUpDays: number): SilenceIndex => ({ followUpDays, entries: {} });

export function parseSessionEntries(stored: unknown): SessionEntries {
  const parsed = v.safeParse(sessionEntries, stored);
  return parsed.success ? parsed.output : {};
}

export function parseSilenceIndex(stored: unknown): SilenceIndex | undefined {
  const parsed = v.safeParse(silenceIndex, stored);
  return parsed.success ? parsed.output : undefined;
}

/** When the session of an entry starts (it is not stored separately). */
export const sessionStartOf = (entry: SessionEntry): number => entry.fireAt + entry.minutesBefore * 60_000;
