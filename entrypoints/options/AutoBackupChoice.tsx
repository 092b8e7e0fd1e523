import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { intervalWords } from '@/lib/backup-habit/due';
import { requestDownloadsPermission } from '@/lib/checklist/probes';
import { messageFor } from '@/lib/error-messages';
import {
  AUTO_BACKUP_FOLDER,
  AUTO_BACKUP_LOG_KEY,
  isAutoBackupOn,
  KEEP_FILES,
  loadLog,
  readLog,
  setAutoBackup,
  type AutoBackupAttempt,
} from '@/lib/backup-habit/auto-backup-store';

/**
 * The opt-in to automatic encrypted backups. Turning it on asks for the optional `downloads`
 * permission first thing in the click (Firefox refuses a request that follows an await); the
 * background (lib/background/auto-backup.ts) does the rest and logs what each attempt did.
 */
export function AutoBackupChoice({ intervalDays }: { intervalDays: number }) {
  const [on, setOn] = useState<boolean>();
  const [last, setLast] = useState<AutoBackupAttempt>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void isAutoBackupOn().then(setOn, () => setOn(false));
    void loadLog().then((log) => setLast(log.last), () => undefined);
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && AUTO_BACKUP_LOG_KEY in changes) setLast(readLog(changes[AUTO_BACKUP_LOG_KEY]?.newValue).last);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const choose = (next: boolean) => {
    setError('');
    // Asked before anything else in the click: the browser shows its prompt only for a user's gesture.
    const allowed = next ? requestDownloadsPermission() : Promise.resolve(true);
    void allowed.then(async (granted) => {
      if (!granted) {
        setError('Your browser did not allow Anteroom to save files to your downloads, so automatic backups stay off.');
        setOn(false);
        return;
      }
      try {
        await setAutoBackup(next);
        setOn(next);
      } catch {
        setError('The browser refused to save this choice. Nothing changed; try again.');
      }
    });
  };

  const backUpNow = async () => {
    setBusy(true);
    setError('');
    const answer = (await browser.runtime.sendMessage({ type: 'backup:auto-now' }).catch(() => undefined)) as AutoBackupAttempt | null | undefined;
    setBusy(false);
    if (answer) setLast(answer);
    else setError(messageFor('background-no-answer'));
  };

  return (
    <div class="field auto-backup">
      <label>
        <input
          autoComplete="off"
          type="checkbox"
          name="autoBackup"
          checked={on === true}
          disabled={on === undefined}
          aria-describedby="auto-backup-help"
          onChange={(event) => choose(event.currentTarget.checked)}
        />{' '}
        Make an encrypted backup of my notes automatically
      </label>
      <p class="help" id="auto-backup-help">
        When your last backup is older than your backup reminder above ({intervalWords(intervalDays)}), Anteroom saves the same encrypted file as “Download encrypted backup” into a folder named “{AUTO_BACKUP_FOLDER}” in your
        downloads folder, and keeps the newest {KEEP_FILES} it made there, deleting older ones it made itself (never other files).
        It needs your notes unlocked: if they are locked when a backup is due, it is made the next time you unlock them. Your
        browser will ask to let Anteroom manage downloads. A copy on this computer does not survive losing the computer: now and
        then, copy one somewhere else.
      </p>
      {on && (
        <div class="notes-actions">
          <button type="button" data-testid="auto-backup-now" disabled={busy} onClick={() => void backUpNow()}>
            {busy ? 'Saving a backup…' : 'Save one now'}
          </button>
        </div>
      )}
      <p role="status" class="inline-status" data-testid="auto-backup-status" data-outcome={last?.outcome ?? ''}>
        {last ? attemptWords(last) : ''}
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}

function attemptWords(last: AutoBackupAttempt): string {
  const when = new Date(last.at).toLocaleString();
  switch (last.outcome) {
    case 'saved':
      return `Last automatic backup: ${when}, saved as ${last.fileName ?? 'a file in your downloads'}.`;
    case 'waiting-for-unlock':
      return `A backup was due at ${when} while your notes were locked; it will be made when you next unlock them.`;
    case 'no-permission':
      return `No backup was made at ${when}: Anteroom is no longer allowed to save downloads. Turn this off and on again to allow it.`;
    case 'failed':
      return `The automatic backup at ${when} failed: ${last.message ?? 'no reason was given'}. Your notes are unchanged.`;
  }
}
