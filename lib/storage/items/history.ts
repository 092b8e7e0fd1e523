import * as v from 'valibot';
import { count, isoTime, listOf } from '../fields';
import { storedItem } from '../item';
import { LOCAL_KEYS } from '../keys';

/**
 * The two capped histories in storage.local, read by the preflight page's chart of calm hours
 * and the popup's connection estimate. Neither holds an address, a platform or anything about a
 * client. Both keep at most 500 entries, newest last (lib/storage/capped-history.ts).
 */

/** One successful connection test: a time and four numbers. */
export const networkSampleSchema = v.object({
  at: isoTime,
  downMbps: count,
  upMbps: count,
  latencyMs: count,
  jitterMs: count,
});
export type NetworkSample = v.InferOutput<typeof networkSampleSchema>;

/** One finished call: when it started, how long it lasted, seconds at each quality level. */
export const callSummarySchema = v.object({
  at: isoTime,
  minutes: count,
  seconds: v.object({ good: count, fair: count, poor: count, unknown: count }),
  /** Mean video bitrate in kbps (the larger direction); absent for calls without video and older records. */
  videoKbps: v.optional(count),
});
export type CallSummary = v.InferOutput<typeof callSummarySchema>;

/** About three months of daily tests; roughly 50 KB. */
export const NETWORK_HISTORY_CAP = 500;
export const CALL_HISTORY_CAP = 500;

export const networkHistoryItem = storedItem({
  area: 'local',
  name: LOCAL_KEYS.networkHistory,
  schema: listOf(networkSampleSchema),
  fallback: (): NetworkSample[] => [],
});

export const callHistoryItem = storedItem({
  area: 'local',
  name: LOCAL_KEYS.callHistory,
  schema: listOf(callSummarySchema),
  fallback: (): CallSummary[] => [],
});
