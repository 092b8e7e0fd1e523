import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { changePassphrase, createVault, lockVault, unlockVault, vaultStatus } from '@/lib/vault-client';
import { ask, PASSPHRASE, routeClientMessages, startService } from './harness';

/**
 * The strength rule held by the background itself: a page that skips its own check, or sends
 * the request by hand, still cannot set a weak passphrase without saying it accepts one.
 */

const WEAK = 'aaaaaaaaaaaaaaaa';

beforeEach(() => {
  fakeBrowser.reset();
  routeClientMessages();
});

describe('a new vault’s passphrase', () => {
  it('refuses sixteen a’s sent without the acceptance, with zxcvbn’s reason, and creates nothing', async () => {
    startService();
    const answer = await ask({ type: 'vault:create', passphrase: WEAK });
    expect(answer).toMatchObject({ ok: false, error: { code: 'weak-passphrase', message: expect.stringMatching(/easy to guess.*Repeated characters/) } });
    expect(JSON.stringify(answer)).not.toContain(WEAK);
    expect(await ask({ type: 'vault:create', passphrase: WEAK, acceptWeak: false })).toMatchObject({ ok: false, error: { code: 'weak-passphrase' } });
    expect(await vaultStatus()).toMatchObject({ ok: true, value: { state: 'none' } });
  });

  it('takes a flag that is exactly true or false, nothing else', async () => {
    startService();
    expect(await ask({ type: 'vault:create', passphrase: WEAK, acceptWeak: 'yes' })).toBeUndefined();
    expect(await ask({ type: 'vault:create', passphrase: WEAK, acceptWeak: 1 })).toBeUndefined();
    expect(await vaultStatus()).toMatchObject({ ok: true, value: { state: 'none' } });
  });

  it('keeps the length rule first: a short passphrase is too short even when accepted', async () => {
    startService();
    expect(await createVault('aaaa', true)).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('at least 16') } });
  });

  it('creates the vault with a weak passphrase once the therapist accepts it', async () => {
    startService();
    expect(await createVault(WEAK, true)).toEqual({ ok: true });
    expect(await vaultStatus()).toMatchObject({ ok: true, value: { state: 'unlocked' } });
  }, 60_000);
});

describe('changing to a new passphrase', () => {
  it('refuses a weak one before trying the current one, then takes it when accepted', async () => {
    startService();
    expect(await createVault(PASSPHRASE)).toEqual({ ok: true });
    // A wrong current passphrase is not even tried: the weak new one is refused first, no attempt counted.
    expect(await changePassphrase('not the current passphrase', WEAK)).toMatchObject({ ok: false, error: { code: 'weak-passphrase' } });
    expect(await changePassphrase(PASSPHRASE, WEAK)).toMatchObject({ ok: false, error: { code: 'weak-passphrase' } });
    expect(await changePassphrase(PASSPHRASE, WEAK, true)).toMatchObject({ ok: true });
    expect(await lockVault()).toEqual({ ok: true });
    expect(await unlockVault(WEAK)).toEqual({ ok: true });
  }, 90_000);
});
