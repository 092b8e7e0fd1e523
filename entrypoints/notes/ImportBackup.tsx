import { useRef, useState } from 'preact/hooks';
import { BusyButton } from '@/components/forms/BusyButton';
import { PassphraseField } from '@/components/forms/PassphraseField';
import { focusAfterRender } from '@/components/forms/wiring';
import { messageFor } from '@/lib/error-messages';
import { MAX_BACKUP_FILE_CHARS } from '@/lib/vault/store/record-schemas';
import { useBackoff, waitWords } from './backoff';
import { downloadBackup } from './backup-download';
import { ErrorNotice, passphraseRefused } from './ErrorNotice';
import { listInWords, plural } from './format';
import { useVault, type ImportCounts, type VaultFailure } from './vault-api';

/**
 * UTF-8 spends at most 3 bytes on one UTF-16 code unit, the unit the vault's limit counts: a
 * file larger than this cannot be within it, so it is refused without being read into memory.
 */
const MAX_READ_BYTES = 3 * MAX_BACKUP_FILE_CHARS;

export type { ImportCounts };

export function describeCounts(counts: Pick<ImportCounts, 'clients' | 'notes' | 'sessions'>): string {
  return listInWords([plural(counts.clients, 'client'), plural(counts.notes, 'note'), plural(counts.sessions, 'session')]);
}

/** What an authentic backup held that this version could not restore; '' when nothing was skipped. */
export function describeSkipped({ skipped }: ImportCounts): string {
  const kinds = [
    ...(skipped.clients > 0 ? [plural(skipped.clients, 'client')] : []),
    ...(skipped.notes > 0 ? [plural(skipped.notes, 'note')] : []),
    ...(skipped.sessions > 0 ? [plural(skipped.sessions, 'session')] : []),
    ...(skipped.other > 0 ? [plural(skipped.other, 'record', 'records')] : []),
  ];
  const other = skipped.other > 0 ? ` (${skipped.other === 1 ? 'a record' : 'records'} of a kind this version does not know)` : '';
  if (kinds.length === 0) return '';
  const total = skipped.clients + skipped.notes + skipped.sessions + skipped.other;
  return (
    `Not restored: ${listInWords(kinds)}${other}, which this version of Anteroom cannot read` +
    (skipped.clients > 0 ? ' (a client that is not restored takes their notes and sessions with them)' : '') +
    `. The file is genuine and still holds ${total === 1 ? 'it' : 'them'}: keep it, since a newer version of Anteroom may restore ${total === 1 ? 'it' : 'them'}.`
  );
}

type Step =
  | { kind: 'choose' }
  | { kind: 'passphrase'; fileName: string; text: string }
  | { kind: 'replace'; fileName: string; text: string; passphrase: string; leftOut: string };

/**
 * Restore an encrypted backup: choose the file, type the passphrase it was made with, and get
 * either the counts restored or the reason it was refused (in which case nothing changed).
 * Restoring over notes that already exist needs a second, explicit yes, asked only once the
 * backup has been checked: a wrong passphrase or a damaged file is said before any question.
 */
export function ImportBackup({ onImported }: { onImported: (counts: ImportCounts, fileName: string) => void }) {
  const api = useVault();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<VaultFailure>();
  const [report, setReport] = useState('');
  const [skipped, setSkipped] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const backoff = useBackoff();

  const reset = () => {
    setStep({ kind: 'choose' });
    setPassphrase('');
    if (fileRef.current) fileRef.current.value = '';
  };

  const chooseFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    setError(undefined);
    setReport('');
    setSkipped('');
    if (!file) return reset();
    // The vault's own limit (every backup Anteroom makes is within it), said before the passphrase is asked for.
    const tooLarge = () => {
      setError({ code: 'backup-invalid', message: messageFor('backup-file-too-large', file.name, file.size, MAX_BACKUP_FILE_CHARS) });
      reset();
    };
    if (file.size > MAX_READ_BYTES) return tooLarge();
    let text: string;
    try {
      text = await file.text();
    } catch {
      setError({ code: 'backup-invalid', message: messageFor('backup-file-unreadable', file.name) });
      return reset();
    }
    if (text.length > MAX_BACKUP_FILE_CHARS) return tooLarge();
    setPassphrase('');
    setStep({ kind: 'passphrase', fileName: file.name, text });
    // Let the passphrase box render, then put the therapist in it.
    focusAfterRender(() => passphraseRef.current);
  };

  const restore = async (mode: 'replace-empty' | 'replace') => {
    if (step.kind === 'choose' || busy || backoff.waiting) return;
    const secret = step.kind === 'replace' ? step.passphrase : passphrase;
    setError(undefined);
    if (!secret) {
      setError({ code: 'invalid-input', message: messageFor('backup-passphrase-missing') });
      return;
    }
    setBusy(true);
    // What is about to be replaced is downloaded first; without that copy, nothing is replaced.
    let safetyCopy = '';
    if (mode === 'replace') {
      const saved = await downloadBackup(api, 'before-restore');
      if (!saved.ok) {
        setBusy(false);
        setError({ ...saved.error, message: messageFor('restore-safety-copy-failed', saved.error.message) });
        return reset();
      }
      safetyCopy = ` The notes it replaced were first downloaded as ${saved.value.fileName}.`;
    }
    const result = await api.importBackup(step.text, secret, mode);
    setBusy(false);
    if (result.ok) {
      setReport(
        `Restored ${describeCounts(result.value)} from ${step.fileName}. From now on, your notes open with the passphrase this backup was made with.${safetyCopy}`,
      );
      setSkipped(describeSkipped(result.value));
      reset();
      onImported(result.value, step.fileName);
      return;
    }
    if (result.error.code === 'not-empty' && mode === 'replace-empty') {
      const leftOut = result.error.skipped ? describeSkipped({ clients: 0, notes: 0, sessions: 0, skipped: result.error.skipped }) : '';
      setStep({ kind: 'replace', fileName: step.fileName, text: step.text, passphrase: secret, leftOut });
      setPassphrase('');
      return;
    }
    setError({ ...result.error, message: messageFor('restore-refused', step.fileName, result.error.message) });
    backoff.noteFailure(result.error);
    // The question to replace was for this attempt; a refusal ends it (the file is chosen again).
    if (step.kind === 'replace') return reset();
    if (result.error.code === 'wrong-passphrase' || result.error.code === 'backoff') {
      setPassphrase('');
      focusAfterRender(() => passphraseRef.current);
    }
  };

  return (
    <div class="import-backup">
      <label class="file-label" for="import-file">
        Choose a backup file to restore
      </label>
      <p class="field-help" id="import-file-help">
        An encrypted backup downloaded from Anteroom (a .json file). You will need the passphrase it was made with.
      </p>
      <input autoComplete="off"
        ref={fileRef}
        id="import-file"
        name="import"
        type="file"
        accept=".json,application/json"
        aria-describedby="import-file-help"
        disabled={busy}
        onChange={(event) => void chooseFile(event.currentTarget)}
      />

      {step.kind === 'passphrase' && (
        <form
          class="import-step"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void restore('replace-empty');
          }}
          aria-busy={busy}
        >
          <PassphraseField
            id="import-passphrase"
            name="passphrase"
            label={`Passphrase of this backup (${step.fileName})`}
            help="The passphrase your notes had when the backup was downloaded. It may be an older one."
            // The backup's passphrase, maybe an old one: not this vault's, so not offered for saving.
            autoComplete="off"
            inputRef={passphraseRef}
            describedBy={[passphraseRefused(error, passphrase) && 'import-error']}
            invalid={passphraseRefused(error, passphrase)}
            value={passphrase}
            onInput={setPassphrase}
            disabled={busy}
          />
          <div class="notes-actions">
            <BusyButton type="submit" class="primary" data-testid="import-confirm" busy={busy} busyText="Restoring…" disabled={backoff.waiting}>
              Restore this backup
            </BusyButton>
            <button type="button" onClick={reset} disabled={busy}>
              Cancel
            </button>
            {busy && <progress aria-label="Restoring" />}
          </div>
        </form>
      )}

      {step.kind === 'replace' && (
        <div class="notes-danger import-step" role="group" aria-labelledby="import-replace-heading">
          <h4 id="import-replace-heading">Replace everything with this backup?</h4>
          <p>
            {step.fileName} opens with that passphrase and is intact. Your notes vault already holds clients and notes: restoring
            the backup will <strong>delete all of them</strong> and put its contents in their place. Anteroom first downloads an
            encrypted backup of what is here now (with your current passphrase); if that fails, nothing is replaced.
          </p>
          {step.leftOut && (
            <p class="notes-warning" data-testid="import-replace-left-out">
              {step.leftOut}
            </p>
          )}
          <div class="notes-actions">
            <BusyButton type="button" class="danger" data-testid="import-replace" busy={busy} busyText="Backing up, then restoring…" onClick={() => void restore('replace')}>
              Back up what is here, then restore
            </BusyButton>
            <button type="button" onClick={reset} disabled={busy}>
              Cancel, keep what is here
            </button>
          </div>
        </div>
      )}

      <ErrorNotice id="import-error" error={error} testId="import-error" />
      {backoff.waiting && <p class="notes-wait">{waitWords(backoff.seconds)}</p>}
      <p role="status" data-testid="import-report" class="notes-status">
        {report}
      </p>
      {skipped && (
        <p class="notes-warning" role="status" data-testid="import-skipped">
          {skipped}
        </p>
      )}
    </div>
  );
}
