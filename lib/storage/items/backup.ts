import * as v from 'valibot';
import { storedItem } from '../item';
import { LOCAL_KEYS } from '../keys';

/**
 * What the backup habit keeps in storage.local, in clear: a time and a kind for the last
 * backup (read without unlocking, by the notes page and the checklist), the automatic backup's
 * switch, and its log of the files it wrote. Nothing about a client.
 */

export const backupKinds = ['manual', 'automatic', 'before-restore'] as const;

export const lastBackupSchema = v.strictObject({
  at: v.pipe(v.number(), v.integer(), v.minValue(0)),
  kind: v.picklist(backupKinds),
});
export type LastBackup = v.InferOutput<typeof lastBackupSchema>;

export const lastBackupItem = storedItem({
  area: 'local',
  name: LOCAL_KEYS.lastBackup,
  schema: lastBackupSchema,
  fallback: () => undefined,
});

export const autoBackupOutcomes = ['saved', 'waiting-for-unlock', 'no-permission', 'failed'] as const;

/** The switch; anything but `{ on: true }` reads as off. */
export const autoBackupItem = storedItem({
  area: 'local',
  name: LOCAL_KEYS.autoBackup,
  schema: v.object({ on: v.boolean() }),
  fallback: () => ({ on: false }),
});

const fileSchema = v.object({ id: v.pipe(v.number(), v.integer(), v.minValue(0)), at: v.number() });
const logSchema = v.object({
  /** The download ids of the files it wrote: the only files it ever deletes. */
  files: v.array(fileSchema),
  last: v.optional(
    v.object({ at: v.number(), outcome: v.picklist(autoBackupOutcomes), fileName: v.optional(v.string()), message: v.optional(v.string()) }),
  ),
});
export type AutoBackupFile = v.InferOutput<typeof fileSchema>;
export type AutoBackupLog = v.InferOutput<typeof logSchema>;

/** A damaged log reads as empty, so nothing it cannot name is deleted. */
export const autoBackupLogItem = storedItem({
  area: 'local',
  name: LOCAL_KEYS.autoBackupLog,
  schema: logSchema,
  fallback: (): AutoBackupLog => ({ files: [] }),
});
