/**
 * The silence follow-up in the contract: "if I have not heard from you for N days, I will get in
 * touch". Days are calendar days in the therapist's time zone, so a clock change (DST) neither
 * brings the follow-up forward nor pushes it back by an hour.
 */

const DAY_MS = 86_400_000;

/** When the therapist last heard from the client: a bare date means the start of that day, here. */
export function heardFromTime(lastHeardFrom: string): number | undefined {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(lastHeardFrom);
  const time = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])).getTime() : Date.parse(lastHeardFrom);
  return Number.isNaN(time) ? undefined : time;
}

/** `time` moved by whole calendar days, keeping the local time of day. */
export function addLocalDays(time: number, days: number): number {
  const date = new Date(time);
  date.setDate(date.getDate() + days);
  return date.getTime();
}

/** Local midnight starting the day that holds `time`. */
function startOfLocalDay(time: number): number {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/** Whole calendar days from the day of `from` to the day of `to` (0 on the same day). */
export function calendarDaysBetween(from: number, to: number): number {
  return Math.round((startOfLocalDay(to) - startOfLocalDay(from)) / DAY_MS);
}

/** The moment the agreed silence runs out: exactly `followUpDays` after they were last heard from. */
export function silenceDueAt(lastHeardFrom: string, followUpDays: number): number | undefined {
  const heard = heardFromTime(lastHeardFrom);
  return heard === undefined ? undefined : addLocalDays(heard, followUpDays);
}

export type SilenceStatus =
  /** Never recorded: nothing to measure from. */
  | { state: 'unknown' }
  | { state: 'within' | 'overdue'; daysSilent: number; dueAt: number };

export function silenceStatus(lastHeardFrom: string | undefined, followUpDays: number, now: number): SilenceStatus {
  const heard = lastHeardFrom === undefined ? undefined : heardFromTime(lastHeardFrom);
  if (heard === undefined) return { state: 'unknown' };
  const dueAt = addLocalDays(heard, followUpDays);
  const daysSilent = Math.max(0, calendarDaysBetween(heard, now));
  return { state: now >= dueAt ? 'overdue' : 'within', daysSilent, dueAt };
}
