import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AUTO_LOCK_ALARM } from '@/lib/vault/service/auto-lock';
import { SearchCache } from '@/lib/vault/service/search-cache';
import { KeyCustody, SESSION_DEK_KEY } from '@/lib/vault/service/key-custody';
import { lockVault as lockFromBackground, startVaultService } from '@/lib/vault/service/vault-service';
import { createVault, exportBackup, importBackup, listClients, lockVault, onVaultLocked, saveClient, saveNote, searchNotes, unlockVault, vaultStatus } from '@/lib/vault-client';
import { VaultLockedError } from '@/lib/vault/errors';
import { ask, PASSPHRASE, restartBrowser, restartServiceWorker, routeClientMessages, startService } from './harness';

/**
 * Locking: by hand, on a screen share, after inactivity, when the screen locks, on a browser
 * restart; and not on a service-worker restart. Each test creates a vault.
 */

beforeEach(() => {
  fakeBrowser.reset();
  routeClientMessages();
});
afterEach(() => {
  vi.useRealTimers();
});

async function unlockedVault() {
  const started = startService();
  expect(await createVault(PASSPHRASE)).toEqual({ ok: true });
  expect((await vaultStatus()).ok && (await vaultStatus())).toMatchObject({ value: { state: 'unlocked' } });
  return started;
}

async function sessionStorage() {
  return fakeBrowser.storage.session.get(null);
}

async function expectLocked() {
  expect(await vaultStatus()).toMatchObject({ ok: true, value: { state: 'locked' } });
  expect(await listClients()).toMatchObject({ ok: false, error: { code: 'locked' } });
  expect(await sessionStorage()).not.toHaveProperty(SESSION_DEK_KEY);
}

describe('decrypted notes kept for search', () => {
  it('are dropped from memory by a lock, not only marked stale', async () => {
    const cache = new SearchCache();
    startService(undefined, cache);
    expect(await createVault(PASSPHRASE)).toEqual({ ok: true });
    const client = await saveClient({ label: 'A.B.', contactMode: 'video' });
    if (!client.ok) throw new Error('client not saved');
    expect((await saveNote({ clientId: client.value.id, body: 'harbour dream', tags: [] })).ok).toBe(true);
    expect(await searchNotes('harbour')).toMatchObject({ ok: true, value: [expect.objectContaining({ body: 'harbour dream' })] });
    expect(cache.held).toBe(true);
    await lockVault();
    expect(cache.held).toBe(false);
  });
});

describe('the key while unlocked', () => {
  it('is in storage.session and nowhere in storage.local', async () => {
    await unlockedVault();
    expect(typeof (await sessionStorage())[SESSION_DEK_KEY]).toBe('string');
    // Only the contract's "sync it?" choice, recorded when the contract is first read.
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ contractSync: false });
  });
});

describe('locking', () => {
  it('by the lock button wipes the key from memory and storage.session, and tells open pages', async () => {
    await unlockedVault();
    const heard = vi.fn();
    onVaultLocked(heard);
    expect(await lockVault()).toEqual({ ok: true });
    expect(heard).toHaveBeenCalledWith('user');
    await expectLocked();
  });

  it('overwrites the key bytes it held (best effort: strings and engine copies are out of reach)', async () => {
    const custody = new KeyCustody();
    const dek = crypto.getRandomValues(new Uint8Array(32));
    await custody.hold(dek, custody.generation);
    await custody.wipe();
    expect([...dek].every((byte) => byte === 0)).toBe(true);
    expect(() => custody.use(() => 1)).toThrow(VaultLockedError);
  });

  it('when a screen share starts (message from a page, or lockVault from the background)', async () => {
    await unlockedVault();
    expect(await ask({ type: 'vault:lock', reason: 'screen-share' })).toEqual({ ok: true });
    await expectLocked();
  });

  it('through the exported lockVault(reason) the in-call feature calls', async () => {
    fakeBrowser.runtime.onMessage.removeAllListeners();
    startVaultService();
    const heard = vi.fn();
    onVaultLocked(heard);
    await lockFromBackground('screen-share');
    expect(heard).toHaveBeenCalledWith('screen-share');
  });

  it('when the operating system locks the screen', async () => {
    const { idle } = await unlockedVault();
    idle.forEach((listener) => listener('idle'));
    expect(await vaultStatus()).toMatchObject({ value: { state: 'unlocked' } });
    idle.forEach((listener) => listener('locked'));
    await vi.waitFor(async () => expect(await sessionStorage()).not.toHaveProperty(SESSION_DEK_KEY));
    await expectLocked();
  });

  it('a status check from another page while the key is being taken does not lock it (the countdown starts first)', async () => {
    startService();
    // Hold the key's write to storage.session open, as a busy browser might.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const atGate = new Promise<void>((resolve) => (reached = resolve));
    const set = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementation(async (items) => {
      if (SESSION_DEK_KEY in (items as object)) {
        reached();
        await gate;
      }
      return set(items);
    });
    const creating = createVault(PASSPHRASE);
    await atGate;
    // The checklist popup asks for the state just then.
    expect(await vaultStatus()).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    release();
    expect(await creating).toEqual({ ok: true });
    expect(await listClients()).toEqual({ ok: true, value: [] });
  });

  it('a lock that arrives during an unlock wins: the key is not kept', async () => {
    startService();
    await createVault(PASSPHRASE);
    await lockVault();
    const unlocking = unlockVault(PASSPHRASE);
    await lockVault(); // e.g. a screen share starting while scrypt runs
    expect(await unlocking).toMatchObject({ ok: false, error: { code: 'locked' } });
    await expectLocked();
  });
});

describe('auto-lock after inactivity', () => {
  it('sets a browser alarm for autoLockMinutes after the last vault operation', async () => {
    await unlockedVault();
    const alarm = await fakeBrowser.alarms.get(AUTO_LOCK_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(alarm?.scheduledTime).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
  });

  it('locks when the alarm fires after 15 quiet minutes', async () => {
    await unlockedVault();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 15 * 60_000 + 1);
    await fakeBrowser.alarms.onAlarm.trigger({ name: AUTO_LOCK_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(async () => expect(await sessionStorage()).not.toHaveProperty(SESSION_DEK_KEY));
    await expectLocked();
  });

  it('does not lock on an alarm that activity has since overtaken: it waits for the new deadline', async () => {
    await unlockedVault();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 10 * 60_000);
    await listClients(); // activity at minute 10
    await fakeBrowser.alarms.onAlarm.trigger({ name: AUTO_LOCK_ALARM, scheduledTime: Date.now() });
    expect(await vaultStatus()).toMatchObject({ value: { state: 'unlocked' } });
  });

  it('locks on the next request if the alarm never came (a sleeping laptop, an unloaded event page)', async () => {
    await unlockedVault();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 16 * 60_000);
    expect(await listClients()).toMatchObject({ ok: false, error: { code: 'locked' } });
    await expectLocked();
  });

  it('refuses to replace the vault with a backup once the inactivity window has passed, though the key is still held', async () => {
    await unlockedVault();
    expect(await saveClient({ label: 'A.B.', contactMode: 'video' })).toMatchObject({ ok: true });
    const exported = await exportBackup();
    if (!exported.ok) throw new Error(exported.error.message);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 16 * 60_000);
    // No alarm came: the key is still in storage.session, only the countdown has run out.
    expect(await sessionStorage()).toHaveProperty(SESSION_DEK_KEY);
    expect(await importBackup(exported.value.text, PASSPHRASE, 'replace')).toMatchObject({ ok: false, error: { code: 'locked' } });
    await expectLocked();
  });

  it('uses the contract’s autoLockMinutes', async () => {
    await fakeBrowser.storage.sync.set({ contract: { autoLockMinutes: 5 }, contract$: { v: 2 } });
    await unlockedVault();
    expect(await vaultStatus()).toMatchObject({ value: { autoLockMinutes: 5 } });
    const alarm = await fakeBrowser.alarms.get(AUTO_LOCK_ALARM);
    expect(alarm?.scheduledTime).toBeLessThanOrEqual(Date.now() + 5 * 60_000);
  });
});

describe('restarts', () => {
  it('a service-worker restart keeps the vault unlocked (the key comes back from storage.session)', async () => {
    const { dbName } = await unlockedVault();
    await saveClient({ label: 'A.B.', contactMode: 'video' });
    restartServiceWorker();
    startService(dbName);
    expect(await vaultStatus()).toMatchObject({ value: { state: 'unlocked' } });
    expect(await listClients()).toMatchObject({ ok: true, value: [expect.objectContaining({ label: 'A.B.' })] });
  });

  it('a browser restart locks it: storage.session is gone and nothing else kept the key', async () => {
    const { dbName } = await unlockedVault();
    await restartBrowser();
    startService(dbName);
    await expectLocked();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ contractSync: false });
  });
});
