import { storage } from 'wxt/utils/storage';

/**
 * Each finished call's quality, kept in storage.local with no identity: when it started, how
 * long it lasted and how many seconds it spent at each quality level. Read by the preflight
 * page's chart of calm hours; written by the background when a call ends.
 */
export const CALL_HISTORY_KEY = 'callHistory';
export const CALL_HISTORY_CAP = 500;

export interface CallSummary {
  at: string;
  minutes: number;
  seconds: { good: number; fair: number; poor: number; unknown: number };
  /** Mean video bitrate in kbps (the larger direction); absent for calls without video and older records. */
  videoKbps?: number;
}

const ITEM = `local:${CALL_HISTORY_KEY}` as const;
const count = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0;

export function isCallSummary(value: unknown): value is CallSummary {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const s = v.seconds as Record<string, unknown> | null;
  if (v.videoKbps !== undefined && !count(v.videoKbps)) return false;
  return typeof v.at === 'string' && !Number.isNaN(Date.parse(v.at)) && count(v.minutes) && typeof s === 'object' && s !== null && [s.good, s.fair, s.poor, s.unknown].every(count);
}

export async function loadCallHistory(): Promise<CallSummary[]> {
  const stored = await storage.getItem<unknown[]>(ITEM);
  return Array.isArray(stored) ? stored.filter(isCallSummary) : [];
}

export async function recordCall(summary: CallSummary): Promise<void> {
  const stored = await storage.getItem<unknown[]>(ITEM);
  const history = Array.isArray(stored) ? stored.filter(isCallSummary) : [];
  await storage.setItem(ITEM, [...history, summary].slice(-CALL_HISTORY_CAP));
}

export function watchCallHistory(onChange: (history: CallSummary[]) => void): () => void {
  return storage.watch<unknown[]>(ITEM, (value) => onChange(Array.isArray(value) ? value.filter(isCallSummary) : []));
}

export async function clearCallHistory(): Promise<void> {
  await storage.removeItem(ITEM);
}
