import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createVaultService } from '@/lib/vault/service/vault-service';
import { autoLockHelp, autoLockSignals } from '@/lib/vault/lifecycle/auto-lock-signals';
import { AnteroomVaultDb } from '@/lib/vault/store/db';
import { createVaultDbOpener } from '@/lib/vault/store/open-db';
import { createVault, onVaultLocked, vaultStatus } from '@/lib/vault-client';
import { PASSPHRASE, routeClientMessages, serve } from './harness';

describe('what each browser lets the auto-lock notice', () => {
  it.each([
    ['chrome', 15, { screenLock: true, lastWindowClosed: true }],
    ['firefox', 15, { screenLock: false, computerIdleSeconds: 300, lastWindowClosed: true }],
    ['firefox', 2, { screenLock: false, computerIdleSeconds: 120, lastWindowClosed: true }],
  ] as const)('%s, auto-lock after %i minutes', (browser, minutes, expected) => {
    expect(autoLockSignals(browser, minutes)).toEqual(expected);
  });

  it('the options page says the same for each browser', () => {
    expect(autoLockHelp('chrome')).toMatch(/screen locks, and the notes lock at once/);
    expect(autoLockHelp('chrome')).toMatch(/does not say when the computer goes to sleep/);
    expect(autoLockHelp('firefox')).toMatch(/Firefox does not tell extensions when your screen locks or your computer sleeps/);
    expect(autoLockHelp('firefox')).toMatch(/5 minutes \(or this setting, if shorter\) with no keyboard or mouse use/);
    for (const browser of ['chrome', 'firefox'] as const) expect(autoLockHelp(browser)).toMatch(/close the last browser window/);
  });
});

describe('the auto-lock’s browser signals', () => {
  let idle: ((state: string) => void)[];
  let threshold: ReturnType<typeof vi.fn>;
  let openWindows: number;
  beforeEach(() => {
    fakeBrowser.reset();
    routeClientMessages();
    idle = [];
    vi.spyOn(fakeBrowser.idle.onStateChanged, 'addListener').mockImplementation((listener) => void idle.push(listener as (state: string) => void));
    threshold = vi.fn();
    Object.assign(fakeBrowser.idle, { setDetectionInterval: threshold });
    openWindows = 1;
    vi.spyOn(fakeBrowser.windows, 'getAll').mockImplementation(async () => Array.from({ length: openWindows }, (_, id) => ({ id }) as never));
  });

  async function unlocked(browserFamily: 'chrome' | 'firefox') {
    const dbName = `auto-lock-${crypto.randomUUID()}`;
    serve(createVaultService({ openDb: createVaultDbOpener(() => new AnteroomVaultDb(dbName)), browserFamily }));
    expect(await createVault(PASSPHRASE)).toEqual({ ok: true });
    const heard = vi.fn();
    onVaultLocked(heard);
    return heard;
  }

  it('Firefox: locks after minutes with no input anywhere on the computer, its stand-in for the screen lock', async () => {
    const heard = await unlocked('firefox');
    expect(threshold).toHaveBeenCalledWith(300);
    idle.forEach((listener) => listener('idle'));
    await vi.waitFor(() => expect(heard).toHaveBeenCalledWith('computer-idle'));
    expect(await vaultStatus()).toMatchObject({ value: { state: 'locked' } });
  });

  it('Chrome: the computer being idle is not a reason to lock (the screen lock is)', async () => {
    await unlocked('chrome');
    expect(threshold).not.toHaveBeenCalled();
    idle.forEach((listener) => listener('idle'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await vaultStatus()).toMatchObject({ value: { state: 'unlocked' } });
  });

  it.each(['chrome', 'firefox'] as const)('%s: locks when the last browser window closes, not before', async (browser) => {
    const heard = await unlocked(browser);
    openWindows = 1;
    await fakeBrowser.windows.onRemoved.trigger(2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await vaultStatus()).toMatchObject({ value: { state: 'unlocked' } });
    openWindows = 0;
    await fakeBrowser.windows.onRemoved.trigger(1);
    await vi.waitFor(() => expect(heard).toHaveBeenCalledWith('windows-closed'));
    expect(await vaultStatus()).toMatchObject({ value: { state: 'locked' } });
  });
});
