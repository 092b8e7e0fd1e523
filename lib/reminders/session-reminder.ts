/**
 * A scheduled session's reminder: when it fires, and how many minutes are left when it does.
 * The reminder shows `remindMinutesBefore` minutes before the session; one that is late (the
 * computer was asleep) says how long is actually left, and none shows once the session began.
 */

export const DEFAULT_REMIND_MINUTES = 10;
/** A day: a reminder further ahead than that is not what "remind me before" means. */
export const MAX_REMIND_MINUTES = 24 * 60;

export interface ReminderTiming {
  startsAt: number;
  remindMinutesBefore: number;
}

export function fireTimeOf(reminder: ReminderTiming): number {
  return reminder.startsAt - reminder.remindMinutesBefore * 60_000;
}

/** Whole minutes left before the session, rounded to the nearest (an alarm is a few seconds late). */
export function minutesLeft(startsAt: number, now: number): number {
  return Math.max(0, Math.round((startsAt - now) / 60_000));
}

/** Still worth a reminder: the session has not started yet. */
export function isUpcoming(reminder: { startsAt: number }, now: number): boolean {
  return reminder.startsAt > now;
}

/** Local date (YYYY-MM-DD) and time (HH:MM) from the page's inputs, as ms; undefined when not a real moment. */
export function localDateTime(date: string, time: string): number | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return undefined;
  const value = new Date(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  // new Date rolls 31 February over into March; a date that moved is not the one typed.
  if (value.getDate() !== Number(d[3]) || value.getMinutes() !== Number(t[2])) return undefined;
  return value.getTime();
}
