import * as v from 'valibot';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storedItem } from '@/lib/storage/item';

const plain = () => storedItem({ area: 'local', name: 'plainThing', schema: v.object({ n: v.number() }), fallback: () => ({ n: 0 }) });

/** v1 stored `{ count }`; v2 renamed it to `{ total }`. */
const renamed = (step: (stored: unknown) => unknown = (stored) => ({ total: (stored as { count: number }).count })) =>
  storedItem({ area: 'local', name: 'versionedThing', schema: v.object({ total: v.number() }), fallback: () => null, version: 2, migrations: { 2: step } });

describe('a stored item', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('reads its default when nothing is stored', async () => {
    expect(await plain().get()).toEqual({ n: 0 });
  });

  it.each([['text'], [42], [[1, 2]], [{ n: 'one' }], [{}]])('reads a stored %j that does not fit its schema as its default, without throwing', async (stored) => {
    await fakeBrowser.storage.local.set({ plainThing: stored });
    await expect(plain().get()).resolves.toEqual({ n: 0 });
  });

  it('reads back what it wrote, under its own key and nothing else', async () => {
    await plain().set({ n: 3 });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ plainThing: { n: 3 } });
    expect(await plain().get()).toEqual({ n: 3 });
  });

  it('calls a watcher with each new value through its schema', async () => {
    const seen: unknown[] = [];
    const unwatch = plain().watch((value) => seen.push(value));
    await fakeBrowser.storage.local.set({ plainThing: { n: 5 } });
    await fakeBrowser.storage.local.set({ plainThing: 'broken' });
    unwatch();
    await fakeBrowser.storage.local.set({ plainThing: { n: 6 } });
    expect(seen).toEqual([{ n: 5 }, { n: 0 }]);
  });

  it('brings a version 1 value to version 2 and stores it so, once', async () => {
    await fakeBrowser.storage.local.set({ versionedThing: { count: 7 } });
    const step = vi.fn((stored: unknown) => ({ total: (stored as { count: number }).count }));
    expect(await renamed(step).get()).toEqual({ total: 7 });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ versionedThing: { total: 7 }, versionedThing$: { v: 2 } });
    expect(await renamed(step).get()).toEqual({ total: 7 });
    expect(step).toHaveBeenCalledTimes(1);
  });

  it('writes its version with the value, so the value is not migrated again', async () => {
    await renamed().set({ total: 1 }, { savedAt: 'then' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ versionedThing: { total: 1 }, versionedThing$: { v: 2, savedAt: 'then' } });
    expect(await renamed().meta()).toEqual({ v: 2, savedAt: 'then' });
    expect(await renamed().get()).toEqual({ total: 1 });
  });

  it('reads its default, without throwing, when a migration step fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({ versionedThing: { count: 7 } });
    const failing = renamed(() => {
      throw new Error('step failed');
    });
    await expect(failing.get()).resolves.toBeNull();
    // Nothing is lost: the old value stays for a build that can read it.
    expect((await fakeBrowser.storage.local.get('versionedThing')).versionedThing).toEqual({ count: 7 });
  });

  it('reads its default, without throwing, when a newer build stored it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({ versionedThing: { sum: 7 }, versionedThing$: { v: 3 } });
    await expect(renamed().get()).resolves.toBeNull();
  });

  it('removes its value and version together', async () => {
    await renamed().set({ total: 1 });
    await renamed().remove();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('migrates a value read elsewhere (a settings file) with the same steps, and refuses unknown versions', () => {
    expect(renamed().migrate({ count: 2 }, 1)).toEqual({ total: 2 });
    expect(renamed().migrate({ total: 2 }, 2)).toEqual({ total: 2 });
    expect(() => renamed().migrate({}, 3)).toThrow(/newer than this Anteroom understands/);
    expect(() => renamed().migrate({}, 0)).toThrow(RangeError);
  });

  it('cannot be declared at a version it has no migration to', () => {
    expect(() => storedItem({ area: 'local', name: 'x', schema: v.number(), fallback: () => 0, version: 2 })).toThrow(/no migration to version 2/);
  });
});
