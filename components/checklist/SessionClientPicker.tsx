import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

interface ClientOption {
  id: string;
  label: string;
}

/**
 * "This session is with …": shown only while the notes vault is unlocked. The chosen client's
 * record gets this call (time, length, platform, the checklist) when it ends. The vault client is
 * loaded after the checklist has painted, so the popup opens as fast without it.
 */
export function SessionClientPicker() {
  const [clients, setClients] = useState<ClientOption[] | undefined>(undefined);
  const [chosen, setChosen] = useState<string>('');

  useEffect(() => {
    let live = true;
    void (async () => {
      const vault = await import('@/lib/vault-client');
      const status = await vault.vaultStatus();
      if (!live || !status.ok || status.value.state !== 'unlocked') return;
      const list = await vault.listClients();
      if (!live || !list.ok) return;
      setClients(list.value.map((c) => ({ id: c.id, label: c.label })));
      const current = (await browser.runtime.sendMessage({ type: 'session:chosen-client' })) as { clientId: string | null } | undefined;
      if (live && current?.clientId) setChosen(current.clientId);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  if (!clients || clients.length === 0) return null;
  const choose = (clientId: string) => {
    setChosen(clientId);
    void browser.runtime.sendMessage({ type: 'session:choose-client', clientId: clientId || null }).catch(() => undefined);
  };
  return (
    <div class="session-client">
      <label for="session-client">This session is with</label>
      <select autoComplete="off" id="session-client" name="sessionClient" value={chosen} onChange={(e) => choose(e.currentTarget.value)}>
        <option value="">Nobody in my notes (no record kept)</option>
        {clients.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
      <p class="help" id="session-client-help">
        When the call ends, its time, length, platform and this checklist join that client’s encrypted record.
      </p>
    </div>
  );
}
