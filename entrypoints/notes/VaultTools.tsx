import { useState } from 'preact/hooks';
import { BackupLeftOut } from './BackupLeftOut';
import { ChangePassphrase } from './ChangePassphrase';
import { downloadBackup } from './backup-download';
import { ErrorNotice } from './ErrorNotice';
import { ImportBackup, type ImportCounts } from './ImportBackup';
import { useVault, type LeftOutView, type VaultFailure } from './vault-api';

/** Backup (download and restore) and the passphrase: the things that concern the whole vault. */
export function VaultTools({ onImported }: { onImported: (counts: ImportCounts, fileName: string) => void }) {
  const api = useVault();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<VaultFailure>();
  const [downloaded, setDownloaded] = useState('');
  const [leftOut, setLeftOut] = useState<LeftOutView[]>([]);

  const exportBackup = async () => {
    setBusy(true);
    setError(undefined);
    setDownloaded('');
    setLeftOut([]);
    const result = await downloadBackup(api, 'manual');
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setDownloaded(result.value.fileName);
    setLeftOut(result.value.leftOut);
  };

  return (
    <section class="vault-tools" aria-labelledby="vault-tools-heading">
      <h2 id="vault-tools-heading">Backup and passphrase</h2>
      <h3>Download a backup</h3>
      <p class="field-help">
        One encrypted file with every client, note and session. It opens only with your current passphrase, so it is safe to keep on
        a USB stick or in cloud storage. Keep a recent one: if this browser’s data is cleared, the backup is the only copy.
      </p>
      <div class="notes-actions">
        <button type="button" data-testid="export" disabled={busy} onClick={() => void exportBackup()}>
          {busy ? 'Preparing the backup…' : 'Download encrypted backup'}
        </button>
      </div>
      <ErrorNotice error={error} />
      <p role="status" class="notes-status notes-ok" data-testid="export-report">
        {downloaded ? `Downloaded ${downloaded}. It is encrypted with your current passphrase.` : ''}
      </p>
      <BackupLeftOut leftOut={leftOut} />

      <h3>Restore a backup</h3>
      <p class="field-help">
        Restoring replaces what is here with the backup’s clients and notes (you will be asked first), and afterwards your notes
        open with the passphrase the backup was made with.
      </p>
      <ImportBackup onImported={onImported} />

      <ChangePassphrase />
    </section>
  );
}
