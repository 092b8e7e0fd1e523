import { useEffect, useRef, useState } from 'preact/hooks';
import { BusyButton } from '@/components/forms/BusyButton';
import { PassphraseField } from '@/components/forms/PassphraseField';
import { focusAfterRender, focusFirstInvalid } from '@/components/forms/wiring';
import { messageFor } from '@/lib/error-messages';
import { useBackoff, waitWords } from './backoff';
import { ErrorNotice, passphraseRefused } from './ErrorNotice';
import { EMPTY_NEW_PASSPHRASE, newPassphraseProblem, PassphraseFields, weakPassphraseProblem, type NewPassphrase } from './PassphraseFields';
import { useVault, type VaultFailure } from './vault-api';

/**
 * Change the passphrase. By default only the key that unlocks the notes is re-wrapped; with
 * "renew the encryption keys" every key is new and every record is sealed again, with progress.
 */
export function ChangePassphrase() {
  const api = useVault();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState<NewPassphrase>(EMPTY_NEW_PASSPHRASE);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<VaultFailure>();
  const [done, setDone] = useState<string>();
  const [renew, setRenew] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const backoff = useBackoff();
  const formRef = useRef<HTMLFormElement>(null);
  const currentRef = useRef<HTMLInputElement>(null);

  // Only while this form waits for its own renewal: another page's counts are not ours to show.
  useEffect(() => (busy && renew ? api.onKeyRenewalProgress(setProgress) : undefined), [api, busy, renew]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy || backoff.waiting) return;
    setAttempted(true);
    setError(undefined);
    setDone(undefined);
    setProgress(undefined);
    if (!current) {
      setError({ code: 'invalid-input', message: messageFor('current-passphrase-missing') });
      currentRef.current?.focus();
      return;
    }
    setBusy(true);
    if (newPassphraseProblem(next) || (await weakPassphraseProblem(next))) {
      setBusy(false);
      focusFirstInvalid(formRef.current, document.getElementById('change-passphrase'));
      return;
    }
    const result = await api.changePassphrase(current, next.passphrase, next.acceptWeak, renew);
    setBusy(false);
    setProgress(undefined);
    if (!result.ok) {
      setError(result.error);
      backoff.noteFailure(result.error);
      if (result.error.code === 'wrong-passphrase') {
        setCurrent('');
        focusAfterRender(() => currentRef.current);
      }
      return;
    }
    setCurrent('');
    setNext(EMPTY_NEW_PASSPHRASE);
    setAttempted(false);
    const { renewed, carriedDamaged } = result.value;
    setDone(
      !renewed
        ? 'Passphrase changed. Use the new one from now on.'
        : 'Passphrase changed and encryption keys renewed: every record is sealed again under new keys. Use the new passphrase from now on.' +
            (carriedDamaged > 0 ? ` ${carriedDamaged} damaged record${carriedDamaged === 1 ? ' was' : 's were'} carried over unchanged; they stay unreadable.` : ''),
    );
  };

  return (
    <form ref={formRef} id="change-form" noValidate aria-labelledby="change-heading" aria-busy={busy} onSubmit={(event) => void submit(event)}>
      <h3 id="change-heading">Change passphrase</h3>
      <PassphraseField
        id="change-current"
        name="currentPassphrase"
        label="Current passphrase"
        inputRef={currentRef}
        describedBy={[passphraseRefused(error, current) && 'change-error']}
        invalid={passphraseRefused(error, current)}
        value={current}
        onInput={setCurrent}
        disabled={busy}
      />
      <PassphraseFields
        idPrefix="change"
        names={{ passphrase: 'newPassphrase', confirm: 'newPassphraseConfirm' }}
        labels={{ passphrase: 'New passphrase', confirm: 'Type the new passphrase again' }}
        value={next}
        onInput={setNext}
        showProblems={attempted}
        disabled={busy}
      />
      <label class="check-label">
        <input
          type="checkbox"
          name="renewKeys"
          autoComplete="off"
          data-testid="renew-keys"
          checked={renew}
          disabled={busy}
          aria-describedby="renew-keys-help"
          onChange={(event) => setRenew(event.currentTarget.checked)}
        />
        Also renew the encryption keys
      </label>
      <p class="field-help" id="renew-keys-help">
        Without it the data key stays the same, so a backup you downloaded earlier, with the passphrase it was made with, would
        also unlock notes written from now on. Renewing makes a new data key and new client keys and seals every note, session
        and draft again, so older backups reach only what they already held. It takes a few seconds for thousands of notes; if
        the browser stops meanwhile, nothing is lost and the old or the new passphrase opens the notes. A browser does not erase
        replaced data from its storage files at once, so against someone holding a copy of this browser’s files, renewal
        protects only once the browser has compacted them. A forgotten passphrase cannot be recovered.
      </p>
      <ErrorNotice id="change-error" error={error} />
      {backoff.waiting && <p class="notes-wait">{waitWords(backoff.seconds)}</p>}
      <p role="status" class="notes-status notes-ok">
        {done ?? ''}
      </p>
      <div class="notes-actions">
        <BusyButton
          type="submit"
          data-testid="change-passphrase"
          busy={busy}
          busyText="Changing…"
          disabled={backoff.waiting}
          progress={progress ? undefined : 'Changing passphrase'}
        >
          {renew ? 'Change passphrase and renew keys' : 'Change passphrase'}
        </BusyButton>
      </div>
      {busy && progress && (
        <p class="renewal-progress" data-testid="renewal-progress">
          <progress aria-label="Records sealed again" value={progress.done} max={progress.total} />{' '}
          Renewing keys: {progress.done.toLocaleString()} of {progress.total.toLocaleString()} records
        </p>
      )}
    </form>
  );
}
