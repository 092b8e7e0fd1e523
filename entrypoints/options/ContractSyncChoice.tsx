import { useEffect, useState } from 'preact/hooks';
import { isContractSyncOn, setContractSync } from '@/lib/contract/storage-item';

/**
 * The opt-in to sync the contract through the browser account. Off by default: with it on, the
 * contract's texts are stored by the browser vendor with the account, which is exactly what
 * "everything stays on the device" rules out unless the therapist chooses it.
 */
export function ContractSyncChoice() {
  const [on, setOn] = useState<boolean>();
  const [error, setError] = useState('');

  useEffect(() => {
    void isContractSyncOn().then(setOn, () => setOn(false));
  }, []);

  const choose = async (next: boolean) => {
    setError('');
    try {
      await setContractSync(next);
      setOn(next);
    } catch {
      setError('The browser refused to change this. Nothing else changed; try again.');
    }
  };

  return (
    <div class="field contract-sync">
      <label>
        <input
          autoComplete="off"
          type="checkbox"
          name="contractSync"
          checked={on === true}
          disabled={on === undefined}
          aria-describedby="contract-sync-help"
          onChange={(event) => void choose(event.currentTarget.checked)}
        />{' '}
        Also sync these settings through my browser account
      </label>
      <p class="help" id="contract-sync-help">
        Off, they stay on this computer. On, your agreement settings and reply templates (never notes or clients) are copied
        to your browser account’s sync servers (Google or Mozilla) so your other computers get them.
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
