import { describe, expect, it } from 'vitest';
import { fireTimeOf, isUpcoming, localDateTime, minutesLeft } from '@/lib/reminders/session-reminder';

const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();

describe('a session reminder', () => {
  it.each([
    ['10 minutes before (the default)', 10, at(2025, 5, 20, 13, 50)],
    ['at the start, when asked for 0 minutes', 0, at(2025, 5, 20, 14)],
    ['an hour before', 60, at(2025, 5, 20, 13)],
  ])('fires %s', (_name, remindMinutesBefore, expected) => {
    expect(fireTimeOf({ startsAt: at(2025, 5, 20, 14), remindMinutesBefore })).toBe(expected);
  });

  it.each([
    ['on time', at(2025, 5, 20, 13, 50), 10],
    ['a few seconds late', at(2025, 5, 20, 13, 50) + 4_000, 10],
    ['late, after the computer slept', at(2025, 5, 20, 13, 57), 3],
    ['at the start', at(2025, 5, 20, 14), 0],
  ])('counts the minutes left when it fires %s', (_name, now, expected) => {
    expect(minutesLeft(at(2025, 5, 20, 14), now)).toBe(expected);
  });

  it('is upcoming until the session starts', () => {
    expect(isUpcoming({ startsAt: 1_000 }, 999)).toBe(true);
    expect(isUpcoming({ startsAt: 1_000 }, 1_000)).toBe(false);
  });

  it.each([
    ['a date and a time', '2025-05-20', '14:05', at(2025, 5, 20, 14, 5)],
    ['no time', '2025-05-20', '', undefined],
    ['no date', '', '14:05', undefined],
    ['31 February', '2025-02-31', '10:00', undefined],
    ['a time that is not one', '2025-05-20', '25:99', undefined],
  ])('reads the page’s inputs: %s', (_name, date, time, expected) => {
    expect(localDateTime(date, time)).toBe(expected);
  });
});
