import { entriesByHour, localHour, type HourOf } from '@/lib/storage/capped-history';
import type { CallSummary } from './history';

/**
 * Past calls folded into the hours of the day they started in: how many, and what share of
 * their time the connection was good, fair or poor. A call counts in the hour it began.
 */
export interface CallHour {
  hour: number;
  calls: number;
  goodPct: number;
  fairPct: number;
  poorPct: number;
  /** calm: poor under 5 % and fair under 25 %; mixed: poor under 20 %; rough otherwise. */
  verdict: 'calm' | 'mixed' | 'rough';
}

export function callsByHour(history: readonly CallSummary[], hourOf: HourOf = localHour): CallHour[] {
  const sum = (calls: readonly CallSummary[], level: 'good' | 'fair' | 'poor') => calls.reduce((total, call) => total + call.seconds[level], 0);
  return [...entriesByHour(history, hourOf)]
    .sort(([a], [b]) => a - b)
    .map(([hour, calls]) => {
      const b = { calls: calls.length, good: sum(calls, 'good'), fair: sum(calls, 'fair'), poor: sum(calls, 'poor') };
      const known = b.good + b.fair + b.poor;
      const pct = (n: number) => (known > 0 ? Math.round((100 * n) / known) : 0);
      const poorPct = pct(b.poor);
      const fairPct = pct(b.fair);
      const verdict = known === 0 ? 'mixed' : poorPct < 5 && fairPct < 25 ? 'calm' : poorPct < 20 ? 'mixed' : 'rough';
      return { hour, calls: b.calls, goodPct: pct(b.good), fairPct, poorPct, verdict };
    });
}
