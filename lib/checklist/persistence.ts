import { checklistStateItems } from '@/lib/storage/items/checklist-state';
import { freshState, restoreState, type PreparationState } from './state';
import { RUNS_KEY, withRun, type RunRecord } from './runs';

/**
 * Where a preparation is kept between openings of the popup: storage.session (gone when the
 * browser closes, never written to disk in Chrome) when the browser has it, else storage.local,
 * where the same-day rule in restoreState stops yesterday's answers coming back.
 */
export const STATE_KEY = checklistStateItems.local.name;

/** The part of a storage area the checklist uses (browser.storage.session or .local). */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface ChecklistStore {
  load(now: Date): Promise<PreparationState>;
  save(state: PreparationState): Promise<void>;
  recordRun(run: RunRecord): Promise<void>;
}

export function checklistStore(areas: { session?: StorageArea; local: StorageArea }): ChecklistStore {
  const stateArea = areas.session ?? areas.local;
  // Records of one popup are written one after another, so a slow write cannot undo a newer one.
  let runWrites: Promise<void> = Promise.resolve();
  return {
    async load(now) {
      try {
        const stored = (await stateArea.get(STATE_KEY))[STATE_KEY];
        return restoreState(stored, now) ?? freshState(now);
      } catch {
        return freshState(now);
      }
    },
    async save(state) {
      await stateArea.set({ [STATE_KEY]: state });
    },
    recordRun(run) {
      runWrites = runWrites
        .catch(() => undefined)
        .then(async () => {
          const stored = (await areas.local.get(RUNS_KEY))[RUNS_KEY];
          await areas.local.set({ [RUNS_KEY]: withRun(stored, run) });
        });
      return runWrites;
    },
  };
}
