import * as v from 'valibot';
import { sessionFormats } from '@/lib/contract/schema';
import { listOf } from '../fields';
import { storedItem } from '../item';
import { LOCAL_KEYS } from '../keys';

/**
 * What the pre-session checklist keeps of each preparation (when, which platform id, which
 * format, each item's status); the preparation in progress: ./checklist-state.ts. Nothing about
 * the client: no name, no notes, not even the page's URL.
 */

const statuses = ['pass', 'warn', 'fail', 'unknown', 'todo', 'done'] as const;

export const runRecordSchema = v.object({
  /** When the preparation began (ISO); one record per preparation. */
  startedAt: v.string(),
  updatedAt: v.string(),
  /** Catalogue or custom platform id of the session's tab, or null when none was recognised. */
  platform: v.nullable(v.string()),
  format: v.picklist(sessionFormats),
  ready: v.boolean(),
  items: v.record(v.string(), v.picklist(statuses)),
});

/** The last MAX_RUNS preparations (lib/checklist/runs.ts), in storage.local. */
export const checklistRunsItem = storedItem({
  area: 'local',
  name: LOCAL_KEYS.checklistRuns,
  schema: listOf(runRecordSchema),
  fallback: (): v.InferOutput<typeof runRecordSchema>[] => [],
});
