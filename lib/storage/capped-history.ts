import type { StoredItem } from './item';

/**
 * A list kept in storage that grows by one entry at a time, newest last, and drops its oldest
 * entries beyond a cap: the connection tests and the finished calls. Each entry carries the ISO
 * time it was taken (`at`), which is also how the by-hour views fold it.
 */

export interface Timed {
  at: string;
}

/** The history with one more entry at the end, the oldest dropped beyond `cap`. */
export function withEntry<T>(history: readonly T[], entry: T, cap: number): T[] {
  const next = [...history, entry];
  return next.slice(Math.max(0, next.length - cap));
}

export interface CappedHistory<T> {
  /** The readable entries, oldest first; empty when nothing is stored or storage fails. */
  load(): Promise<T[]>;
  /** Appends one entry; a failed read rejects rather than overwrite the history with one entry. */
  record(entry: T): Promise<void>;
  clear(): Promise<void>;
  /** Calls back with the readable history whenever it changes (a new entry, a clear). */
  watch(onChange: (history: T[]) => void): () => void;
}

export function cappedHistory<T extends Timed>(item: StoredItem<T[]>, cap: number): CappedHistory<T> {
  return {
    load: () => item.get().catch(() => []),
    record: async (entry) => item.set(withEntry(await item.get(), entry, cap)),
    clear: () => item.remove(),
    watch: (onChange) => item.watch(onChange),
  };
}

/** The hour of the day an entry counts in: the local hour by default; tests pass a fixed zone. */
export type HourOf = (at: Date) => number;
export const localHour: HourOf = (at) => at.getHours();

/** Entries grouped by the hour of the day they were taken in; entries with an unreadable time are left out. */
export function entriesByHour<T extends Timed>(history: readonly T[], hourOf: HourOf = localHour): Map<number, T[]> {
  const hours = new Map<number, T[]>();
  for (const entry of history) {
    const at = new Date(entry.at);
    if (Number.isNaN(at.getTime())) continue;
    const hour = hourOf(at);
    hours.set(hour, [...(hours.get(hour) ?? []), entry]);
  }
  return hours;
}
