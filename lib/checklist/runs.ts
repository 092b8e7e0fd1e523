import { checklistRunsItem } from '@/lib/storage/items/checklist';
import type { ItemView } from './model';
import type { PreparationState } from './state';
import type { CheckId, SessionFormat, Status } from './types';

/**
 * What is kept of each preparation (item and shape: lib/storage/items/checklist.ts): when, on
 * which platform, in which format, and each item's status. Nothing about the client.
 */
export const RUNS_KEY = checklistRunsItem.name;
export const MAX_RUNS = 50;

export interface RunRecord {
  /** When the preparation began (ISO); one record per preparation. */
  startedAt: string;
  updatedAt: string;
  /** Catalogue or custom platform id of the session's tab, or null when none was recognised. */
  platform: string | null;
  format: SessionFormat;
  ready: boolean;
  items: Partial<Record<CheckId, Status>>;
}

export function runRecordFor(
  state: PreparationState,
  items: readonly ItemView[],
  context: { platform: string | null; format: SessionFormat; ready: boolean; now: Date },
): RunRecord {
  return {
    startedAt: state.startedAt,
    updatedAt: context.now.toISOString(),
    platform: context.platform,
    format: context.format,
    ready: context.ready,
    items: Object.fromEntries(items.map((item) => [item.check.id, item.status])),
  };
}

/** Replaces the record of the same preparation or appends it; keeps the newest MAX_RUNS. */
export function withRun(stored: unknown, run: RunRecord, max = MAX_RUNS): RunRecord[] {
  const runs: RunRecord[] = checklistRunsItem.parse(stored);
  const others = runs.filter((r) => r.startedAt !== run.startedAt);
  return [...others, run].sort((a, b) => a.startedAt.localeCompare(b.startedAt)).slice(-max);
}
