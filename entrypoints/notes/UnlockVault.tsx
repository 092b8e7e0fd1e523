import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { BusyButton } from '@/components/forms/BusyButton';
import { PassphraseField } from '@/components/forms/PassphraseField';
import { focusAfterRender } from '@/components/forms/wiring';
import { messageFor } from '@/lib/error-messages';
import { useBackoff, waitWords } from './backoff';
import { ErrorNotice } from './ErrorNotice';
import { useVault, type VaultFailure } from './vault-api';

/**
 * The locked vault: one passphrase box. A wrong passphrase changes nothing and says so; after
 * repeated failures the vault asks for a pause, and the button stays disabled, with a countdown,
 * until it is over.
 */
export function UnlockVault(props: { notice?: string; onUnlocked: () => void }) {
  const { notice, onUnlocked } = props;
  const api = useVault();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<VaultFailure>();
  const inputRef = useRef<HTMLInputElement>(null);
  // When a pause is over, put the therapist back in the box.
  const refocus = useCallback(() => inputRef.current?.focus(), []);
  const backoff = useBackoff(refocus);
  const waitSeconds = backoff.seconds;

  useEffect(refocus, [refocus]);

  // A screen share is running: the background's question, until the therapist answers it.
  const [shareQuestion, setShareQuestion] = useState<string>();
  const notNowRef = useRef<HTMLButtonElement>(null);
  // The safe answer takes the focus, so Enter does not open the notes on a shared screen. A layout
  // effect: focus moves in the same task the question appears, not after the next paint (which a
  // background tab may delay), so there is no moment with the question shown and nothing focused.
  useLayoutEffect(() => {
    if (shareQuestion) notNowRef.current?.focus();
  }, [shareQuestion]);

  const unlock = async (whileSharing: boolean) => {
    setBusy(true);
    const result = await api.unlockVault(passphrase, whileSharing);
    setBusy(false);
    setShareQuestion(undefined);
    if (result.ok) {
      setPassphrase('');
      onUnlocked();
      return;
    }
    if (result.error.code === 'screen-sharing') {
      setShareQuestion(result.error.message);
      return;
    }
    setError(result.error);
    backoff.noteFailure(result.error);
    if (result.error.code === 'wrong-passphrase' || result.error.code === 'backoff') {
      setPassphrase('');
      focusAfterRender(() => inputRef.current);
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy || waitSeconds > 0) return;
    setError(undefined);
    setShareQuestion(undefined);
    if (!passphrase) {
      setError({ code: 'invalid-input', message: messageFor('unlock-passphrase-missing') });
      inputRef.current?.focus();
      return;
    }
    await unlock(false);
  };

  return (
    <section aria-labelledby="unlock-heading" class="notes-card">
      <h2 id="unlock-heading">Your notes are locked</h2>
      {notice && (
        <p class="notes-info" data-testid="lock-reason">
          {notice}
        </p>
      )}
      <p>Type your passphrase to open them. They stay encrypted on this computer while locked.</p>
      <form noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <PassphraseField
          id="unlock-passphrase"
          name="passphrase"
          label="Passphrase"
          inputRef={inputRef}
          value={passphrase}
          onInput={setPassphrase}
          disabled={busy}
          // The message sits below the share question and the wait; it describes the box all the same.
          describedBy={[error && 'unlock-error']}
          invalid={error?.code === 'wrong-passphrase'}
        />
        {shareQuestion && (
          <div role="alertdialog" class="notes-danger" data-testid="share-question" aria-labelledby="share-question-text">
            <p id="share-question-text">{shareQuestion}</p>
            <div class="notes-actions">
              <button type="button" class="danger" data-testid="unlock-while-sharing" disabled={busy} onClick={() => void unlock(true)}>
                Unlock anyway
              </button>
              <button ref={notNowRef} type="button" data-testid="unlock-not-now" disabled={busy} onClick={() => setShareQuestion(undefined)}>
                Not now
              </button>
            </div>
          </div>
        )}
        <div id="unlock-error">
          <ErrorNotice error={error} />
          {waitSeconds > 0 && (
            <p class="notes-wait" data-testid="unlock-wait">
              {waitWords(waitSeconds)}
            </p>
          )}
        </div>
        <div class="notes-actions">
          <BusyButton type="submit" class="primary" data-testid="unlock" busy={busy} busyText="Unlocking…" disabled={waitSeconds > 0} progress="Unlocking">
            Unlock
          </BusyButton>
        </div>
      </form>
      <p class="notes-aside">
        Forgot your passphrase? It cannot be reset or recovered, by anyone: that is what keeps these notes private.
      </p>
    </section>
  );
}
