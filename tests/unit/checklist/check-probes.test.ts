import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultContract } from '@/lib/contract/schema';
import { checks } from '@/lib/checklist/checks/index';
import { startMeasuring } from '@/lib/checklist/measure-loop';
import { createStore, type ConnectionTest } from '@/lib/checklist/probe-context';
import { savePreflightResult } from '@/lib/preflight/result';
import type { CheckId, Evaluation } from '@/lib/checklist/types';
import type { TabLike } from '@/lib/checklist/tabs';

/** The registry's own probes and watches, run by the loop against the fake browser. */

const ORIGIN = 'chrome-extension://anteroom/';
const tabs: TabLike[] = [
  { id: 1, windowId: 1, url: 'https://web.whatsapp.com/', active: true },
  { id: 2, windowId: 1, url: 'https://radio.example/', audible: true },
  { id: 3, windowId: 1, url: 'https://news.example/' },
];

function measure(ids: CheckId[]) {
  const reported: Partial<Record<CheckId, Evaluation>> = {};
  const loop = startMeasuring(
    checks.filter((check) => ids.includes(check.id)),
    { contract: { ...defaultContract(), jurisdiction: 'other' }, connectionTest: createStore<ConnectionTest>({}) },
    (id, evaluation) => {
      reported[id] = evaluation;
    },
  );
  return { loop, reported };
}

const until = (condition: () => boolean) => vi.waitFor(() => expect(condition()).toBe(true), { timeout: 5000 });

let stop = () => {};
beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => `${ORIGIN}${path.replace(/^\//, '')}`);
  vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockResolvedValue(undefined as never);
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async () => tabs as never);
});
afterEach(() => stop());

describe('the checklist’s own probes', () => {
  it('reads the tab strip once for its three checks, and mutes the tab the sound item counted', async () => {
    const update = vi.spyOn(fakeBrowser.tabs, 'update').mockResolvedValue({} as never);
    const { loop, reported } = measure(['platform.verdict', 'interruptions.audible-tabs', 'interruptions.other-tabs']);
    stop = loop.stop;
    await until(() => Object.keys(reported).length === 3);
    expect(fakeBrowser.tabs.query).toHaveBeenCalledTimes(2); // this window's tabs and all tabs, once
    expect(reported['platform.verdict']?.status).toBe('fail');
    expect(reported['interruptions.audible-tabs']).toMatchObject({ status: 'warn', action: { id: 'mute-tabs' } });
    expect(reported['interruptions.other-tabs']?.detail).toMatch(/^2 other tabs open/);

    await loop.act('mute-tabs');
    expect(update).toHaveBeenCalledExactlyOnceWith(2, { muted: true });
    expect(fakeBrowser.tabs.query).toHaveBeenCalledTimes(4); // read again after the click
  });

  it('shows all three tab items as unreadable when the tabs cannot be read, and nothing else', async () => {
    vi.mocked(fakeBrowser.tabs.query).mockRejectedValue(new Error('no tabs'));
    const { loop, reported } = measure(['platform.verdict', 'interruptions.audible-tabs', 'interruptions.other-tabs', 'room.lighting']);
    stop = loop.stop;
    await until(() => Object.keys(reported).length === 4);
    for (const id of ['platform.verdict', 'interruptions.audible-tabs', 'interruptions.other-tabs'] as const) {
      expect(reported[id]).toEqual({ status: 'unknown', detail: 'Anteroom could not read your tabs just now.' });
    }
    expect(reported['room.lighting']?.status).toBe('todo');
  });

  it('takes in a camera check that lands while the list is open', async () => {
    const { loop, reported } = measure(['room.lighting']);
    stop = loop.stop;
    await until(() => reported['room.lighting']?.status === 'todo');
    await savePreflightResult({ lighting: 'good', camera: true, microphone: true });
    await until(() => reported['room.lighting']?.status === 'pass');
  });

  it('asks nothing of the downloads API without the permission', async () => {
    const { loop, reported } = measure(['interruptions.downloads']);
    stop = loop.stop;
    await until(() => reported['interruptions.downloads'] !== undefined);
    expect(reported['interruptions.downloads']).toMatchObject({ status: 'unknown', action: { id: 'check-downloads' } });
  });
});
