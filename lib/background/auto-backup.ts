import { browser } from 'wxt/browser';
import { loadContract } from '@/lib/contract/storage-item';
import { readLastBackup, recordBackup } from '@/lib/backup-habit/last-backup';
import {
  AUTO_BACKUP_FOLDER,
  AUTO_BACKUP_KEY,
  autoBackupDue,
  isAutoBackupOn,
  loadLog,
  saveLog,
  splitByAge,
  type AutoBackupAttempt,
  type AutoBackupFile,
} from '@/lib/backup-habit/auto-backup-store';
import { downloadAndWait, mayUseDownloads } from '@/lib/backup-habit/download-file';
import { bytesToBase64 } from '@/lib/vault/crypto/base64';
import type { BackupExport } from '@/lib/vault/backup/backup-export';
import { backupOperations } from '@/lib/backup-habit/messages';
import { domain } from './bus';

/**
 * The optional automatic backup: when it is on and the last backup is as old as the therapist's
 * interval, the background writes the same encrypted file as a manual download into
 * "Anteroom backups/" in the download folder, keeps the newest few it made there and deletes its
 * own older ones. It needs the vault unlocked (the backup's manifest is sealed with the data
 * key); when one falls due while locked, it is made at the next unlock. Checked hourly by an
 * alarm, which survives the service worker being stopped.
 */
const ALARM = 'anteroom-auto-backup';
const CHECK_MINUTES = 60;

export interface AutoBackupDeps {
  exportIfUnlocked(): Promise<BackupExport | undefined>;
  now?: () => number;
}

export function createAutoBackup(deps: AutoBackupDeps) {
  const now = deps.now ?? Date.now;
  let running: Promise<AutoBackupAttempt | undefined> | undefined;

  const note = async (attempt: AutoBackupAttempt, files?: AutoBackupFile[]) => {
    const log = await loadLog();
    await saveLog({ files: files ?? log.files, last: attempt });
    return attempt;
  };

  const attempt = async (force: boolean): Promise<AutoBackupAttempt | undefined> => {
    const on = await isAutoBackupOn();
    if (!on && !force) return undefined;
    const [contract, last] = await Promise.all([loadContract(), readLastBackup().catch(() => undefined)]);
    if (!force && !autoBackupDue(on, last?.at, now(), contract.value.backupIntervalDays)) return undefined;
    if (!(await mayUseDownloads())) return note({ at: now(), outcome: 'no-permission' });
    const made = await deps.exportIfUnlocked().catch((error: unknown) => {
      throw new Error(error instanceof Error ? error.message : 'the backup could not be made');
    });
    if (!made) return note({ at: now(), outcome: 'waiting-for-unlock' });
    const saved = await writeFile(made);
    const at = now();
    await recordBackup('automatic', at);
    const log = await loadLog();
    const { kept, old } = splitByAge([...log.files, { id: saved.id, at }]);
    // Only files this log says Anteroom wrote; a file the therapist moved or deleted is simply gone.
    for (const file of old) {
      await browser.downloads.removeFile(file.id).catch(() => undefined);
      await browser.downloads.erase({ id: file.id }).catch(() => undefined);
    }
    return note({ at, outcome: 'saved', fileName: saved.fileName }, kept);
  };

  const run = (force = false): Promise<AutoBackupAttempt | undefined> => {
    running ??= attempt(force)
      .catch((error: unknown) => note({ at: now(), outcome: 'failed', message: error instanceof Error ? error.message : String(error) }))
      .finally(() => (running = undefined));
    return running;
  };

  const schedule = async () => {
    if (await isAutoBackupOn()) {
      if (!(await browser.alarms.get(ALARM))) await browser.alarms.create(ALARM, { delayInMinutes: 1, periodInMinutes: CHECK_MINUTES });
    } else {
      await browser.alarms.clear(ALARM);
    }
  };

  return {
    run,
    /** The options page's "Make one now" (lib/backup-habit/messages.ts). */
    messages: domain(backupOperations, { 'backup:auto-now': async () => (await run(true)) ?? null }),
    /** Registers the listeners (synchronously, as MV3 service workers require). */
    listen() {
      browser.alarms.onAlarm.addListener((alarm) => {
        if (alarm.name === ALARM) void run();
      });
      browser.storage.onChanged.addListener((changes, area) => {
        if (area !== 'local' || !(AUTO_BACKUP_KEY in changes)) return;
        void schedule().catch(() => undefined);
        void run();
      });
      void schedule().catch(() => undefined);
    },
  };
}

/** Writes the backup through the downloads API and waits until the browser has finished the file. */
async function writeFile(made: BackupExport): Promise<{ id: number; fileName: string }> {
  // Firefox's background page can make a blob URL; Chrome's service worker cannot, so it gets a data URL.
  const blobUrl = typeof URL.createObjectURL === 'function' ? URL.createObjectURL(new Blob([made.text], { type: 'application/json' })) : undefined;
  const url = blobUrl ?? `data:application/json;base64,${bytesToBase64(new TextEncoder().encode(made.text))}`;
  try {
    const { id, path } = await downloadAndWait({ url, filename: `${AUTO_BACKUP_FOLDER}/${made.fileName}`, saveAs: false });
    return { id, fileName: path.split(/[\\/]/).slice(-2).join('/') };
  } finally {
    if (blobUrl) URL.revokeObjectURL(blobUrl);
  }
}
