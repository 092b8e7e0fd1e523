import { messageFor } from '@/lib/error-messages';
import type { VaultFailure } from './vault-api';
import { isStorageProblem } from './vault-api';

/** The title and what to do next; the vault's own message already says what happened. */
const STORAGE_WORDS = {
  'storage-unavailable': { title: messageFor('storage-unavailable-title'), advice: messageFor('storage-unavailable-advice') },
  quota: { title: messageFor('quota-title'), advice: messageFor('quota-advice') },
};

/**
 * An error from the vault, in its own plain words, next to what the therapist just did. The
 * page also shows storage problems (no storage, full disk) once, large, at the top with what to
 * do (`prominent`), because every later save would fail the same way.
 */
export function ErrorNotice(props: { error: VaultFailure | undefined; id?: string; testId?: string; prominent?: boolean; onDismiss?: () => void }) {
  const { error, id, testId, prominent, onDismiss } = props;
  if (!error) return null;
  if (prominent && isStorageProblem(error)) {
    const words = STORAGE_WORDS[error.code === 'quota' ? 'quota' : 'storage-unavailable'];
    return (
      <div role="alert" class="notes-alert notes-alert-strong" data-testid={testId} data-code={error.code}>
        <p class="notes-alert-title">{words.title}</p>
        <p>{error.message}</p>
        <p>{words.advice}</p>
        {onDismiss && (
          <button type="button" onClick={onDismiss}>
            Hide this message
          </button>
        )}
      </div>
    );
  }
  return (
    <div role="alert" id={id} class="notes-alert" data-testid={testId} data-code={error.code}>
      {error.message}
    </div>
  );
}

/**
 * Whether `error` is about the passphrase box holding `typed`: a wrong passphrase (the box is
 * emptied), or the page's own "type your passphrase" for an empty box. Other refusals (a damaged
 * file, a rule about the new passphrase) are not the box's fault and do not mark it.
 */
export function passphraseRefused(error: VaultFailure | undefined, typed: string): boolean {
  return error?.code === 'wrong-passphrase' || (error?.code === 'invalid-input' && typed === '');
}
