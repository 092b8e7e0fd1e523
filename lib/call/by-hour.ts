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

export function callsByHour(history: readonly CallSummary[], hourOf: (at: Date) => number = (at) => at.getHours()): CallHour[] {
  const buckets = new Map<number, { calls: number; good: number; fair: number; poor: number }>();
  for (const call of history) {
    const at = new Date(call.at);
    if (Number.isNaN(at.getTime())) continue;
    const hour = hourOf(at);
    const b = buckets.get(hour) ?? { calls: 0, good: 0, fair: 0, poor: 0 };
    b.calls += 1;
    b.good += call.seconds.good;
    b.fair += call.seconds.fair;
    b.poor += call.seconds.poor;
    buckets.set(hour, b);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([hour, b]) => {
      const known = b.good + b.fair + b.poor;
      const pct = (n: number) => (known > 0 ? Math.round((100 * n) / known) : 0);
      const poorPct = pct(b.poor);
      const fairPct = pct(b.fair);
      const verdict = known === 0 ? 'mixed' : poorPct < 5 && fairPct < 25 ? 'calm' : poorPct < 20 ? 'mixed' : 'rough';
      return { hour, calls: b.calls, goodPct: pct(b.good), fairPct, poorPct, verdict };
    });
}
