import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backupAge, backupAgeSentence, DAY_MS, isDue } from '@/lib/backup-habit/due';
import { LAST_BACKUP_KEY, readLastBackup, readLastBackupValue, recordBackup } from '@/lib/backup-habit/last-backup';
import notesBackup from '@/lib/checklist/checks/notes.backup';

const now = Date.UTC(2026, 11, 4, 9, 0);

describe('when a backup is due', () => {
  it.each<[string, number | undefined, number, string]>([
    ['is due when no backup was ever made', undefined, 7, 'never'],
    ['is not due for a backup made a moment ago', now, 7, 'fresh'],
    ['is not due one millisecond before the interval ends', now - 7 * DAY_MS + 1, 7, 'fresh'],
    ['is due exactly when the interval ends', now - 7 * DAY_MS, 7, 'due'],
    ['is due a day after the interval', now - 8 * DAY_MS, 7, 'due'],
    ['with a one-day interval, is due after 24 hours', now - DAY_MS, 1, 'due'],
    ['with a one-day interval, is not due after 23 hours', now - 23 * 60 * 60 * 1000, 1, 'fresh'],
    ['with a 90-day interval, is not due after 89 days', now - 89 * DAY_MS, 90, 'fresh'],
    ['takes a stamp a few minutes ahead (clock drift) as just now', now + 60_000, 7, 'fresh'],
    ['cannot tell the age of a stamp far in the future, and says a backup is due', now + 2 * DAY_MS, 7, 'future'],
  ])('%s', (_name, lastAt, intervalDays, state) => {
    const age = backupAge(lastAt, now, intervalDays);
    expect(age.state).toBe(state);
    expect(isDue(age)).toBe(state !== 'fresh');
  });

  it('counts whole days since the backup', () => {
    expect(backupAge(now - 12 * DAY_MS - 5, now, 7)).toMatchObject({ state: 'due', days: 12 });
    expect(backupAge(now - DAY_MS + 5, now, 7)).toMatchObject({ state: 'fresh', days: 0 });
  });

  it('says how old the backup is and the interval asked for', () => {
    expect(backupAgeSentence(backupAge(now - 12 * DAY_MS, now, 7), 7)).toBe(
      'Your last backup was downloaded 12 days ago; you asked for one every 7 days.',
    );
    expect(backupAgeSentence(backupAge(now - DAY_MS, now, 7), 7)).toBe('Your last backup was downloaded yesterday.');
    expect(backupAgeSentence(backupAge(undefined, now, 1), 1)).toContain('every day');
  });
});

describe('the checklist item notes.backup', () => {
  const input = { vault: 'exists' as const, now, intervalDays: 7 };
  it.each<[string, Parameters<typeof notesBackup.evaluate>[0], string]>([
    ['passes when there are no notes to back up', { vault: 'none', now, intervalDays: 7 }, 'pass'],
    ['cannot tell when the background did not answer', { vault: 'unknown', now, intervalDays: 7 }, 'unknown'],
    ['warns when no backup was ever made', input, 'warn'],
    ['warns when the last backup is as old as the interval', { ...input, lastAt: now - 7 * DAY_MS }, 'warn'],
    ['passes a backup made within the interval', { ...input, lastAt: now - 6 * DAY_MS }, 'pass'],
  ])('%s', (_name, given, status) => {
    expect(notesBackup.evaluate(given).status).toBe(status);
  });

  it('warns, never fails, and offers the notes page', () => {
    const result = notesBackup.evaluate({ ...input, lastAt: now - 30 * DAY_MS });
    expect(result.status).toBe('warn');
    expect(result.action?.id).toBe('open-notes');
    expect(result.detail).toContain('30 days ago');
  });
});

describe('the record of the last backup', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps the time and kind, in storage.local', async () => {
    await recordBackup('automatic', now);
    expect(await readLastBackup()).toEqual({ at: now, kind: 'automatic' });
    expect((await fakeBrowser.storage.local.get(LAST_BACKUP_KEY))[LAST_BACKUP_KEY]).toEqual({ at: now, kind: 'automatic' });
  });

  it.each([[null], ['yesterday'], [{ at: -1, kind: 'manual' }], [{ at: 5, kind: 'other' }], [{ at: 5, kind: 'manual', label: 'x' }]])(
    'reads a value it did not write (%j) as no backup',
    (stored) => {
      expect(readLastBackupValue(stored)).toBeUndefined();
    },
  );
});
