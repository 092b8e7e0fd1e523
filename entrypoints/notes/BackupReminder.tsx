import { useEffect, useState } from 'preact/hooks';
import { backupAge, backupAgeSentence, isDue } from '@/lib/backup-habit/due';
import { readLastBackup, watchLastBackup, type LastBackup } from '@/lib/backup-habit/last-backup';
import { useContract } from './use-contract';

/**
 * How old the last backup is, against the therapist's interval (options page). Shown while a
 * vault exists, locked or not: the record is a time in storage.local, readable without the key.
 * Quiet while the backup is recent; a visible warning once it is due.
 */
export function BackupReminder({ unlocked }: { unlocked: boolean }) {
  const contract = useContract();
  const [last, setLast] = useState<LastBackup | undefined | 'loading'>('loading');
  // Re-read every hour the page stays open, so "due" arrives without a reload.
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    void readLastBackup().then(setLast, () => setLast(undefined));
    const unwatch = watchLastBackup((next) => {
      setLast(next);
      setNow(Date.now());
    });
    const timer = setInterval(() => setNow(Date.now()), 60 * 60 * 1000);
    return () => {
      unwatch();
      clearInterval(timer);
    };
  }, []);

  if (!contract || last === 'loading') return null;
  const intervalDays = contract.backupIntervalDays;
  const age = backupAge(last?.at, now, intervalDays);
  const due = isDue(age);
  const sentence = backupAgeSentence(age, intervalDays);
  if (!due) {
    return (
      <p class="notes-backup-age" data-testid="backup-age" data-due="false">
        {sentence}
      </p>
    );
  }
  return (
    <div class="notes-warning" data-testid="backup-age" data-due="true">
      <p>
        <strong>{sentence}</strong> Your notes exist only in this browser: if its data is cleared or the computer is lost, a
        backup is the only copy.{' '}
        {unlocked ? (
          <a href="#vault-tools-heading">Download an encrypted backup now.</a>
        ) : (
          'Unlock to download an encrypted backup.'
        )}
      </p>
    </div>
  );
}
