import { useRef, useState } from 'preact/hooks';
import { BusyButton } from '@/components/forms/BusyButton';
import { focusFirstInvalid } from '@/components/forms/wiring';
import { ErrorNotice } from './ErrorNotice';
import { EMPTY_NEW_PASSPHRASE, newPassphraseProblem, PassphraseFields, weakPassphraseProblem, type NewPassphrase } from './PassphraseFields';
import { useVault, type VaultFailure } from './vault-api';

/**
 * First visit: choose the passphrase that protects every note. There is no recovery, so the
 * page says so plainly, next to the button, before anything is created.
 */
export function CreateVault({ onCreated, onRestore }: { onCreated: () => void; onRestore: () => void }) {
  const api = useVault();
  const [value, setValue] = useState<NewPassphrase>(EMPTY_NEW_PASSPHRASE);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<VaultFailure>();
  const formRef = useRef<HTMLFormElement>(null);

  const problem = newPassphraseProblem(value);

  const submit = async (event: Event) => {
    event.preventDefault();
    setAttempted(true);
    setError(undefined);
    setBusy(true);
    if (problem || (await weakPassphraseProblem(value))) {
      setBusy(false);
      // After the re-render that marks the fields (the weak rule's mark needs the estimate).
      focusFirstInvalid(formRef.current, document.getElementById('create-passphrase'));
      return;
    }
    const result = await api.createVault(value.passphrase, value.acceptWeak);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setValue(EMPTY_NEW_PASSPHRASE);
    onCreated();
  };

  return (
    <section aria-labelledby="create-heading" class="notes-card">
      <h2 id="create-heading" tabIndex={-1} data-autofocus-target>Set up your notes vault</h2>
      <p>
        Your notes are encrypted on this computer with a passphrase that only you know. Anteroom never sees it, stores it or sends it
        anywhere.
      </p>
      <div class="notes-warning" id="no-recovery">
        <p>
          <strong>If you forget this passphrase, your notes cannot be recovered</strong>, by you, by Anteroom or by anyone else. There
          is no reset. Write it down and keep it somewhere safe, such as a locked drawer or your password manager.
        </p>
      </div>
      <form ref={formRef} id="create-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <PassphraseFields
          idPrefix="create"
          names={{ passphrase: 'passphrase', confirm: 'passphraseConfirm' }}
          labels={{ passphrase: 'Passphrase', confirm: 'Type the passphrase again' }}
          value={value}
          onInput={setValue}
          showProblems={attempted}
          disabled={busy}
        />
        <ErrorNotice error={error} />
        <div class="notes-actions">
          <BusyButton type="submit" class="primary" data-testid="create-vault" busy={busy} busyText="Creating the vault…" progress="Creating the vault">
            Create the vault
          </BusyButton>
        </div>
      </form>
      <p class="notes-aside">
        Moving from another computer?{' '}
        <button type="button" class="link-button" onClick={onRestore} disabled={busy}>
          Restore from an encrypted backup instead
        </button>
      </p>
    </section>
  );
}
