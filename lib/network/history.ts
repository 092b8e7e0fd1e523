import * as v from 'valibot';
import { cappedHistory, withEntry } from '@/lib/storage/capped-history';
import { NETWORK_HISTORY_CAP, networkHistoryItem, networkSampleSchema, type NetworkSample } from '@/lib/storage/items/history';

/**
 * Every successful measurement, kept so the therapist can see which hours of the day are calm
 * enough for video (item and shape: lib/storage/items/history.ts). Capped, oldest dropped first.
 */
export { NETWORK_HISTORY_CAP, type NetworkSample };
export const NETWORK_HISTORY_KEY = networkHistoryItem.name;

const history = cappedHistory(networkHistoryItem, NETWORK_HISTORY_CAP);

export const isNetworkSample = (value: unknown): value is NetworkSample => v.is(networkSampleSchema, value);

/** Only the five fields, whatever else the caller's object carries. */
export function toSample(r: Omit<NetworkSample, 'at'>, at: Date): NetworkSample {
  return { at: at.toISOString(), downMbps: r.downMbps, upMbps: r.upMbps, latencyMs: r.latencyMs, jitterMs: r.jitterMs };
}

/** The history with one more sample, the oldest dropped beyond `cap`. Unreadable entries are dropped too. */
export function withSample(stored: readonly unknown[], sample: NetworkSample, cap = NETWORK_HISTORY_CAP): NetworkSample[] {
  return withEntry(networkHistoryItem.parse(stored), sample, cap);
}

export const loadNetworkHistory = history.load;
export const recordNetworkSample = history.record;
export const clearNetworkHistory = history.clear;
/** Calls back with the readable history whenever it changes (a test from the popup, a clear). */
export const watchNetworkHistory = history.watch;
