import type { VaultFailure } from './vault-api';
import { isStorageProblem } from './vault-api';

const STORAGE_ADVICE: Record<string, string> = {
  'storage-unavailable':
    'Your notes cannot be saved in this browser window right now (private windows and some privacy settings block storage). Nothing was lost; use a normal window, or check your browser settings.',
  quota:
    'This browser has run out of space for Anteroom. The last change was not saved. Free up disk space, or export a backup and remove old clients, then try again.',
};

/**
 * An error from the vault, in its own plain words. Storage problems (no storage, full disk) are
 * shown large, with what to do, because every later save would fail the same way.
 */
export function ErrorNotice({ error, testId }: { error: VaultFailure | undefined; testId?: string }) {
  if (!error) return null;
  if (isStorageProblem(error)) {
    return (
      <div role="alert" class="notes-alert notes-alert-strong" data-testid={testId} data-code={error.code}>
        <p class="notes-alert-title">{error.code === 'quota' ? 'Storage is full' : 'Storage is not available'}</p>
        <p>{error.message}</p>
        <p>{STORAGE_ADVICE[error.code]}</p>
      </div>
    );
  }
  return (
    <div role="alert" class="notes-alert" data-testid={testId} data-code={error.code}>
      {error.message}
    </div>
  );
}
