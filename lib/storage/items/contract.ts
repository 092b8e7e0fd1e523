import * as v from 'valibot';
import { contractMigrations } from '@/lib/contract/migrations';
import { emptyReadinessState, storedReadinessSchema } from '@/lib/contract/practice-readiness';
import { CONTRACT_VERSION, storedContractSchema } from '@/lib/contract/schema';
import { isoTime } from '../fields';
import { storedItem } from '../item';
import { LOCAL_KEYS, SYNC_KEYS } from '../keys';

/**
 * The therapist's contract defaults and practice-readiness dates (lib/contract/storage-item.ts,
 * entrypoints/options/readiness-storage.ts). Both schemas read field by field, so one unreadable
 * setting resets only itself, and `read()` names it for the page.
 */

const contract = {
  schema: storedContractSchema,
  /** Nothing stored; anything stored, however damaged, reads as a contract. */
  fallback: () => null,
  version: CONTRACT_VERSION,
  migrations: contractMigrations,
} as const;

/**
 * What a contract copy keeps beside its version (StoredItem.meta): when it was saved, so that of
 * two copies the newer wins. A time that cannot be read counts as the oldest.
 */
export const contractMetaSchema = v.object({
  savedAt: v.fallback(v.pipe(isoTime, v.transform(Date.parse)), 0),
});

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
  schema: storedReadinessSchema,
  fallback: emptyReadinessState,
});
