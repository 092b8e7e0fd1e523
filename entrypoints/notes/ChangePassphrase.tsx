import { useState } from 'preact/hooks';
import { useBackoff, waitWords } from './backoff';
import { ErrorNotice } from './ErrorNotice';
import { EMPTY_NEW_PASSPHRASE, newPassphraseProblem, PassphraseFields, weakPassphraseProblem, type NewPassphrase } from './PassphraseFields';
import { useVault, type VaultFailure } from './vault-api';

/** Change the passphrase. Only the key that unlocks the notes is re-wrapped; the notes themselves stay as they are. */
export function ChangePassphrase() {
  const api = useVault();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState<NewPassphrase>(EMPTY_NEW_PASSPHRASE);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<VaultFailure>();
  const [done, setDone] = useState(false);
  const backoff = useBackoff();

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy || backoff.waiting) return;
    setAttempted(true);
    setError(undefined);
    setDone(false);
    if (!current) {
      setError({ code: 'invalid-input', message: 'Type your current passphrase first.' });
      document.getElementById('change-current')?.focus();
      return;
    }
    setBusy(true);
    if (newPassphraseProblem(next) || (await weakPassphraseProblem(next))) {
      setBusy(false);
      setTimeout(() => (document.querySelector<HTMLElement>('#change-form [aria-invalid="true"]') ?? document.getElementById('change-passphrase'))?.focus());
      return;
    }
    const result = await api.changePassphrase(current, next.passphrase, next.acceptWeak);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      backoff.noteFailure(result.error);
      if (result.error.code === 'wrong-passphrase') {
        setCurrent('');
        document.getElementById('change-current')?.focus();
      }
      return;
    }
    setCurrent('');
    setNext(EMPTY_NEW_PASSPHRASE);
    setAttempted(false);
    setDone(true);
  };

  return (
    <form id="change-form" noValidate aria-labelledby="change-heading" aria-busy={busy} onSubmit={(event) => void submit(event)}>
      <h3 id="change-heading">Change passphrase</h3>
      <div class="field">
        <label for="change-current">Current passphrase</label>
        <input
          id="change-current"
          name="currentPassphrase"
          type="password"
          autoComplete="current-password"
          spellcheck={false}
          value={current}
          disabled={busy}
          onInput={(event) => setCurrent(event.currentTarget.value)}
        />
      </div>
      <PassphraseFields
        idPrefix="change"
        names={{ passphrase: 'newPassphrase', confirm: 'newPassphraseConfirm' }}
        labels={{ passphrase: 'New passphrase', confirm: 'Type the new passphrase again' }}
        value={next}
        onInput={setNext}
        showProblems={attempted}
        disabled={busy}
      />
      <p class="field-help">
        As before, a forgotten passphrase cannot be recovered. Backups you downloaded earlier still open with the passphrase they were
        made with.
      </p>
      <ErrorNotice error={error} />
      {backoff.waiting && <p class="notes-wait">{waitWords(backoff.seconds)}</p>}
      <p role="status" class="notes-status notes-ok">
        {done ? 'Passphrase changed. Use the new one from now on.' : ''}
      </p>
      <div class="notes-actions">
        <button type="submit" data-testid="change-passphrase" disabled={busy || backoff.waiting}>
          {busy ? 'Changing…' : 'Change passphrase'}
        </button>
        {busy && <progress aria-label="Changing passphrase" />}
      </div>
    </form>
  );
}
