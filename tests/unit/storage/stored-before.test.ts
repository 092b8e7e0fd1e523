import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chosenClient } from '@/lib/background/session-recorder';
import { assertMayAttempt } from '@/lib/vault/service/backoff';
import { createAutoLock } from '@/lib/vault/service/auto-lock';
import { KeyCustody } from '@/lib/vault/service/key-custody';
import { isAutoBackupOn, loadLog } from '@/lib/backup-habit/auto-backup-store';
import { readLastBackup } from '@/lib/backup-habit/last-backup';
import { loadCallHistory } from '@/lib/call/history';
import { readShareMap } from '@/lib/call/active-shares';
import { checklistStore } from '@/lib/checklist/persistence';
import { freshState } from '@/lib/checklist/state';
import { isContractSyncOn, loadContract } from '@/lib/contract/storage-item';
import { defaultContract } from '@/lib/contract/schema';
import { loadNetworkHistory } from '@/lib/network/history';
import { loadPreflightResult } from '@/lib/preflight/result';
import { isDismissed, lookOf } from '@/lib/rules/banner-prefs';
import { bannerDismissalsItem, bannerLookItem } from '@/lib/storage/items/banner';
import { checklistRunsItem } from '@/lib/storage/items/checklist';
import { pendingSessionsItem } from '@/lib/storage/items/session';
import { BackoffError } from '@/lib/vault/errors';
import { loadReadiness } from '@/entrypoints/options/readiness-storage';
import before from './fixtures/stored-before-the-storage-module.json';

/**
 * Data that builds before the storage module wrote (the fixture, one value under every key) is
 * read by this build as it was then: no key renamed, no schema stricter than that data.
 */

const now = new Date('2026-12-04T09:00:00.000Z');
const onThisDevice = { ...defaultContract(), sessionMinutes: 45, jurisdiction: 'uk-gdpr' as const };
const fromAnotherComputer = { ...defaultContract(), sessionMinutes: 55, jurisdiction: 'uk-gdpr' as const };
const preparation = { ...freshState(new Date(now.getTime() - 20 * 60_000)), answers: { 'privacy.alone': 'yes' as const } };

async function storeAsBefore() {
  await fakeBrowser.storage.local.set({ ...before.local, contract: onThisDevice, checklistState: preparation });
  await fakeBrowser.storage.sync.set({ ...before.sync, contract: fromAnotherComputer });
  await fakeBrowser.storage.session.set({ ...before.session, checklistState: preparation });
}

const everything = async () => ({
  local: await fakeBrowser.storage.local.get(null),
  sync: await fakeBrowser.storage.sync.get(null),
  session: await fakeBrowser.storage.session.get(null),
});

describe('what earlier builds stored', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await storeAsBefore();
  });

  it('keeps syncing the contract for a therapist who turned syncing on, the newer copy winning', async () => {
    expect(await isContractSyncOn()).toBe(true);
    expect(await loadContract()).toEqual({ value: fromAnotherComputer, resetFields: [], source: 'sync' });
  });

  it('keeps the contract on this device for a therapist who turned syncing off', async () => {
    await fakeBrowser.storage.local.set({ contractSync: false });
    await fakeBrowser.storage.sync.clear();
    expect(await isContractSyncOn()).toBe(false);
    expect(await loadContract()).toEqual({ value: onThisDevice, resetFields: [], source: 'local' });
  });

  it('reads the practice-readiness dates, the checklist and its runs', async () => {
    expect(await loadReadiness()).toMatchObject({ state: before.local.practiceReadiness, resetItems: [] });
    expect(await checklistRunsItem.get()).toEqual(before.local.checklistRuns);
    const session = { get: (key: string) => fakeBrowser.storage.session.get(key), set: (items: Record<string, unknown>) => fakeBrowser.storage.session.set(items) };
    const local = { get: (key: string) => fakeBrowser.storage.local.get(key), set: (items: Record<string, unknown>) => fakeBrowser.storage.local.set(items) };
    expect(await checklistStore({ session, local }).load(now)).toEqual(preparation);
    expect(await checklistStore({ local }).load(now)).toEqual(preparation);
  });

  it('reads the camera check, the connection tests and the calls', async () => {
    expect(await loadPreflightResult()).toEqual(before.local.preflightResult);
    expect(await loadNetworkHistory()).toEqual(before.local.networkHistory);
    expect(await loadCallHistory()).toEqual(before.local.callHistory);
  });

  it('reads the banner’s dismissals and looks', async () => {
    const dismissals = await bannerDismissalsItem.get();
    expect(dismissals).toEqual(before.local.bannerDismissals);
    expect(isDismissed(dismissals, 'zoom', now.getTime())).toBe(true);
    expect(lookOf(await bannerLookItem.get(), 'zoom')).toEqual({ seen: ['caution'], corner: 'bottom-left' });
  });

  it('reads the last backup and the automatic backup’s switch and log', async () => {
    expect(await readLastBackup()).toEqual(before.local.lastBackup);
    expect(await isAutoBackupOn()).toBe(true);
    expect(await loadLog()).toEqual(before.local.autoBackupLog);
  });

  it('finds the unlocked key, the countdown, the back-off, the chosen client, waiting calls and shares in session memory', async () => {
    expect(await new KeyCustody().restore()).toBe(true);
    expect(await createAutoLock(async () => undefined, () => 15).expired(1764838800000 + 60_000)).toBe(false);
    await expect(assertMayAttempt(now.getTime())).rejects.toBeInstanceOf(BackoffError);
    expect(await chosenClient()).toBe('c0ffee');
    expect(await pendingSessionsItem.get()).toEqual(before.session.pendingSessions);
    expect(readShareMap(before.session['call.screenShares'])).toEqual(before.session['call.screenShares']);
  });

  it('writes nothing back while reading it all', async () => {
    const stored = await everything();
    await loadContract();
    await loadReadiness();
    await Promise.all([loadPreflightResult(), loadNetworkHistory(), loadCallHistory(), readLastBackup(), isAutoBackupOn(), loadLog(), chosenClient()]);
    await Promise.all([bannerDismissalsItem.get(), bannerLookItem.get(), checklistRunsItem.get(), pendingSessionsItem.get()]);
    expect(await everything()).toEqual(stored);
  });
});
