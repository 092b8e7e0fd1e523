import * as v from 'valibot';
import { cappedHistory } from '@/lib/storage/capped-history';
import { CALL_HISTORY_CAP, callHistoryItem, callSummarySchema, type CallSummary } from '@/lib/storage/items/history';

/**
 * Each finished call's quality, with no identity (item and shape: lib/storage/items/history.ts).
 * Read by the preflight page's chart of calm hours; written by the background when a call ends.
 */
export { CALL_HISTORY_CAP, type CallSummary };
export const CALL_HISTORY_KEY = callHistoryItem.name;

const history = cappedHistory(callHistoryItem, CALL_HISTORY_CAP);

export const isCallSummary = (value: unknown): value is CallSummary => v.is(callSummarySchema, value);

export const loadCallHistory = history.load;
export const recordCall = history.record;
export const watchCallHistory = history.watch;
export const clearCallHistory = history.clear;
