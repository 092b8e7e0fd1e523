import * as v from 'valibot';
import { contractMigrations } from '@/lib/contract/migrations';
import { CONTRACT_VERSION } from '@/lib/contract/schema';
import { storedItem } from '../item';
import { LOCAL_KEYS, SYNC_KEYS } from '../keys';

/**
 * The therapist's contract defaults and practice-readiness dates (lib/contract/storage-item.ts,
 * entrypoints/options/readiness-storage.ts). Both are read field by field, so one unreadable
 * setting resets only itself and the page can name it: their schemas are applied by those
 * readers (repairContract, loadReadiness), and the items hand over the stored value as it is.
 */

const contract = {
  schema: v.unknown(),
  fallback: () => null,
  version: CONTRACT_VERSION,
  migrations: contractMigrations,
} as const;

/** On this device; and, only while the therapist turned syncing on, in storage.sync. */
export const contractItems = {
  local: storedItem({ area: 'local', name: LOCAL_KEYS.contract, ...contract }),
  sync: storedItem({ area: 'sync', name: SYNC_KEYS.contract, ...contract }),
};

/** The therapist's choice: true syncs the contract through the browser account. Absent until the move out of sync ran. */
export const contractSyncItem = storedItem({
  area: 'local',
  name: LOCAL_KEYS.contractSync,
  schema: v.boolean(),
  fallback: () => undefined,
});

/** When each practice-readiness item was last confirmed: this device only, never synced. */
export const practiceReadinessItem = storedItem({
  area: 'local',
  name: LOCAL_KEYS.practiceReadiness,
  schema: v.unknown(),
  fallback: () => null,
});
