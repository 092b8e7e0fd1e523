import * as v from 'valibot';
import { browser } from 'wxt/browser';

/**
 * When the last backup of the notes was downloaded, in storage.local and in clear: the notes
 * page and the pre-session checklist read it without the vault being unlocked. It is a time
 * and a kind, nothing about a client (FORMAT.md and the README list it among what is in clear).
 */
export const LAST_BACKUP_KEY = 'lastBackup';

export const backupKinds = ['manual', 'automatic', 'before-restore'] as const;
export type BackupKind = (typeof backupKinds)[number];

const lastBackupSchema = v.strictObject({
  at: v.pipe(v.number(), v.integer(), v.minValue(0)),
  kind: v.picklist(backupKinds),
});
export type LastBackup = v.InferOutput<typeof lastBackupSchema>;

/** The stored value if it is one we wrote; anything else reads as "no backup recorded". */
export function readLastBackupValue(stored: unknown): LastBackup | undefined {
  const parsed = v.safeParse(lastBackupSchema, stored);
  return parsed.success ? parsed.output : undefined;
}

export async function readLastBackup(): Promise<LastBackup | undefined> {
  const stored = await browser.storage.local.get(LAST_BACKUP_KEY);
  return readLastBackupValue(stored[LAST_BACKUP_KEY]);
}

/** Called once the file has been handed to the browser's download (manual) or written (automatic). */
export async function recordBackup(kind: BackupKind, at: number = Date.now()): Promise<void> {
  const value: LastBackup = { at: Math.max(0, Math.floor(at)), kind };
  await browser.storage.local.set({ [LAST_BACKUP_KEY]: value });
}

/** Calls back with the new value whenever another page or the background records a backup. */
export function watchLastBackup(callback: (last: LastBackup | undefined) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && LAST_BACKUP_KEY in changes) callback(readLastBackupValue(changes[LAST_BACKUP_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
