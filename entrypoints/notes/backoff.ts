import { useCallback, useEffect, useState } from 'preact/hooks';
import type { VaultFailure } from './vault-api';

/**
 * After repeated wrong passphrases the vault asks for a pause (retryAfterMs). This keeps the
 * end of that pause and counts down to it, so the page can disable its button and say how long.
 */
export function useBackoff(onOver?: () => void) {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (until === 0) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [until]);

  const seconds = until > now ? Math.ceil((until - now) / 1000) : 0;

  useEffect(() => {
    if (until > 0 && seconds === 0) {
      setUntil(0);
      onOver?.();
    }
  }, [seconds, until, onOver]);

  /** Starts the pause when the vault asked for one. */
  const noteFailure = useCallback((error: VaultFailure) => {
    if (error.retryAfterMs && error.retryAfterMs > 0) setUntil(Date.now() + error.retryAfterMs);
  }, []);

  return { seconds, waiting: seconds > 0, noteFailure };
}

export function waitWords(seconds: number): string {
  return `You can try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`;
}
