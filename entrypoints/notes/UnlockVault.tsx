import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorNotice } from './ErrorNotice';
import { useVault, type VaultFailure } from './vault-api';

/**
 * The locked vault: one passphrase box. A wrong passphrase changes nothing and says so; after
 * repeated failures the vault asks for a pause, and the button stays disabled, with a countdown,
 * until it is over.
 */
export function UnlockVault({ onUnlocked, onRestore }: { onUnlocked: () => void; onRestore: () => void }) {
  const api = useVault();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<VaultFailure>();
  const [waitUntil, setWaitUntil] = useState(0);
  const now = useNow(waitUntil > 0);
  const inputRef = useRef<HTMLInputElement>(null);

  const waitSeconds = waitUntil > now ? Math.ceil((waitUntil - now) / 1000) : 0;

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  // When the pause is over, put the therapist back in the box.
  useEffect(() => {
    if (waitUntil > 0 && waitSeconds === 0) {
      setWaitUntil(0);
      inputRef.current?.focus();
    }
  }, [waitSeconds, waitUntil]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy || waitSeconds > 0) return;
    setError(undefined);
    if (!passphrase) {
      setError({ code: 'invalid-input', message: 'Type your passphrase to open your notes.' });
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    const result = await api.unlockVault(passphrase);
    setBusy(false);
    if (result.ok) {
      setPassphrase('');
      onUnlocked();
      return;
    }
    setError(result.error);
    if (result.error.retryAfterMs && result.error.retryAfterMs > 0) setWaitUntil(Date.now() + result.error.retryAfterMs);
    if (result.error.code === 'wrong-passphrase' || result.error.code === 'backoff') {
      setPassphrase('');
      inputRef.current?.focus();
    }
  };

  return (
    <section aria-labelledby="unlock-heading" class="notes-card">
      <h2 id="unlock-heading">Your notes are locked</h2>
      <p>Type your passphrase to open them. They stay encrypted on this computer while locked.</p>
      <form noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <div class="field">
          <label for="unlock-passphrase">Passphrase</label>
          <input
            ref={inputRef}
            id="unlock-passphrase"
            name="passphrase"
            type="password"
            autoComplete="current-password"
            spellcheck={false}
            value={passphrase}
            disabled={busy}
            aria-invalid={error?.code === 'wrong-passphrase' ? 'true' : undefined}
            aria-describedby={error ? 'unlock-error' : undefined}
            onInput={(event) => setPassphrase(event.currentTarget.value)}
          />
        </div>
        <div id="unlock-error">
          <ErrorNotice error={error} />
          {waitSeconds > 0 && (
            <p class="notes-wait" data-testid="unlock-wait">
              You can try again in {waitSeconds} {waitSeconds === 1 ? 'second' : 'seconds'}.
            </p>
          )}
        </div>
        <div class="notes-actions">
          <button type="submit" class="primary" data-testid="unlock" disabled={busy || waitSeconds > 0}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
          {busy && <progress aria-label="Unlocking" />}
        </div>
      </form>
      <p class="notes-aside">
        Forgot your passphrase? It cannot be reset. If you have an encrypted backup and remember its passphrase,{' '}
        <button type="button" class="link-button" onClick={onRestore} disabled={busy}>
          restore from the backup
        </button>
        .
      </p>
    </section>
  );
}

/** The current time, refreshed every quarter second while `running`: drives a countdown. */
function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}
