import { emptySilenceIndex, sessionStartOf, type SessionEntries, type SilenceIndex } from './clear-data';
import { fireTimeOf, isUpcoming } from './session-reminder';
import { addLocalDays, silenceDueAt } from './silence';

/**
 * What goes in clear, computed from the decrypted clients (in the background, while unlocked).
 * Each function returns the whole new state: rebuilding from the vault is the only way entries
 * appear, so a client deleted or a reminder cancelled leaves nothing behind.
 */

export interface ReminderRecord {
  id: string;
  startsAt: number;
  remindMinutesBefore: number;
  /** The therapist chose to see the client's label in this reminder's notification. */
  showLabel: boolean;
}

export interface ClientForReminders {
  id: string;
  label: string;
  lastHeardFrom?: string;
  reminders?: readonly ReminderRecord[];
}

/** One entry per reminder whose session has not started; a shown one stays shown. */
export function sessionEntriesFor(clients: readonly ClientForReminders[], previous: SessionEntries, now: number): SessionEntries {
  const entries: SessionEntries = {};
  for (const client of clients) {
    for (const reminder of client.reminders ?? []) {
      if (!isUpcoming(reminder, now)) continue;
      const fireAt = fireTimeOf(reminder);
      const before = previous[reminder.id];
      entries[reminder.id] = {
        fireAt,
        minutesBefore: reminder.remindMinutesBefore,
        ...(reminder.showLabel ? { label: client.label } : {}),
        ...(before?.shown && before.fireAt === fireAt ? { shown: true } : {}),
      };
    }
  }
  return entries;
}

/** Entries whose session has started are of no more use: dropped. */
export function withoutPastSessions(entries: SessionEntries, now: number): SessionEntries {
  return Object.fromEntries(Object.entries(entries).filter(([, entry]) => sessionStartOf(entry) > now));
}

/** One entry per client with a "last heard from" date; a notification already shown for the same due time is remembered. */
export function silenceIndexFor(
  clients: readonly ClientForReminders[],
  followUpDays: number,
  showNames: boolean,
  previous: SilenceIndex | undefined,
): SilenceIndex {
  const index = emptySilenceIndex(followUpDays);
  for (const client of clients) {
    const dueAt = client.lastHeardFrom === undefined ? undefined : silenceDueAt(client.lastHeardFrom, followUpDays);
    if (dueAt === undefined) continue;
    const notified = previous?.entries[client.id]?.notifiedDueAt === dueAt;
    index.entries[client.id] = { dueAt, ...(notified ? { notifiedDueAt: dueAt } : {}), ...(showNames ? { label: client.label } : {}) };
  }
  return index;
}

/**
 * The contract's follow-up changed while the vault was locked: move every due time by the
 * difference (due = last heard from + days), until the next unlock recomputes them exactly.
 */
export function withFollowUpDays(index: SilenceIndex, followUpDays: number): SilenceIndex {
  if (index.followUpDays === followUpDays) return index;
  const shift = followUpDays - index.followUpDays;
  const entries = Object.fromEntries(
    Object.entries(index.entries).map(([id, entry]) => {
      const dueAt = addLocalDays(entry.dueAt, shift);
      return [id, { dueAt, ...(entry.label !== undefined ? { label: entry.label } : {}) }];
    }),
  );
  return { followUpDays, entries };
}

/** The therapist turned names off: they leave storage at once, without waiting for an unlock. */
export function withoutNames(index: SilenceIndex): SilenceIndex {
  const entries = Object.fromEntries(
    Object.entries(index.entries).map(([id, { label: _label, ...entry }]) => [id, entry]),
  );
  return { ...index, entries };
}

/** Session entries with every label taken out. */
export function withoutLabels(entries: SessionEntries): SessionEntries {
  return Object.fromEntries(Object.entries(entries).map(([id, { label: _label, ...entry }]) => [id, entry]));
}

/** Clients whose silence has run out and who have not been notified for this due time. */
export function dueSilences(index: SilenceIndex, now: number): string[] {
  return Object.entries(index.entries)
    .filter(([, entry]) => entry.dueAt <= now && entry.notifiedDueAt !== entry.dueAt)
    .map(([id]) => id);
}

export function markNotified(index: SilenceIndex, ids: readonly string[]): SilenceIndex {
  const entries = { ...index.entries };
  for (const id of ids) {
    const entry = entries[id];
    if (entry) entries[id] = { ...entry, notifiedDueAt: entry.dueAt };
  }
  return { ...index, entries };
}
