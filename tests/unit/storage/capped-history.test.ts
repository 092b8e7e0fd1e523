import * as v from 'valibot';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cappedHistory, entriesByHour, withEntry } from '@/lib/storage/capped-history';
import { listOf } from '@/lib/storage/fields';
import { storedItem } from '@/lib/storage/item';

const entry = v.object({ at: v.string(), n: v.number() });
const item = storedItem({ area: 'local', name: 'someHistory', schema: listOf(entry), fallback: (): v.InferOutput<typeof entry>[] => [] });
const at = (hour: number, n: number) => ({ at: new Date(Date.UTC(2025, 2, 3, hour, n)).toISOString(), n });
const utcHour = (date: Date) => date.getUTCHours();

describe('a capped history', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('keeps entries newest last and drops the oldest beyond its cap', async () => {
    const history = cappedHistory(item, 3);
    for (let n = 1; n <= 5; n++) await history.record(at(9, n));
    expect((await history.load()).map((e) => e.n)).toEqual([3, 4, 5]);
    expect(withEntry([1, 2], 3, 2)).toEqual([2, 3]);
  });

  it('keeps the readable part of a damaged store, and appends after it', async () => {
    await fakeBrowser.storage.local.set({ someHistory: [at(9, 1), { at: 'x' }, 'junk', at(9, 2)] });
    const history = cappedHistory(item, 10);
    expect(await history.load()).toEqual([at(9, 1), at(9, 2)]);
    await history.record(at(9, 3));
    expect((await fakeBrowser.storage.local.get('someHistory')).someHistory).toEqual([at(9, 1), at(9, 2), at(9, 3)]);
  });

  it('reads a store that is not a list as empty', async () => {
    await fakeBrowser.storage.local.set({ someHistory: { 0: at(9, 1) } });
    expect(await cappedHistory(item, 10).load()).toEqual([]);
  });

  it('is emptied by clear, and tells a watcher', async () => {
    const history = cappedHistory(item, 10);
    const seen: number[] = [];
    const unwatch = history.watch((list) => seen.push(list.length));
    await history.record(at(9, 1));
    await history.clear();
    unwatch();
    expect(seen).toEqual([1, 0]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('folds entries into the hour they were taken, leaving out unreadable times', () => {
    const byHour = entriesByHour([at(9, 1), at(14, 2), at(9, 3), { at: 'never', n: 4 }], utcHour);
    expect([...byHour.entries()].map(([hour, list]) => [hour, list.map((e) => e.n)])).toEqual([
      [9, [1, 3]],
      [14, [2]],
    ]);
  });
});
