import { entriesByHour, localHour, type HourOf } from '@/lib/storage/capped-history';
import type { NetworkSample } from './history';
import { speedVerdict, type SpeedStatus } from './quality';
import { median, round } from './stats';

/**
 * The measurement history folded into the 24 hours of the day, so the therapist can see which
 * hours their connection is calm enough for video (evenings often are not: the household and
 * the neighbourhood stream). Medians, so one odd test does not colour an hour.
 */

export type HourSummary =
  | { hour: number; count: 0; status: 'none' }
  | {
      hour: number;
      count: number;
      status: SpeedStatus;
      downMbps: number;
      upMbps: number;
      latencyMs: number;
      jitterMs: number;
    };

export type { HourOf };

export function qualityByHour(history: readonly NetworkSample[], hourOf: HourOf = localHour): HourSummary[] {
  const byHour = entriesByHour(history, hourOf);
  return Array.from({ length: 24 }, (_, hour): HourSummary => {
    const samples = byHour.get(hour) ?? [];
    if (samples.length === 0) return { hour, count: 0, status: 'none' };
    const downMbps = round(median(samples.map((s) => s.downMbps)), 2);
    const upMbps = round(median(samples.map((s) => s.upMbps)), 2);
    const latencyMs = round(median(samples.map((s) => s.latencyMs)), 1);
    const jitterMs = round(median(samples.map((s) => s.jitterMs)), 1);
    return { hour, count: samples.length, status: speedVerdict({ downMbps, upMbps, latencyMs, jitterMs }).status, downMbps, upMbps, latencyMs, jitterMs };
  });
}

/** "09:00" style label for an hour of the day. */
export const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/**
 * Hours grouped by status as ranges ("09:00–11:00, 14:00"), for the chart's summary sentence.
 * A range's end is the start of its last hour, as people say "9 to 11".
 */
export function hoursWithStatus(summaries: readonly HourSummary[], status: SpeedStatus): string {
  const hours = summaries.filter((s) => s.status === status).map((s) => s.hour);
  const ranges: string[] = [];
  for (let i = 0; i < hours.length; ) {
    let j = i;
    while (j + 1 < hours.length && hours[j + 1] === hours[j]! + 1) j++;
    ranges.push(i === j ? hourLabel(hours[i]!) : `${hourLabel(hours[i]!)}–${hourLabel(hours[j]!)}`);
    i = j + 1;
  }
  return ranges.join(', ');
}
