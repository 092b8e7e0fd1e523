import { backupKinds, lastBackupItem, type LastBackup } from '@/lib/storage/items/backup';

/**
 * When the last backup of the notes was downloaded, in storage.local and in clear: the notes
 * page and the pre-session checklist read it without the vault being unlocked. It is a time
 * and a kind, nothing about a client (FORMAT.md and the README list it among what is in clear).
 */
export const LAST_BACKUP_KEY = lastBackupItem.name;
export { backupKinds, type LastBackup };
export type BackupKind = (typeof backupKinds)[number];

/** The stored value if it is one we wrote; anything else reads as "no backup recorded". */
export const readLastBackupValue = (stored: unknown): LastBackup | undefined => lastBackupItem.parse(stored);

export const readLastBackup = (): Promise<LastBackup | undefined> => lastBackupItem.get();

/** Called once the file has been handed to the browser's download (manual) or written (automatic). */
export async function recordBackup(kind: BackupKind, at: number = Date.now()): Promise<void> {
  await lastBackupItem.set({ at: Math.max(0, Math.floor(at)), kind });
}

/** Calls back with the new value whenever another page or the background records a backup. */
export const watchLastBackup = (callback: (last: LastBackup | undefined) => void): (() => void) => lastBackupItem.watch(callback);
