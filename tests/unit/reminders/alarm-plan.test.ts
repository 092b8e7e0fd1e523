import { describe, expect, it } from 'vitest';
import { nextDailyCheck, planSessionAlarms, reminderIdOfAlarm, sessionAlarmName } from '@/lib/reminders/alarm-plan';

const NOW = new Date(2025, 4, 20, 9).getTime();
const MIN = 60_000;

describe('which alarms the reminders need', () => {
  it.each([
    ['a new reminder gets its alarm', { r1: { fireAt: NOW + 30 * MIN, minutesBefore: 10 } }, [], [{ name: 'anteroom-session:r1', when: NOW + 30 * MIN }], []],
    ['an alarm that is already right is left alone', { r1: { fireAt: NOW + 30 * MIN, minutesBefore: 10 } }, [{ name: 'anteroom-session:r1', scheduledTime: NOW + 30 * MIN }], [], []],
    ['a rescheduled session moves its alarm', { r1: { fireAt: NOW + 40 * MIN, minutesBefore: 10 } }, [{ name: 'anteroom-session:r1', scheduledTime: NOW + 30 * MIN }], [{ name: 'anteroom-session:r1', when: NOW + 40 * MIN }], []],
    ['a cancelled reminder loses its alarm', {}, [{ name: 'anteroom-session:r1', scheduledTime: NOW + 30 * MIN }], [], ['anteroom-session:r1']],
    ['a reminder already shown needs none', { r1: { fireAt: NOW - MIN, minutesBefore: 10, shown: true } }, [], [], []],
    ['a reminder missed while asleep fires at once', { r1: { fireAt: NOW - 2 * MIN, minutesBefore: 10 } }, [], [{ name: 'anteroom-session:r1', when: NOW + 1_000 }], []],
    ['other alarms (auto-lock) are not touched', {}, [{ name: 'anteroom-vault-auto-lock', scheduledTime: NOW }], [], []],
  ])('%s', (_name, entries, alarms, create, clear) => {
    expect(planSessionAlarms(entries, alarms, NOW)).toEqual({ create, clear });
  });

  it('names alarms by the reminder’s id and reads it back', () => {
    expect(reminderIdOfAlarm(sessionAlarmName('abc'))).toBe('abc');
    expect(reminderIdOfAlarm('anteroom-vault-auto-lock')).toBeUndefined();
  });

  it.each([
    ['before 9, today at 9', new Date(2025, 4, 20, 7).getTime(), new Date(2025, 4, 20, 9).getTime()],
    ['at or after 9, tomorrow at 9', new Date(2025, 4, 20, 9).getTime(), new Date(2025, 4, 21, 9).getTime()],
  ])('checks for silences daily: %s', (_name, now, expected) => {
    expect(nextDailyCheck(now)).toBe(expected);
  });
});
