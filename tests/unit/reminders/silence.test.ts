import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addLocalDays, heardFromTime, silenceDueAt, silenceStatus } from '@/lib/reminders/silence';

const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('when the agreed silence runs out', () => {
  it.each([
    ['a calendar date counts from the start of that day', '2025-05-01', 7, at(2025, 5, 8)],
    ['a timestamp counts from that moment', new Date(2025, 4, 1, 14, 30).toISOString(), 7, at(2025, 5, 8, 14, 30)],
    ['one day after a single-day agreement', '2025-05-31', 1, at(2025, 6, 1)],
    ['across the end of a year', '2025-12-28', 7, at(2026, 1, 4)],
  ])('%s', (_name, lastHeardFrom, days, expected) => {
    expect(silenceDueAt(lastHeardFrom, days)).toBe(expected);
  });

  it('has no due time for a date that is not a date', () => {
    expect(heardFromTime('2025-13-45T99')).toBeUndefined();
    expect(silenceDueAt('not a date', 7)).toBeUndefined();
  });

  it('keeps to calendar days across a clock change (no hour early or late)', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/London';
    try {
      // British Summer Time began on 30 March 2025.
      expect(new Date(silenceDueAt('2025-03-28', 7)!).getHours()).toBe(0);
      expect(addLocalDays(at(2025, 3, 29, 9), 1)).toBe(at(2025, 3, 30, 9));
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('is the client past their silence period?', () => {
  it.each([
    ['never heard from: nothing to measure', undefined, at(2025, 5, 20), { state: 'unknown' }],
    ['heard today', '2025-05-20', at(2025, 5, 20, 15), { state: 'within', daysSilent: 0 }],
    ['six days of a seven-day agreement', '2025-05-13', at(2025, 5, 19, 23, 59), { state: 'within', daysSilent: 6 }],
    ['exactly seven days', '2025-05-13', at(2025, 5, 20), { state: 'overdue', daysSilent: 7 }],
    ['three weeks', '2025-04-29', at(2025, 5, 20, 10), { state: 'overdue', daysSilent: 21 }],
  ])('%s', (_name, lastHeardFrom, now, expected) => {
    vi.setSystemTime(now);
    expect(silenceStatus(lastHeardFrom, 7, Date.now())).toMatchObject(expected);
  });

  it('is due after exactly silenceFollowUpDays, not a moment before', () => {
    const dueAt = silenceDueAt('2025-05-13', 7)!;
    expect(silenceStatus('2025-05-13', 7, dueAt - 1).state).toBe('within');
    expect(silenceStatus('2025-05-13', 7, dueAt).state).toBe('overdue');
  });

  it('hearing from them resets it', () => {
    vi.setSystemTime(at(2025, 5, 20, 11));
    expect(silenceStatus('2025-05-01', 7, Date.now()).state).toBe('overdue');
    expect(silenceStatus('2025-05-20', 7, Date.now())).toMatchObject({ state: 'within', daysSilent: 0, dueAt: at(2025, 5, 27) });
  });
});
