import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backoffDelayMs, MAX_BACKOFF_MS } from '@/lib/vault/service/backoff';
import { createVault, lockVault, unlockVault } from '@/lib/vault-client';
import { derivationCount } from '../setup/fast-scrypt';
import { OTHER_PASSPHRASE, PASSPHRASE, restartServiceWorker, routeClientMessages, startService } from './harness';

/** Wrong passphrases: nothing changes, and after three the next attempt has to wait. */

describe('the wait after wrong passphrases', () => {
  it.each([
    [1, 0],
    [2, 0],
    [3, 1000],
    [4, 2000],
    [5, 4000],
    [11, 256_000],
    [12, MAX_BACKOFF_MS],
    [40, MAX_BACKOFF_MS],
  ])('after %i failures is %i ms', (failures, wait) => {
    expect(backoffDelayMs(failures)).toBe(wait);
  });
});

describe('unlocking with wrong passphrases', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    routeClientMessages();
    vi.useFakeTimers({ toFake: ['Date'] });
    startService();
    await createVault(PASSPHRASE);
    await lockVault();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says the passphrase is wrong and changes nothing; the third failure starts a 1 s wait', async () => {
    for (const _attempt of [1, 2]) {
      expect(await unlockVault(OTHER_PASSPHRASE)).toEqual({
        ok: false,
        error: { code: 'wrong-passphrase', message: 'That passphrase does not open this vault. Check it and try again; nothing was changed.' },
      });
    }
    expect(await unlockVault(OTHER_PASSPHRASE)).toMatchObject({ ok: false, error: { code: 'wrong-passphrase', retryAfterMs: 1000 } });
  });

  it('refuses to try during the wait, without counting it, and says how long is left', async () => {
    for (const _attempt of [1, 2, 3]) await unlockVault(OTHER_PASSPHRASE);
    vi.setSystemTime(Date.now() + 400);
    const derivationsBefore = derivationCount();
    // Even the right passphrase waits: the wait is about attempts, not about who is typing.
    expect(await unlockVault(PASSPHRASE)).toMatchObject({ ok: false, error: { code: 'backoff', retryAfterMs: 600 } });
    expect(derivationCount()).toBe(derivationsBefore); // no key derivation ran
    vi.setSystemTime(Date.now() + 600);
    expect(await unlockVault(OTHER_PASSPHRASE)).toMatchObject({ error: { code: 'wrong-passphrase', retryAfterMs: 2000 } });
  });

  it('keeps counting when the page is closed and the service worker restarts', async () => {
    for (const _attempt of [1, 2, 3]) await unlockVault(OTHER_PASSPHRASE);
    restartServiceWorker();
    startService();
    expect(await unlockVault(PASSPHRASE)).toMatchObject({ ok: false, error: { code: 'backoff' } });
  });

  it('starts over after the right passphrase', async () => {
    for (const _attempt of [1, 2, 3]) await unlockVault(OTHER_PASSPHRASE);
    vi.setSystemTime(Date.now() + 1000);
    expect(await unlockVault(PASSPHRASE)).toEqual({ ok: true });
    await lockVault();
    expect(await unlockVault(OTHER_PASSPHRASE)).toEqual({ ok: false, error: expect.not.objectContaining({ retryAfterMs: expect.anything() }) });
  });
});
