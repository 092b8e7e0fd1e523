/**
 * Whether a backup is due: pure, so the thresholds are tested exactly. A backup made exactly
 * `intervalDays` ago no longer counts as "within the interval".
 */
export const DAY_MS = 24 * 60 * 60 * 1000;
/** Clocks drift and time zones change; a stamp this far ahead is still taken as "just now". */
const CLOCK_SLACK_MS = 5 * 60 * 1000;

export type BackupAge =
  | { state: 'never' }
  /** The recorded time is later than now: the clock was changed, so its age is unknown. */
  | { state: 'future'; at: number }
  | { state: 'fresh' | 'due'; at: number; days: number };

export function backupAge(lastAt: number | undefined, now: number, intervalDays: number): BackupAge {
  if (lastAt === undefined) return { state: 'never' };
  const age = now - lastAt;
  if (age < -CLOCK_SLACK_MS) return { state: 'future', at: lastAt };
  const days = Math.max(0, Math.floor(age / DAY_MS));
  return { state: age >= intervalDays * DAY_MS ? 'due' : 'fresh', at: lastAt, days };
}

export function isDue(age: BackupAge): boolean {
  return age.state !== 'fresh';
}

/** "today", "yesterday", "12 days ago": whole days since the backup. */
export function daysAgoWords(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

export function intervalWords(intervalDays: number): string {
  return intervalDays === 1 ? 'every day' : `every ${intervalDays} days`;
}

/** One sentence on the backup's age, for the notes page and the checklist. */
export function backupAgeSentence(age: BackupAge, intervalDays: number): string {
  switch (age.state) {
    case 'never':
      return `No backup of your notes has been downloaded from this browser yet (you asked for one ${intervalWords(intervalDays)}).`;
    case 'future':
      return 'The last backup’s recorded date is in the future (the computer’s clock may have changed), so its age is unknown.';
    case 'due':
      return `Your last backup was downloaded ${daysAgoWords(age.days)}; you asked for one ${intervalWords(intervalDays)}.`;
    case 'fresh':
      return `Your last backup was downloaded ${daysAgoWords(age.days)}.`;
  }
}
