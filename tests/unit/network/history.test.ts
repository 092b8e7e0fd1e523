import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  NETWORK_HISTORY_CAP,
  clearNetworkHistory,
  loadNetworkHistory,
  recordNetworkSample,
  toSample,
  withSample,
  type NetworkSample,
} from '@/lib/network/history';

const sample = (minute: number): NetworkSample => ({
  at: new Date(Date.UTC(2025, 2, 3, 9, minute)).toISOString(),
  downMbps: 10,
  upMbps: 2,
  latencyMs: 30,
  jitterMs: 4,
});

describe('the connection history', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps a time and four numbers, nothing else', () => {
    const result = { ok: true, downMbps: 1, upMbps: 2, latencyMs: 3, jitterMs: 4, endpoint: 'https://x.example' };
    expect(toSample(result, new Date('2025-03-03T09:00:00Z'))).toEqual({
      at: '2025-03-03T09:00:00.000Z',
      downMbps: 1,
      upMbps: 2,
      latencyMs: 3,
      jitterMs: 4,
    });
  });

  it('drops the oldest samples beyond its cap', () => {
    const full = Array.from({ length: NETWORK_HISTORY_CAP }, (_, i) => sample(i % 60));
    const next = withSample(full, sample(59));
    expect(next).toHaveLength(NETWORK_HISTORY_CAP);
    expect(next[0]).toBe(full[1]);
    expect(withSample([sample(1), sample(2), sample(3)], sample(4), 2)).toEqual([sample(3), sample(4)]);
  });

  it('drops entries it cannot read', () => {
    expect(withSample([null, { at: 'x' }, { ...sample(1), downMbps: '5' }, sample(2)], sample(3))).toEqual([sample(2), sample(3)]);
  });

  it('is stored in storage.local under networkHistory, newest last', async () => {
    await recordNetworkSample(sample(1));
    await recordNetworkSample(sample(2));
    expect((await fakeBrowser.storage.local.get('networkHistory')).networkHistory).toEqual([sample(1), sample(2)]);
    expect(await loadNetworkHistory()).toEqual([sample(1), sample(2)]);
  });

  it('reads a damaged store as empty or as its readable part', async () => {
    await fakeBrowser.storage.local.set({ networkHistory: 'garbage' });
    expect(await loadNetworkHistory()).toEqual([]);
    await fakeBrowser.storage.local.set({ networkHistory: [sample(1), { nope: true }] });
    expect(await loadNetworkHistory()).toEqual([sample(1)]);
  });

  it('can be forgotten', async () => {
    await recordNetworkSample(sample(1));
    await clearNetworkHistory();
    expect(await loadNetworkHistory()).toEqual([]);
  });
});
