import { vaultUnlockBackoffItem } from '@/lib/storage/items/session';
import { BackoffError } from '@/lib/vault/errors';

/**
 * Back-off after wrong passphrases: the first three attempts are free, then each further one
 * waits twice as long, 1 s, 2 s, 4 s … up to 5 minutes (research (a) 7). scrypt already costs
 * ~0.7 s per guess; this stops a script from using the page as a guessing oracle. The count lives
 * in storage.session, so closing and reopening the notes page does not reset it; a browser
 * restart does, like the key itself.
 */

export const FREE_ATTEMPTS = 3;
export const MAX_BACKOFF_MS = 5 * 60 * 1000;

export interface BackoffState {
  failures: number;
  /** ms since epoch before which no attempt is made. */
  retryAt: number;
}

/** Wait before the next attempt after `failures` wrong passphrases in a row. */
export function backoffDelayMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(2 ** (failures - FREE_ATTEMPTS) * 1000, MAX_BACKOFF_MS);
}

/** Rejects when storage.session cannot be read: no attempt is then made, rather than one unchecked. */
const read = (): Promise<BackoffState> => vaultUnlockBackoffItem.get();

/** Throws BackoffError while the wait is running; the attempt is not made and not counted. */
export async function assertMayAttempt(now: number = Date.now()): Promise<void> {
  const { retryAt } = await read();
  if (retryAt > now) throw new BackoffError(retryAt - now);
}

/** Counts a wrong passphrase; returns how long the next attempt must wait (0 if it need not). */
export async function recordFailedAttempt(now: number = Date.now()): Promise<number> {
  const failures = (await read()).failures + 1;
  const wait = backoffDelayMs(failures);
  await vaultUnlockBackoffItem.set({ failures, retryAt: now + wait });
  return wait;
}

export async function clearFailedAttempts(): Promise<void> {
  await vaultUnlockBackoffItem.remove();
}
