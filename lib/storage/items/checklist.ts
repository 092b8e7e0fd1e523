import * as v from 'valibot';
import { sessionFormats } from '@/lib/contract/schema';
import { listOf } from '../fields';
import { storedItem } from '../item';
import { LOCAL_KEYS, SESSION_KEYS } from '../keys';

/**
 * What the pre-session checklist keeps: the preparation in progress, and a record of each
 * preparation (when, which platform id, which format, each item's status). Nothing about the
 * client: no name, no notes, not even the page's URL.
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

/**
 * The preparation in progress: in storage.session (memory only) where the browser has it, else
 * in storage.local. Its schema needs the check registry, so restoreState (lib/checklist/state.ts)
 * reads it, and also drops another day's preparation.
 */
export const checklistStateItems = {
  session: storedItem({ area: 'session', name: SESSION_KEYS.checklistState, schema: v.unknown(), fallback: () => undefined }),
  local: storedItem({ area: 'local', name: LOCAL_KEYS.checklistState, schema: v.unknown(), fallback: () => undefined }),
};
