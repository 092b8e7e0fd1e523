import { describe, expect, it } from 'vitest';
import { autoBackupDue, readChoice, readLog, splitByAge } from '@/lib/backup-habit/auto-backup-store';
import { DAY_MS } from '@/lib/backup-habit/due';

const now = Date.UTC(2026, 11, 4, 9, 0);

describe('which of its own files the automatic backup keeps', () => {
  const files = [3, 1, 7, 5, 2, 6, 4].map((n) => ({ id: n, at: now - (10 - n) * DAY_MS }));

  it('keeps the newest five and names the rest, and only files from its own list', () => {
    const { kept, old } = splitByAge(files, 5);
    expect(kept.map((file) => file.id)).toEqual([7, 6, 5, 4, 3]);
    expect(old.map((file) => file.id)).toEqual([2, 1]);
    expect([...kept, ...old].sort((a, b) => a.id - b.id)).toEqual([...files].sort((a, b) => a.id - b.id));
  });

  it('deletes nothing while it has made five or fewer', () => {
    expect(splitByAge(files.slice(0, 5), 5).old).toEqual([]);
    expect(splitByAge([], 5)).toEqual({ kept: [], old: [] });
  });
});

describe('when the automatic backup is due', () => {
  it.each<[string, boolean, number | undefined, boolean]>([
    ['never while it is off', false, undefined, false],
    ['at once when it is turned on and no backup exists', true, undefined, true],
    ['not while the last backup (of any kind) is within the interval', true, now - 6 * DAY_MS, false],
    ['when the last backup is as old as the interval', true, now - 7 * DAY_MS, true],
  ])('%s', (_name, on, lastAt, due) => {
    expect(autoBackupDue(on, lastAt, now, 7)).toBe(due);
  });
});

describe('its stored choice and log', () => {
  it('reads anything but {on: true} as off', () => {
    expect(readChoice({ on: true })).toBe(true);
    for (const stored of [undefined, null, true, { on: 'yes' }, []]) expect(readChoice(stored)).toBe(false);
  });

  it('reads a damaged log as empty, so it deletes nothing it cannot name', () => {
    expect(readLog({ files: [{ id: 'x', at: 1 }] })).toEqual({ files: [] });
    expect(readLog(undefined)).toEqual({ files: [] });
  });
});
