import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { backupAge } from './due';

/**
 * The automatic backup's choice and log, in storage.local (in clear: a switch, download ids,
 * times and a file name; nothing about a client). The log's download ids are how Anteroom
 * knows which files in the folder it made itself: it only ever deletes those.
 */
export const AUTO_BACKUP_KEY = 'autoBackup';
export const AUTO_BACKUP_LOG_KEY = 'autoBackupLog';
/** A folder of its own inside the browser's download folder. */
export const AUTO_BACKUP_FOLDER = 'Anteroom backups';
/** How many of its own files it keeps; older ones it made are deleted. */
export const KEEP_FILES = 5;

export const outcomes = ['saved', 'waiting-for-unlock', 'no-permission', 'failed'] as const;
export type AutoBackupOutcome = (typeof outcomes)[number];

const choiceSchema = v.object({ on: v.boolean() });
const fileSchema = v.object({ id: v.pipe(v.number(), v.integer(), v.minValue(0)), at: v.number() });
const logSchema = v.object({
  files: v.array(fileSchema),
  last: v.optional(v.object({ at: v.number(), outcome: v.picklist(outcomes), fileName: v.optional(v.string()), message: v.optional(v.string()) })),
});
export type AutoBackupFile = v.InferOutput<typeof fileSchema>;
export type AutoBackupLog = v.InferOutput<typeof logSchema>;
export type AutoBackupAttempt = NonNullable<AutoBackupLog['last']>;

export function readChoice(stored: unknown): boolean {
  const parsed = v.safeParse(choiceSchema, stored);
  return parsed.success && parsed.output.on;
}

export function readLog(stored: unknown): AutoBackupLog {
  const parsed = v.safeParse(logSchema, stored);
  return parsed.success ? parsed.output : { files: [] };
}

export async function isAutoBackupOn(): Promise<boolean> {
  return readChoice((await browser.storage.local.get(AUTO_BACKUP_KEY))[AUTO_BACKUP_KEY]);
}

export async function setAutoBackup(on: boolean): Promise<void> {
  await browser.storage.local.set({ [AUTO_BACKUP_KEY]: { on } });
}

export async function loadLog(): Promise<AutoBackupLog> {
  return readLog((await browser.storage.local.get(AUTO_BACKUP_LOG_KEY))[AUTO_BACKUP_LOG_KEY]);
}

export async function saveLog(log: AutoBackupLog): Promise<void> {
  await browser.storage.local.set({ [AUTO_BACKUP_LOG_KEY]: log });
}

/** The newest `keep` files stay; the rest are to be deleted (only ever files in this list). */
export function splitByAge(files: readonly AutoBackupFile[], keep: number = KEEP_FILES): { kept: AutoBackupFile[]; old: AutoBackupFile[] } {
  const newestFirst = [...files].sort((a, b) => b.at - a.at || b.id - a.id);
  return { kept: newestFirst.slice(0, keep), old: newestFirst.slice(keep) };
}

/** Due when on and the last backup of any kind (a manual one counts) is as old as the interval. */
export function autoBackupDue(on: boolean, lastAt: number | undefined, now: number, intervalDays: number): boolean {
  return on && backupAge(lastAt, now, intervalDays).state !== 'fresh';
}
