import { useEffect, useRef, useState } from 'preact/hooks';
import { BusyButton } from '@/components/forms/BusyButton';
import { FieldBlock } from '@/components/forms/FieldBlock';
import { PassphraseField } from '@/components/forms/PassphraseField';
import { focusAfterRender } from '@/components/forms/wiring';
import { messageFor } from '@/lib/error-messages';
import { ErrorNotice, passphraseRefused } from './ErrorNotice';
import { listInWords, plural } from './format';
import { useVault, type ClientSummary, type VaultFailure } from './vault-api';

/**
 * Deleting a client destroys its key, so its notes, sessions and draft become unreadable at
 * once and for good, and renews the data key (lib/vault/lifecycle/client-deletion.ts), which needs the
 * passphrase. The question names exactly what goes, and the therapist types the client's name
 * to confirm, so one stray click cannot do it.
 */
export function DeleteClient(props: {
  client: ClientSummary;
  noteCount: number;
  sessionCount: number;
  onDeleted: () => void;
  onCancel: () => void;
}) {
  const { client, noteCount, sessionCount, onDeleted, onCancel } = props;
  const api = useVault();
  const [typed, setTyped] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<VaultFailure>();
  const inputRef = useRef<HTMLInputElement>(null);
  const matches = typed.trim() === client.label.trim();

  useEffect(() => inputRef.current?.focus(), []);

  const destroyed = listInWords([
    plural(noteCount, 'note'),
    plural(sessionCount, 'session record'),
    'any unsaved draft',
    'the client’s details',
  ]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!matches || busy) return;
    setError(undefined);
    if (!passphrase) {
      setError({ code: 'invalid-input', message: messageFor('delete-client-passphrase-missing') });
      document.getElementById('delete-client-passphrase')?.focus();
      return;
    }
    setBusy(true);
    const result = await api.deleteClient(client.id, passphrase);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      if (result.error.code === 'wrong-passphrase') {
        setPassphrase('');
        focusAfterRender(() => document.getElementById('delete-client-passphrase'));
      }
      return;
    }
    setPassphrase('');
    onDeleted();
  };

  return (
    <form class="notes-danger" noValidate aria-labelledby="delete-client-heading" aria-busy={busy} onSubmit={(event) => void submit(event)}>
      <h3 id="delete-client-heading">Delete {client.label}?</h3>
      <p id="delete-client-what" data-testid="delete-client-summary">
        This permanently destroys <strong>{destroyed}</strong> for {client.label}. It cannot be undone, not even by Anteroom.
        Encrypted backups you downloaded earlier still contain them.
      </p>
      <FieldBlock
        id="delete-client-confirm"
        label={
          <>
            To confirm, type the client’s name or code: <strong class="confirm-word">{client.label}</strong>
          </>
        }
        describedBy={['delete-client-what']}
      >
        {(wiring) => (
          <input
            ref={inputRef}
            {...wiring}
            name="confirmClientLabel"
            type="text"
            autoComplete="off"
            spellcheck={false}
            value={typed}
            disabled={busy}
            onInput={(event) => setTyped(event.currentTarget.value)}
          />
        )}
      </FieldBlock>
      <PassphraseField
        id="delete-client-passphrase"
        name="deleteClientPassphrase"
        label="Your passphrase"
        value={passphrase}
        onInput={setPassphrase}
        disabled={busy}
        describedBy={['delete-client-renews', passphraseRefused(error, passphrase) && 'delete-client-error']}
        invalid={passphraseRefused(error, passphrase)}
        after={
          <p class="field-help" id="delete-client-renews">
            Deleting also renews the data key that protects your other clients, so a copy of their key left behind on this computer
            no longer opens with this vault’s key.
          </p>
        }
      />
      <ErrorNotice id="delete-client-error" error={error} />
      <div class="notes-actions">
        <BusyButton type="submit" class="danger" data-testid="confirm-delete-client" busy={busy} busyText="Deleting…" disabled={!matches}>
          {`Delete ${client.label} for good`}
        </BusyButton>
        <button type="button" onClick={onCancel} disabled={busy}>
          Keep this client
        </button>
      </div>
    </form>
  );
}
