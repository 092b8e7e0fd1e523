import {
  autoBackupItem,
  autoBackupLogItem,
  autoBackupOutcomes,
  type AutoBackupFile,
  type AutoBackupLog,
} from '@/lib/storage/items/backup';
import { backupAge } from './due';

/**
 * The automatic backup's choice and log, in storage.local (in clear: a switch, download ids,
 * times and a file name; nothing about a client). The log's download ids are how Anteroom
 * knows which files in the folder it made itself: it only ever deletes those.
 */
export const AUTO_BACKUP_KEY = autoBackupItem.name;
export const AUTO_BACKUP_LOG_KEY = autoBackupLogItem.name;
/** A folder of its own inside the browser's download folder. */
export const AUTO_BACKUP_FOLDER = 'Anteroom backups';
/** How many of its own files it keeps; older ones it made are deleted. */
export const KEEP_FILES = 5;

export const outcomes = autoBackupOutcomes;
export type AutoBackupOutcome = (typeof outcomes)[number];
export type { AutoBackupFile, AutoBackupLog };
export type AutoBackupAttempt = NonNullable<AutoBackupLog['last']>;

export const readChoice = (stored: unknown): boolean => autoBackupItem.parse(stored).on;
export const readLog = (stored: unknown): AutoBackupLog => autoBackupLogItem.parse(stored);

export const isAutoBackupOn = async (): Promise<boolean> => (await autoBackupItem.get()).on;
export const setAutoBackup = (on: boolean): Promise<void> => autoBackupItem.set({ on });
export const loadLog = (): Promise<AutoBackupLog> => autoBackupLogItem.get();
export const saveLog = (log: AutoBackupLog): Promise<void> => autoBackupLogItem.set(log);

/** The newest `keep` files stay; the rest are to be deleted (only ever files in this list). */
export function splitByAge(files: readonly AutoBackupFile[], keep: number = KEEP_FILES): { kept: AutoBackupFile[]; old: AutoBackupFile[] } {
  const newestFirst = [...files].sort((a, b) => b.at - a.at || b.id - a.id);
  return { kept: newestFirst.slice(0, keep), old: newestFirst.slice(keep) };
}

/** Due when on and the last backup of any kind (a manual one counts) is as old as the interval. */
export function autoBackupDue(on: boolean, lastAt: number | undefined, now: number, intervalDays: number): boolean {
  return on && backupAge(lastAt, now, intervalDays).state !== 'fresh';
}
