import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storedV1 } from './fixtures';
import { defaultContract, type Contract } from '../../../lib/contract/schema';
import { contractItems } from '../../../lib/storage/items/contract';
import { isContractSyncOn, loadContract, saveContract, setContractSync, watchContract } from '../../../lib/contract/storage-item';

const quotaError = () => new Error('QUOTA_BYTES_PER_ITEM quota exceeded');

async function raw(area: 'sync' | 'local') {
  const all = await fakeBrowser.storage[area].get(['contract', 'contract$']);
  return { value: all.contract as unknown, meta: all.contract$ as Record<string, unknown> | undefined };
}

describe('contract storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('gives the defaults, with nothing reset, before anything is saved', async () => {
    expect(await loadContract()).toEqual({ value: defaultContract(), resetFields: [], source: 'defaults' });
  });

  it('saves on this device only, and reads the same contract back', async () => {
    const contract: Contract = { ...defaultContract(), sessionMinutes: 45, jurisdiction: 'eu-gdpr' };
    expect(await saveContract(contract)).toEqual({ ok: true, value: contract, syncRefused: false });
    expect((await raw('local')).value).toEqual(contract);
    expect((await raw('local')).meta).toMatchObject({ v: 2 });
    expect((await raw('sync')).value).toBeUndefined();
    expect(await loadContract()).toEqual({ value: contract, resetFields: [], source: 'local' });
  });

  it('saves nothing when a field is invalid, and says which', async () => {
    const result = await saveContract({ ...defaultContract(), sessionMinutes: 5 });
    expect(result).toEqual({ ok: false, errors: { sessionMinutes: 'Session length must be between 10 and 180 minutes' } });
    expect((await raw('sync')).value).toBeUndefined();
    expect((await raw('local')).value).toBeUndefined();
  });

  it('moves a contract an earlier version kept in sync onto this device, and removes it from sync', async () => {
    const synced = { ...defaultContract(), sessionMinutes: 55 };
    await fakeBrowser.storage.sync.set({ contract: synced, contract$: { v: 2, savedAt: '2025-05-01T00:00:00.000Z' } });
    expect(await loadContract()).toMatchObject({ value: { sessionMinutes: 55 }, source: 'local' });
    expect((await raw('local')).value).toEqual(synced);
    expect((await raw('sync')).value).toBeUndefined();
    expect((await raw('sync')).meta).toBeUndefined();
    expect(await isContractSyncOn()).toBe(false);
  });

  it('keeps a newer copy on this device over an older one found in sync', async () => {
    await fakeBrowser.storage.sync.set({ contract: { ...defaultContract(), sessionMinutes: 55 }, contract$: { v: 2, savedAt: '2025-01-01T00:00:00.000Z' } });
    await fakeBrowser.storage.local.set({ contract: { ...defaultContract(), sessionMinutes: 65 }, contract$: { v: 2, savedAt: '2025-06-01T00:00:00.000Z' } });
    expect(await loadContract()).toMatchObject({ value: { sessionMinutes: 65 }, source: 'local' });
    expect((await raw('sync')).value).toBeUndefined();
  });

  it('moves a version 1 contract out of sync, migrated to version 2', async () => {
    await fakeBrowser.storage.sync.set({ contract: storedV1, contract$: { v: 1 } });
    const loaded = await loadContract();
    expect(loaded.resetFields).toEqual([]);
    expect(loaded.source).toBe('local');
    expect(loaded.value).toMatchObject({ sessionMinutes: 60, transcriptPolicy: 'Nobody records anything.', jurisdiction: 'uk-gdpr' });
    const stored = await raw('local');
    expect(stored.meta).toMatchObject({ v: 2 });
    expect(stored.value).toHaveProperty('sessionMinutes', 60);
    expect(stored.value).not.toHaveProperty('sessionLength');
  });

  it('treats a stored contract without version metadata as version 1', async () => {
    await fakeBrowser.storage.local.set({ contract: storedV1 });
    expect((await loadContract()).value.sessionMinutes).toBe(60);
  });

  it('exposes the same versioned item for direct use', async () => {
    await fakeBrowser.storage.local.set({ contract: storedV1, contract$: { v: 1 } });
    const item = contractItems.local;
    expect(await item.get()).toHaveProperty('sessionMinutes', 60);
    expect(await item.meta()).toMatchObject({ v: 2 });
  });

  it('falls back field by field when the stored contract is partly invalid, naming the reset fields', async () => {
    const stored = { ...defaultContract(), sessionMinutes: 9999, emailResponseHours: 12, networkTestEndpoint: 'ftp://x' };
    await fakeBrowser.storage.local.set({ contract: stored, contract$: { v: 2 } });
    const loaded = await loadContract();
    expect(loaded.resetFields.sort()).toEqual(['networkTestEndpoint', 'sessionMinutes']);
    expect(loaded.value.sessionMinutes).toBe(50);
    expect(loaded.value.networkTestEndpoint).toBe('');
    expect(loaded.value.emailResponseHours).toBe(12);
  });

  it('does not write anything back while reading a damaged contract', async () => {
    const stored = { ...defaultContract(), sessionMinutes: 9999 };
    await fakeBrowser.storage.local.set({ contract: stored, contract$: { v: 2 } });
    await loadContract();
    expect((await raw('local')).value).toEqual(stored);
  });

  it('with sync chosen, writes a sync copy now and with every save', async () => {
    await saveContract({ ...defaultContract(), autoLockMinutes: 20 });
    await setContractSync(true);
    expect((await raw('sync')).value).toMatchObject({ autoLockMinutes: 20 });
    await saveContract({ ...defaultContract(), autoLockMinutes: 25 });
    expect((await raw('sync')).value).toMatchObject({ autoLockMinutes: 25 });
    expect((await raw('local')).value).toMatchObject({ autoLockMinutes: 25 });
  });

  it('with sync chosen, a newer copy from another computer wins', async () => {
    await saveContract({ ...defaultContract(), autoLockMinutes: 20 }, new Date('2025-01-01T00:00:00Z'));
    await setContractSync(true);
    await fakeBrowser.storage.sync.set({ contract: { ...defaultContract(), autoLockMinutes: 35 }, contract$: { v: 2, savedAt: '2025-04-01T00:00:00.000Z' } });
    expect(await loadContract()).toMatchObject({ value: { autoLockMinutes: 35 }, source: 'sync' });
  });

  it('turning sync off removes the copy from sync', async () => {
    await saveContract({ ...defaultContract(), autoLockMinutes: 20 });
    await setContractSync(true);
    await setContractSync(false);
    expect((await raw('sync')).value).toBeUndefined();
    await saveContract({ ...defaultContract(), autoLockMinutes: 30 });
    expect((await raw('sync')).value).toBeUndefined();
  });

  it('saves on this device and says so when sync refuses the copy', async () => {
    await setContractSync(true);
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(quotaError());
    const contract = { ...defaultContract(), autoLockMinutes: 3 };
    expect(await saveContract(contract)).toEqual({ ok: true, value: contract, syncRefused: true });
    expect((await raw('local')).value).toEqual(contract);
    expect(await loadContract()).toMatchObject({ value: contract });
  });

  it('reads from local storage when sync is not available at all', async () => {
    await fakeBrowser.storage.local.set({ contract: { ...defaultContract(), autoLockMinutes: 7 }, contract$: { v: 2 } });
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('storage.sync is disabled'));
    expect(await loadContract()).toMatchObject({ value: { autoLockMinutes: 7 }, source: 'local' });
  });

  it('rejects, saving nothing, when local storage refuses the write', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('disk full'));
    await expect(saveContract(defaultContract())).rejects.toThrow('disk full');
  });

  it('tells watchers about a saved change', async () => {
    const seen = new Promise<number>((resolve) => {
      const unwatch = watchContract((loaded) => {
        unwatch();
        resolve(loaded.value.sessionMinutes);
      });
    });
    await saveContract({ ...defaultContract(), sessionMinutes: 75 });
    expect(await seen).toBe(75);
  });
});

describe('which copy is newer, by the save time kept beside each', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it.each<[string, unknown, unknown, 'local' | 'sync']>([
    ['both times readable, this device’s newer', { v: 2, savedAt: '2025-06-01T00:00:00.000Z' }, { v: 2, savedAt: '2025-01-01T00:00:00.000Z' }, 'local'],
    ['both times readable, the synced one newer', { v: 2, savedAt: '2025-01-01T00:00:00.000Z' }, { v: 2, savedAt: '2025-06-01T00:00:00.000Z' }, 'sync'],
    ['a synced time that is no time counts as the oldest', { v: 2, savedAt: '2025-01-01' }, { v: 2, savedAt: 'yesterday' }, 'local'],
    ['a time stored as a number counts as the oldest', { v: 2, savedAt: 1_764_836_400_000 }, { v: 2, savedAt: '2025-01-01T00:00:00.000Z' }, 'sync'],
    ['no time on either: the synced copy wins the tie', { v: 2 }, { v: 2 }, 'sync'],
    ['metadata stored as a list counts as no time', ['2030-01-01'], { v: 2, savedAt: '2025-01-01T00:00:00.000Z' }, 'sync'],
    ['metadata stored as text counts as no time', '2030-01-01', { v: 2, savedAt: '2025-01-01T00:00:00.000Z' }, 'sync'],
  ])('%s', async (_name, localMeta, syncMeta, winner) => {
    await fakeBrowser.storage.local.set({ contractSync: true, contract: { ...defaultContract(), sessionMinutes: 65 }, contract$: localMeta });
    await fakeBrowser.storage.sync.set({ contract: { ...defaultContract(), sessionMinutes: 55 }, contract$: syncMeta });
    expect(await loadContract()).toMatchObject({ source: winner, value: { sessionMinutes: winner === 'local' ? 65 : 55 } });
  });
});
