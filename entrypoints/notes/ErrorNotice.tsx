import type { VaultFailure } from './vault-api';
import { isStorageProblem } from './vault-api';

/** What to do next; the vault's own message already says what happened. */
const STORAGE_ADVICE: Record<string, string> = {
  'storage-unavailable':
    'Nothing you typed is stored until this is fixed. Open Anteroom in a normal (not private) window, or allow this browser to remember history, then reload this page.',
  quota:
    'Free up disk space on this computer, or download a backup and delete clients you no longer need, then try again.',
};

/**
 * An error from the vault, in its own plain words, next to what the therapist just did. The
 * page also shows storage problems (no storage, full disk) once, large, at the top with what to
 * do (`prominent`), because every later save would fail the same way.
 */
export function ErrorNotice(props: { error: VaultFailure | undefined; testId?: string; prominent?: boolean; onDismiss?: () => void }) {
  const { error, testId, prominent, onDismiss } = props;
  if (!error) return null;
  if (prominent && isStorageProblem(error)) {
    return (
      <div role="alert" class="notes-alert notes-alert-strong" data-testid={testId} data-code={error.code}>
        <p class="notes-alert-title">{error.code === 'quota' ? 'Storage is full' : 'Storage is not available'}</p>
        <p>{error.message}</p>
        <p>{STORAGE_ADVICE[error.code]}</p>
        {onDismiss && (
          <button type="button" onClick={onDismiss}>
            Hide this message
          </button>
        )}
      </div>
    );
  }
  return (
    <div role="alert" class="notes-alert" data-testid={testId} data-code={error.code}>
      {error.message}
    </div>
  );
}
