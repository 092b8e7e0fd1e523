import { useEffect, useRef, useState } from 'preact/hooks';
import { BusyButton } from '@/components/forms/BusyButton';
import { FieldBlock } from '@/components/forms/FieldBlock';
import { messageFor } from '@/lib/error-messages';
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
      setLabelError(messageFor('client-label-missing'));
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
    <form class="client-form notes-card" noValidate aria-labelledby="client-form-heading" aria-busy={busy} onSubmit={(event) => void submit(event)}>
      <h2 id="client-form-heading">{client ? `Edit ${client.label}` : 'New client'}</h2>
      <FieldBlock
        id="client-label"
        label="Name or code"
        help="How this client appears in Anteroom. Initials or a code you will recognise are enough. It is stored encrypted."
        error={labelError}
      >
        {(wiring) => (
          <input
            ref={labelRef}
            {...wiring}
            name="clientLabel"
            type="text"
            autoComplete="off"
            maxLength={200}
            value={label}
            disabled={busy}
            onInput={(event) => setLabel(event.currentTarget.value)}
          />
        )}
      </FieldBlock>
      <FieldBlock id="client-contact-mode" label="How you usually meet">
        {(wiring) => (
          <select
            autoComplete="off"
            {...wiring}
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
        )}
      </FieldBlock>
      <FieldBlock
        id="client-exceptions"
        label="Exceptions to your usual agreement"
        help="Optional. Anything agreed with this client that differs from your contract defaults, for example “may email between sessions” or “backup is a phone call”."
      >
        {(wiring) => (
          <textarea
            autoComplete="off"
            {...wiring}
            name="contractExceptions"
            rows={3}
            value={exceptions}
            disabled={busy}
            onInput={(event) => setExceptions(event.currentTarget.value)}
          />
        )}
      </FieldBlock>
      <ErrorNotice error={error} />
      <div class="notes-actions">
        <BusyButton type="submit" class="primary" data-testid="save-client" busy={busy} busyText="Saving…">
          {client ? 'Save changes' : 'Add client'}
        </BusyButton>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
