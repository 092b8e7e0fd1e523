import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorNotice } from './ErrorNotice';
import { useVault, type ClientSummary, type ContactMode, type VaultFailure } from './vault-api';

export const CONTACT_MODES: readonly { value: ContactMode; label: string }[] = [
  { value: 'video', label: 'Video call' },
  { value: 'audio', label: 'Audio call (internet)' },
  { value: 'phone', label: 'Phone' },
  { value: 'text', label: 'Text messages' },
  { value: 'email', label: 'Email' },
];

export function contactModeLabel(mode: ContactMode): string {
  return CONTACT_MODES.find((m) => m.value === mode)?.label ?? mode;
}

/** Add a client, or change one: how they are named here, how you meet, and what differs from your usual agreement. */
export function ClientForm(props: { client?: ClientSummary; onSaved: (id: string) => void; onCancel: () => void }) {
  const { client, onSaved, onCancel } = props;
  const api = useVault();
  const [label, setLabel] = useState(client?.label ?? '');
  const [contactMode, setContactMode] = useState<ContactMode>(client?.contactMode ?? 'video');
  const [exceptions, setExceptions] = useState(client?.contractExceptions ?? '');
  const [labelError, setLabelError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<VaultFailure>();
  const labelRef = useRef<HTMLInputElement>(null);

  useEffect(() => labelRef.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    const trimmed = label.trim();
    if (!trimmed) {
      setLabelError('Give the client a name or code you will recognise.');
      labelRef.current?.focus();
      return;
    }
    setLabelError(undefined);
    setBusy(true);
    const result = await api.saveClient({
      ...(client ? { id: client.id } : {}),
      label: trimmed,
      contactMode,
      contractExceptions: exceptions.trim(),
    });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onSaved(result.value.id);
  };

  return (
    <form class="client-form notes-card" noValidate aria-labelledby="client-form-heading" onSubmit={(event) => void submit(event)}>
      <h2 id="client-form-heading">{client ? `Edit ${client.label}` : 'New client'}</h2>
      <div class={labelError ? 'field field-invalid' : 'field'}>
        <label for="client-label">Name or code</label>
        <p class="field-help" id="client-label-help">
          How this client appears in Anteroom. Initials or a code you will recognise are enough. It is stored encrypted.
        </p>
        <input
          ref={labelRef}
          id="client-label"
          name="clientLabel"
          type="text"
          autoComplete="off"
          maxLength={200}
          value={label}
          disabled={busy}
          aria-invalid={labelError ? 'true' : undefined}
          aria-describedby={`client-label-help${labelError ? ' client-label-error' : ''}`}
          onInput={(event) => setLabel(event.currentTarget.value)}
        />
        {labelError && (
          <p class="field-error" id="client-label-error">
            {labelError}
          </p>
        )}
      </div>
      <div class="field">
        <label for="client-contact-mode">How you usually meet</label>
        <select autoComplete="off"
          id="client-contact-mode"
          name="contactMode"
          value={contactMode}
          disabled={busy}
          onChange={(event) => setContactMode(event.currentTarget.value as ContactMode)}
        >
          {CONTACT_MODES.map((mode) => (
            <option key={mode.value} value={mode.value}>
              {mode.label}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="client-exceptions">Exceptions to your usual agreement</label>
        <p class="field-help" id="client-exceptions-help">
          Optional. Anything agreed with this client that differs from your contract defaults, for example “may email between
          sessions” or “backup is a phone call”.
        </p>
        <textarea autoComplete="off"
          id="client-exceptions"
          name="contractExceptions"
          rows={3}
          value={exceptions}
          disabled={busy}
          aria-describedby="client-exceptions-help"
          onInput={(event) => setExceptions(event.currentTarget.value)}
        />
      </div>
      <ErrorNotice error={error} />
      <div class="notes-actions">
        <button type="submit" class="primary" data-testid="save-client" disabled={busy}>
          {busy ? 'Saving…' : client ? 'Save changes' : 'Add client'}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
