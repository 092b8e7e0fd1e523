import { downloadAndWait, mayUseDownloads } from '@/lib/backup-habit/download-file';
import { recordBackup, type BackupKind } from '@/lib/backup-habit/last-backup';
import { messageFor } from '@/lib/error-messages';
import { downloadText } from './download';
import type { LeftOutView, Result, VaultApi } from './vault-api';

export interface DownloadedBackup {
  fileName: string;
  leftOut: LeftOutView[];
}

/**
 * Exports the vault, saves the file and records the time as the last backup. With the optional
 * downloads permission (given for automatic backups or the checklist's downloads check) the file
 * goes through the downloads API and this waits until the browser reports it written, so a
 * failure is known. Without it a link hands the file to the browser, which a page cannot follow.
 */
export async function downloadBackup(api: Pick<VaultApi, 'exportBackup'>, kind: BackupKind): Promise<Result<DownloadedBackup>> {
  const result = await api.exportBackup();
  if (!result.ok) return result;
  const { fileName, text, leftOut } = result.value;
  if (await mayUseDownloads()) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    try {
      await downloadAndWait({ url, filename: fileName });
    } catch (error) {
      return { ok: false, error: { code: 'download-failed', message: messageFor('backup-not-saved', error instanceof Error ? error.message : undefined) } };
    } finally {
      URL.revokeObjectURL(url);
    }
  } else {
    downloadText(fileName, text, 'application/json');
  }
  await recordBackup(kind).catch(() => undefined);
  return { ok: true, value: { fileName, leftOut } };
}
