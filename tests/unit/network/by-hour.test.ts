import { describe, expect, it } from 'vitest';
import { hoursWithStatus, qualityByHour, type HourSummary } from '@/lib/network/by-hour';
import type { NetworkSample } from '@/lib/network/history';

const utcHour = (at: Date) => at.getUTCHours();
const sample = (at: string, downMbps: number, upMbps: number, latencyMs = 30, jitterMs = 3): NetworkSample => ({
  at,
  downMbps,
  upMbps,
  latencyMs,
  jitterMs,
});

describe('connection quality by hour of day', () => {
  it('has 24 hours, empty ones marked as such', () => {
    const hours = qualityByHour([], utcHour);
    expect(hours).toHaveLength(24);
    expect(hours.every((h) => h.status === 'none' && h.count === 0)).toBe(true);
    expect(hours.map((h) => h.hour)).toEqual([...Array(24).keys()]);
  });

  it('takes the median of each hour, so one bad test does not colour a calm hour', () => {
    const hours = qualityByHour(
      [
        sample('2025-03-03T09:05:00Z', 20, 5, 20, 2),
        sample('2025-03-04T09:40:00Z', 0.2, 0.1, 900, 80),
        sample('2025-03-05T09:59:59Z', 30, 8, 25, 4),
      ],
      utcHour,
    );
    expect(hours[9]).toEqual({ hour: 9, count: 3, status: 'pass', downMbps: 20, upMbps: 5, latencyMs: 25, jitterMs: 4 });
  });

  it.each([
    [[sample('2025-03-03T20:10:00Z', 10, 1.5)], 'warn'],
    [[sample('2025-03-03T20:10:00Z', 0.1, 3)], 'fail'],
    [[sample('2025-03-03T20:10:00Z', 3, 1), sample('2025-03-04T20:20:00Z', 3, 3)], 'pass'],
  ] as const)('judges an hour by its medians (%#)', (history, status) => {
    expect(qualityByHour(history, utcHour)[20]?.status).toBe(status);
  });

  it('uses the local hour unless told otherwise', () => {
    const at = new Date(2025, 2, 3, 14, 30);
    expect(qualityByHour([sample(at.toISOString(), 5, 5)])[14]?.count).toBe(1);
  });

  it('skips a sample with an unreadable time', () => {
    const hours = qualityByHour([sample('not a date', 5, 5), sample('2025-03-03T07:00:00Z', 5, 5)], utcHour);
    expect(hours.reduce((n, h) => n + h.count, 0)).toBe(1);
  });

  it('names hours of one verdict as ranges', () => {
    const statuses: HourSummary['status'][] = Array(24).fill('none');
    for (const h of [9, 10, 11, 14, 23]) statuses[h] = 'pass';
    const summaries = statuses.map((status, hour) => (status === 'none' ? { hour, count: 0, status } : { hour, count: 1, status, downMbps: 5, upMbps: 5, latencyMs: 1, jitterMs: 1 })) as HourSummary[];
    expect(hoursWithStatus(summaries, 'pass')).toBe('09:00–11:00, 14:00, 23:00');
    expect(hoursWithStatus(summaries, 'fail')).toBe('');
  });
});
