import { storage } from 'wxt/utils/storage';

/**
 * Every successful measurement, kept in storage.local so the therapist can see which hours of
 * the day are calm enough for video. A sample holds a time and five numbers: no address, no
 * server, nothing that identifies the therapist or a client. Capped, oldest dropped first.
 */

export interface NetworkSample {
  /** ISO time of the measurement. */
  at: string;
  downMbps: number;
  upMbps: number;
  latencyMs: number;
  jitterMs: number;
}

export const NETWORK_HISTORY_KEY = 'networkHistory';
/** About three months of daily tests; roughly 50 KB. */
export const NETWORK_HISTORY_CAP = 500;

const ITEM = `local:${NETWORK_HISTORY_KEY}` as const;
const NUMBERS = ['downMbps', 'upMbps', 'latencyMs', 'jitterMs'] as const;

export function isNetworkSample(value: unknown): value is NetworkSample {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.at === 'string' &&
    !Number.isNaN(Date.parse(v.at)) &&
    NUMBERS.every((key) => typeof v[key] === 'number' && Number.isFinite(v[key]) && (v[key] as number) >= 0)
  );
}

/** Only the five fields, whatever else the caller's object carries. */
export function toSample(r: Omit<NetworkSample, 'at'>, at: Date): NetworkSample {
  return { at: at.toISOString(), downMbps: r.downMbps, upMbps: r.upMbps, latencyMs: r.latencyMs, jitterMs: r.jitterMs };
}

/** The history with one more sample, the oldest dropped beyond `cap`. Unreadable entries are dropped too. */
export function withSample(history: readonly unknown[], sample: NetworkSample, cap = NETWORK_HISTORY_CAP): NetworkSample[] {
  const kept = history.filter(isNetworkSample);
  kept.push(sample);
  return kept.slice(Math.max(0, kept.length - cap));
}

export async function loadNetworkHistory(): Promise<NetworkSample[]> {
  const stored = await storage.getItem<unknown>(ITEM).catch(() => null);
  return Array.isArray(stored) ? stored.filter(isNetworkSample) : [];
}

export async function recordNetworkSample(sample: NetworkSample): Promise<void> {
  const stored = await storage.getItem<unknown>(ITEM).catch(() => null);
  await storage.setItem(ITEM, withSample(Array.isArray(stored) ? stored : [], sample));
}

export async function clearNetworkHistory(): Promise<void> {
  await storage.removeItem(ITEM);
}

/** Calls back with the readable history whenever it changes (a test from the popup, a clear). */
export function watchNetworkHistory(onChange: (history: NetworkSample[]) => void): () => void {
  return storage.watch<unknown>(ITEM, (value) => onChange(Array.isArray(value) ? value.filter(isNetworkSample) : []));
}
