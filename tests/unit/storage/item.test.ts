import * as v from 'valibot';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fieldByField, readNoting } from '@/lib/storage/fields';
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

describe('an item read field by field', () => {
  const defaults = { size: 1, name: 'none', box: { width: 2, depth: 3 } };
  const box = { width: v.number(), depth: v.number() };
  const entries = { size: v.number(), name: v.string(), box: v.object(box) };
  const item = () =>
    storedItem({
      area: 'local',
      name: 'fieldThing',
      schema: v.fallback(fieldByField(entries, defaults), () => structuredClone(defaults)),
      fallback: () => null,
    });

  beforeEach(() => {
    fakeBrowser.reset();
  });

  it.each<[string, unknown, unknown, string[]]>([
    ['keeps what is readable', { size: 5, name: 'a', box: { width: 7, depth: 8 } }, { size: 5, name: 'a', box: { width: 7, depth: 8 } }, []],
    ['resets and names an unreadable field', { size: 'big', name: 'a', box: { width: 7, depth: 8 } }, { ...defaults, name: 'a', box: { width: 7, depth: 8 } }, ['size']],
    ['resets and names an unreadable field inside a group', { size: 5, name: 'a', box: { width: 7, depth: null } }, { size: 5, name: 'a', box: { width: 7, depth: 3 } }, ['box.depth']],
    ['names each field of a group that is not an object', { size: 5, box: [7, 8] }, { ...defaults, size: 5 }, ['box.width', 'box.depth']],
    ['fills absent fields quietly and drops extra ones', { size: 5, box: { width: 7, colour: 'red' }, colour: 'red' }, { ...defaults, size: 5, box: { width: 7, depth: 3 } }, []],
    ['reads something that is not an object through the outer fallback, naming nothing', 'text', defaults, []],
  ])('%s', async (_name, stored, value, resets) => {
    await fakeBrowser.storage.local.set({ fieldThing: stored });
    expect(await item().read()).toEqual({ stored, value, resets });
    expect(await item().get()).toEqual(value);
  });

  it('reads nothing stored as its own fallback, not the schema’s', async () => {
    expect(await item().read()).toEqual({ stored: null, value: null, resets: [] });
    expect(item().parse(undefined)).toBeNull();
  });

  it('keeps the notes of a parse inside another apart', () => {
    const inner = readNoting(() => item().parse({ name: 1 }));
    const outer = readNoting(() => [item().parse({ size: 'x' }), readNoting(() => item().parse({ name: 1 })), item().parse({ box: 1 })]);
    expect(inner.resets).toEqual(['name']);
    expect(outer.resets).toEqual(['size', 'box.width', 'box.depth']);
    expect(outer.value[1]).toMatchObject({ resets: ['name'] });
  });
});
