import { sessionStartOf, type SessionEntries } from './clear-data';

/**
 * Which browser alarms the reminders need, given what is stored and what the browser still has.
 * Firefox forgets alarms when it quits (and Chrome may too after an update), so the background
 * runs this on every start: missing alarms come back, stale ones go.
 */

export const SESSION_ALARM_PREFIX = 'anteroom-session:';
export const SILENCE_ALARM = 'anteroom-silence-check';
export const SESSION_NOTIFICATION_PREFIX = 'anteroom-session:';
export const SILENCE_NOTIFICATION = 'anteroom-silence';

export const sessionAlarmName = (reminderId: string): string => `${SESSION_ALARM_PREFIX}${reminderId}`;

export function reminderIdOfAlarm(name: string): string | undefined {
  return name.startsWith(SESSION_ALARM_PREFIX) ? name.slice(SESSION_ALARM_PREFIX.length) || undefined : undefined;
}

export interface AlarmLike {
  name: string;
  scheduledTime: number;
}

export interface AlarmPlan {
  create: { name: string; when: number }[];
  clear: string[];
}

export function planSessionAlarms(entries: SessionEntries, alarms: readonly AlarmLike[], now: number): AlarmPlan {
  const wanted = new Map<string, number>();
  for (const [id, entry] of Object.entries(entries)) {
    if (!entry.shown && sessionStartOf(entry) > now) wanted.set(sessionAlarmName(id), entry.fireAt);
  }
  const existing = new Map(alarms.filter((alarm) => alarm.name.startsWith(SESSION_ALARM_PREFIX)).map((a) => [a.name, a.scheduledTime]));
  const clear = [...existing.keys()].filter((name) => !wanted.has(name));
  const create = [...wanted]
    // A reminder whose time passed while the computer slept fires now (a second from now: an
    // alarm in the past is fired at once by Chrome, but not promised everywhere).
    .filter(([name, fireAt]) => !existing.has(name) || (existing.get(name) !== fireAt && fireAt > now))
    .map(([name, fireAt]) => ({ name, when: Math.max(fireAt, now + 1_000) }));
  return { create, clear };
}

/** The daily silence check runs at 9 in the morning, local time: a working hour, not the middle of the night. */
export function nextDailyCheck(now: number, hour = 9): number {
  const next = new Date(now);
  next.setHours(hour, 0, 0, 0);
  if (next.getTime() <= now) next.setDate(next.getDate() + 1);
  return next.getTime();
}
