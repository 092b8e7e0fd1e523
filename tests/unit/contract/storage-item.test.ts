import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storedV1 } from './fixtures';
import { defaultContract, type Contract } from '../../../lib/contract/schema';
import { defineContractItem, loadContract, saveContract, watchContract } from '../../../lib/contract/storage-item';

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

  it('saves to sync and reads the same contract back', async () => {
    const contract: Contract = { ...defaultContract(), sessionMinutes: 45, jurisdiction: 'eu-gdpr' };
    expect(await saveContract(contract)).toEqual({ ok: true, value: contract, area: 'sync' });
    expect((await raw('sync')).value).toEqual(contract);
    expect((await raw('sync')).meta).toMatchObject({ v: 2 });
    expect(await loadContract()).toEqual({ value: contract, resetFields: [], source: 'sync' });
  });

  it('saves nothing when a field is invalid, and says which', async () => {
    const result = await saveContract({ ...defaultContract(), sessionMinutes: 5 });
    expect(result).toEqual({ ok: false, errors: { sessionMinutes: 'Session length must be between 10 and 180 minutes' } });
    expect((await raw('sync')).value).toBeUndefined();
    expect((await raw('local')).value).toBeUndefined();
  });

  it('migrates a version 1 contract stored in sync to version 2 through the storage item', async () => {
    await fakeBrowser.storage.sync.set({ contract: storedV1, contract$: { v: 1 } });
    const loaded = await loadContract();
    expect(loaded.resetFields).toEqual([]);
    expect(loaded.source).toBe('sync');
    expect(loaded.value).toMatchObject({ sessionMinutes: 60, transcriptPolicy: 'Nobody records anything.', jurisdiction: 'uk-gdpr' });
    const stored = await raw('sync');
    expect(stored.meta).toMatchObject({ v: 2 });
    expect(stored.value).toHaveProperty('sessionMinutes', 60);
    expect(stored.value).not.toHaveProperty('sessionLength');
  });

  it('treats a stored contract without version metadata as version 1', async () => {
    await fakeBrowser.storage.sync.set({ contract: storedV1 });
    expect((await loadContract()).value.sessionMinutes).toBe(60);
  });

  it('exposes the same versioned item for direct use', async () => {
    await fakeBrowser.storage.local.set({ contract: storedV1, contract$: { v: 1 } });
    const item = defineContractItem('local');
    expect(await item.getValue()).toHaveProperty('sessionMinutes', 60);
    expect(await item.getMeta()).toMatchObject({ v: 2 });
  });

  it('falls back field by field when the stored contract is partly invalid, naming the reset fields', async () => {
    const stored = { ...defaultContract(), sessionMinutes: 9999, emailResponseHours: 12, networkTestEndpoint: 'ftp://x' };
    await fakeBrowser.storage.sync.set({ contract: stored, contract$: { v: 2 } });
    const loaded = await loadContract();
    expect(loaded.resetFields.sort()).toEqual(['networkTestEndpoint', 'sessionMinutes']);
    expect(loaded.value.sessionMinutes).toBe(50);
    expect(loaded.value.networkTestEndpoint).toBe('');
    expect(loaded.value.emailResponseHours).toBe(12);
  });

  it('does not write anything back while reading a damaged contract', async () => {
    const stored = { ...defaultContract(), sessionMinutes: 9999 };
    await fakeBrowser.storage.sync.set({ contract: stored, contract$: { v: 2 } });
    await loadContract();
    expect((await raw('sync')).value).toEqual(stored);
  });

  it('saves to local storage when sync refuses the write', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(quotaError());
    const contract = { ...defaultContract(), autoLockMinutes: 3 };
    expect(await saveContract(contract)).toEqual({ ok: true, value: contract, area: 'local' });
    expect((await raw('local')).value).toEqual(contract);
    expect(await loadContract()).toMatchObject({ value: contract, source: 'local' });
  });

  it('reads from local storage when sync is not available at all', async () => {
    await fakeBrowser.storage.local.set({ contract: { ...defaultContract(), autoLockMinutes: 7 }, contract$: { v: 2 } });
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('storage.sync is disabled'));
    expect(await loadContract()).toMatchObject({ value: { autoLockMinutes: 7 }, source: 'local' });
  });

  it('prefers the newer copy when an old sync copy and a newer local copy both exist', async () => {
    await saveContract({ ...defaultContract(), autoLockMinutes: 20 }, new Date('2025-01-01T00:00:00Z'));
    const refuse = vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(quotaError());
    await saveContract({ ...defaultContract(), autoLockMinutes: 30 }, new Date('2025-02-01T00:00:00Z'));
    refuse.mockRestore();
    expect(await loadContract()).toMatchObject({ value: { autoLockMinutes: 30 }, source: 'local' });
  });

  it('removes the local copy once sync accepts a save again', async () => {
    const refuse = vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(quotaError());
    await saveContract({ ...defaultContract(), autoLockMinutes: 30 }, new Date('2025-02-01T00:00:00Z'));
    refuse.mockRestore();
    await saveContract({ ...defaultContract(), autoLockMinutes: 40 }, new Date('2025-03-01T00:00:00Z'));
    expect((await raw('local')).value).toBeUndefined();
    expect(await loadContract()).toMatchObject({ value: { autoLockMinutes: 40 }, source: 'sync' });
  });

  it('rejects when neither sync nor local storage can be written', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(quotaError());
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
