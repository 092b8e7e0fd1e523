import { useState } from 'preact/hooks';
import type { Result, VaultFailure } from './vault-api';

/**
 * The steps of deleting one record after a question: asking, the deletion running, and its
 * refusal, which stays shown next to the record (the question stays open to try again).
 */
export function useDeletion(remove: () => Promise<Result<unknown>>, onDeleted: () => void) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<VaultFailure>();

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    const result = await remove();
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onDeleted();
  };

  return { asking, busy, error, ask: () => setAsking(true), cancel: () => setAsking(false), confirm: () => void confirm() };
}
