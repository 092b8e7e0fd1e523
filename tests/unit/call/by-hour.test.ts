import { describe, expect, it } from 'vitest';
import { callsByHour } from '@/lib/call/by-hour';
import { isCallSummary, type CallSummary } from '@/lib/call/history';

const call = (hour: number, good: number, fair: number, poor: number): CallSummary => ({
  at: `2026-11-${10 + (hour % 5)}T${String(hour).padStart(2, '0')}:05:00Z`,
  minutes: 50,
  seconds: { good, fair, poor, unknown: 10 },
});
const utcHour = (at: Date) => at.getUTCHours();

describe('calls by the hour they started', () => {
  it('tells calm hours from rough ones by the share of time at each quality', () => {
    const hours = callsByHour([call(9, 2900, 100, 0), call(9, 3000, 0, 0), call(19, 1500, 900, 600), call(14, 2200, 600, 200)], utcHour);
    expect(hours.map((h) => [h.hour, h.calls, h.verdict])).toEqual([
      [9, 2, 'calm'],
      [14, 1, 'mixed'],
      [19, 1, 'rough'],
    ]);
    expect(hours[0]).toMatchObject({ goodPct: 98, fairPct: 2, poorPct: 0 });
  });

  it('ignores unreadable entries and keeps no identity', () => {
    expect(isCallSummary({ at: 'yesterday', minutes: 5, seconds: { good: 1, fair: 0, poor: 0, unknown: 0 } })).toBe(false);
    expect(isCallSummary({ ...call(9, 1, 1, 1), seconds: { good: -1, fair: 0, poor: 0, unknown: 0 } })).toBe(false);
    expect(Object.keys(call(9, 1, 1, 1)).sort()).toEqual(['at', 'minutes', 'seconds']);
  });
});
