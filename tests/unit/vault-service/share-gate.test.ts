import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createVaultService } from '@/lib/vault/service/vault-service';
import type { ShareShown } from '@/lib/call/active-shares';
import { AnteroomVaultDb } from '@/lib/vault/store/db';
import { createVaultDbOpener } from '@/lib/vault/store/open-db';
import { createVault, exportBackup, importBackup, lockVault, saveClient, unlockVault, vaultStatus } from '@/lib/vault-client';
import { ask, CONTENT_SCRIPT, PASSPHRASE, routeClientMessages, serve } from './harness';

/**
 * Opening the notes while a screen share runs needs the therapist's yes, and the background is
 * the one that refuses: a page that skips the question gets the refusal, not the key.
 */

let shares: ShareShown[];
beforeEach(() => {
  fakeBrowser.reset();
  routeClientMessages();
  shares = [];
});

function startSharedService(dbName = `share-gate-${crypto.randomUUID()}`) {
  const service = createVaultService({
    openDb: createVaultDbOpener(() => new AnteroomVaultDb(dbName)),
    runningShares: async () => shares,
  });
  return serve(service);
}

const MEET = { title: 'Meet – abc-defg-hij', platform: 'Google Meet' };

async function lockedVault() {
  startSharedService();
  expect(await createVault(PASSPHRASE)).toEqual({ ok: true });
  expect(await lockVault()).toEqual({ ok: true });
}

describe('unlocking while a screen share runs', () => {
  it('is refused without the therapist’s yes, with the question naming the tab and platform', async () => {
    await lockedVault();
    shares = [MEET];
    const refused = await unlockVault(PASSPHRASE);
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'screen-sharing',
        message: 'A screen share is running in tab “Meet – abc-defg-hij” (Google Meet). Anyone watching it could see your notes. Unlock anyway?',
      },
    });
    expect(await vaultStatus()).toMatchObject({ value: { state: 'locked' } });
  });

  it('opens the notes once the therapist says yes', async () => {
    await lockedVault();
    shares = [MEET];
    expect(await unlockVault(PASSPHRASE, true)).toEqual({ ok: true });
    expect(await vaultStatus()).toMatchObject({ value: { state: 'unlocked' } });
  });

  it('asks nothing when no share runs', async () => {
    await lockedVault();
    expect(await unlockVault(PASSPHRASE)).toEqual({ ok: true });
  });

  it('asks before the passphrase is tried: the question costs no attempt and no wait', async () => {
    await lockedVault();
    shares = [MEET];
    for (let i = 0; i < 6; i++) expect(await unlockVault('not the passphrase at all')).toMatchObject({ ok: false, error: { code: 'screen-sharing' } });
    shares = [];
    expect(await unlockVault(PASSPHRASE)).toEqual({ ok: true });
  });

  it('refuses a page that sends the message itself, skipping the question', async () => {
    await lockedVault();
    shares = [MEET];
    const answer = await ask({ type: 'vault:unlock', passphrase: PASSPHRASE });
    expect(answer).toMatchObject({ ok: false, error: { code: 'screen-sharing' } });
    expect(await vaultStatus()).toMatchObject({ value: { state: 'locked' } });
  });

  it('gives a call page’s content script no way to unlock, with or without the yes', async () => {
    await lockedVault();
    expect(await ask({ type: 'vault:unlock', passphrase: PASSPHRASE, whileSharing: true }, CONTENT_SCRIPT)).toBeUndefined();
    expect(await vaultStatus()).toMatchObject({ value: { state: 'locked' } });
  });

  it('accepts only `true` as the yes', async () => {
    await lockedVault();
    shares = [MEET];
    expect(await ask({ type: 'vault:unlock', passphrase: PASSPHRASE, whileSharing: 'yes' })).toBeUndefined();
    expect(await vaultStatus()).toMatchObject({ value: { state: 'locked' } });
  });
});

describe('restoring a backup into an empty vault while a share runs', () => {
  it('is refused too, since the restore opens the notes', async () => {
    startSharedService();
    expect(await createVault(PASSPHRASE)).toEqual({ ok: true });
    expect((await saveClient({ label: 'R.', contactMode: 'video' })).ok).toBe(true);
    const backup = await exportBackup();
    if (!backup.ok) throw new Error('no backup');
    // A second browser profile: a fresh, empty vault.
    fakeBrowser.reset();
    routeClientMessages();
    startSharedService();
    shares = [MEET];
    const refused = await importBackup(backup.value.text, PASSPHRASE, 'replace-empty');
    expect(refused).toMatchObject({ ok: false, error: { code: 'screen-sharing', message: expect.stringMatching(/Stop sharing, then restore the backup\.$/) } });
    expect(await vaultStatus()).toMatchObject({ value: { state: 'none' } });
    expect(await importBackup(backup.value.text, PASSPHRASE, 'replace-empty', true)).toMatchObject({ ok: true });
    expect(await vaultStatus()).toMatchObject({ value: { state: 'unlocked' } });
  });
});
