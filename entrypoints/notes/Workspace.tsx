import { useCallback, useEffect, useState } from 'preact/hooks';
import { ClientForm, contactModeLabel } from './ClientForm';
import { ClientView } from './ClientView';
import { ErrorNotice } from './ErrorNotice';
import { formatDate, plural } from './format';
import { SearchPanel } from './SearchPanel';
import { silenceStatus } from '@/lib/reminders/silence';
import { SilenceSettings } from './SilenceSettings';
import { useContract } from './use-contract';
import { useVault, type ClientSummary, type VaultFailure } from './vault-api';
import { VaultTools } from './VaultTools';

type Selection = { kind: 'none' } | { kind: 'new-client' } | { kind: 'client'; id: string; openNoteId?: string };

/**
 * The unlocked vault: search, the client list and the open client, then backup and passphrase.
 * Everything here is dropped (unmounted) the moment the vault locks.
 */
export function Workspace(props: { resumeClientId?: string; onClientOpened: (id: string | undefined) => void }) {
  const { resumeClientId, onClientOpened } = props;
  const api = useVault();
  const [clients, setClients] = useState<ClientSummary[]>();
  const [error, setError] = useState<VaultFailure>();
  const [selection, setSelection] = useState<Selection>(
    resumeClientId ? { kind: 'client', id: resumeClientId } : { kind: 'none' },
  );
  const [status, setStatus] = useState('');
  const contract = useContract();

  const [damaged, setDamaged] = useState(0);

  // Records that failed their integrity check are skipped by the lists; say so, without showing them.
  const checkProblems = useCallback(async () => {
    const result = await api.vaultProblems();
    if (result.ok) setDamaged(result.value.damaged.length);
  }, [api]);

  const loadClients = useCallback(async () => {
    const result = await api.listClients();
    void checkProblems();
    if (result.ok) {
      setClients([...result.value].sort((a, b) => a.label.localeCompare(b.label)));
      setError(undefined);
    } else setError(result.error);
    return result.ok ? result.value : undefined;
  }, [api]);

  useEffect(() => {
    void loadClients();
  }, [loadClients]);

  useEffect(() => {
    onClientOpened(selection.kind === 'client' ? selection.id : undefined);
  }, [selection, onClientOpened]);

  const open = (id: string, openNoteId?: string) => {
    setStatus('');
    setSelection({ kind: 'client', id, openNoteId });
  };

  const selected = selection.kind === 'client' ? clients?.find((c) => c.id === selection.id) : undefined;
  // A resumed or searched client that no longer exists (deleted elsewhere) falls back to the list.
  useEffect(() => {
    if (clients && selection.kind === 'client' && !selected) setSelection({ kind: 'none' });
  }, [clients, selection, selected]);

  const detailOpen = selection.kind === 'new-client' || Boolean(selected);

  return (
    <>
      <SearchPanel clients={clients ?? []} onOpen={(note) => open(note.clientId, note.id)} />
      <ErrorNotice error={error} />
      {damaged > 0 && (
        <div class="notes-warning" role="status" data-testid="damaged-records">
          <p>
            <strong>
              {damaged === 1 ? '1 record' : `${damaged} records`} could not be opened because {damaged === 1 ? 'it' : 'they'} failed
              an integrity check
            </strong>{' '}
            (the stored data was damaged or changed outside Anteroom). Everything else is unaffected. If you need what is missing,
            restore it from a backup.
          </p>
        </div>
      )}
      <div class={detailOpen ? 'workspace detail-open' : 'workspace'}>
        <nav class="client-nav" aria-labelledby="clients-heading">
          <div class="section-head">
            <h2 id="clients-heading" tabIndex={-1} data-autofocus-target>
              Clients
            </h2>
            <button type="button" class="primary" data-testid="new-client" onClick={() => setSelection({ kind: 'new-client' })}>
              New client
            </button>
          </div>
          <p role="status" class="notes-status notes-ok">
            {status}
          </p>
          {!clients ? (
            !error && <p class="notes-empty">Opening your clients…</p>
          ) : clients.length === 0 ? (
            <p class="notes-empty">No clients yet. Add one to start writing notes.</p>
          ) : (
            <ul class="client-list">
              {clients.map((client) => {
                const silence = contract ? silenceStatus(client.lastHeardFrom, contract.silenceFollowUpDays, Date.now()) : undefined;
                const overdue = silence?.state === 'overdue';
                return (
                  <li key={client.id}>
                    <button
                      type="button"
                      class="client-item"
                      data-testid="client-item"
                      data-client-id={client.id}
                      data-silence={overdue ? 'overdue' : undefined}
                      aria-current={selected?.id === client.id ? 'true' : undefined}
                      onClick={() => open(client.id)}
                    >
                      <span class="client-item-label">{client.label}</span>
                      <span class="client-item-detail">
                        {contactModeLabel(client.contactMode)}
                        {client.lastHeardFrom && ` · last heard from ${formatDate(client.lastHeardFrom) || client.lastHeardFrom}`}
                      </span>
                      {overdue && <span class="client-item-flag">Time to check in: no word for {plural(silence.daysSilent, 'day')}</span>}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </nav>
        <div class="client-detail">
          {selection.kind === 'new-client' && (
            <ClientForm
              onSaved={(id) => {
                void loadClients().then(() => open(id));
              }}
              onCancel={() => setSelection({ kind: 'none' })}
            />
          )}
          {selected && selection.kind === 'client' && (
            <ClientView
              key={selected.id}
              client={selected}
              contract={contract}
              openNoteId={selection.openNoteId}
              onChanged={() => void loadClients()}
              onLoaded={() => void checkProblems()}
              onDeleted={() => {
                setStatus(`${selected.label} and all their notes were deleted.`);
                setSelection({ kind: 'none' });
                void loadClients();
              }}
              onBack={() => setSelection({ kind: 'none' })}
            />
          )}
          {!detailOpen && clients && clients.length > 0 && <p class="notes-empty wide-only">Choose a client to see their notes.</p>}
        </div>
      </div>
      <SilenceSettings followUpDays={contract?.silenceFollowUpDays} />
      <VaultTools
        onImported={() => {
          setSelection({ kind: 'none' });
          void loadClients();
        }}
      />
    </>
  );
}
