import { afterEach, describe, expect, it, vi } from 'vitest';
import SpeedTestEngine, { type ConfigOptions, type MeasurementSummary, type PhaseChangePayload, type Results } from '@cloudflare/speedtest';
import { testEndpointFor } from '@/lib/network/endpoint';
import type { NetworkSample } from '@/lib/network/history';
import { MEASURE_ERRORS, measureConnectionWith, speedTestConfig, type MeasureDeps, type SpeedEngine } from '@/lib/network/measure';

const OWN = 'https://speed.example.org/anteroom';

/** What the library's Results would say after a run. */
function resultsOf(summary: MeasurementSummary, rtc?: 'bad' | 'poor' | 'average' | 'good' | 'great', latencyPoints = [20, 22, 21]): Results {
  return {
    getSummary: () => summary,
    getScores: () => (rtc ? { rtc: { points: 20, classificationIdx: 2, classificationName: rtc } } : {}),
    getUnloadedLatencyPoints: () => latencyPoints,
  } as unknown as Results;
}

type Script = (engine: SpeedEngine) => void;

/** A stand-in for the engine that plays a script when started, and remembers its config. */
function fakeEngine(script: Script) {
  const made: { config: ConfigOptions; paused: boolean; restarts: number }[] = [];
  const recorded: NetworkSample[] = [];
  const deps: MeasureDeps = {
    wallClock: () => new Date('2026-12-04T09:30:00Z'),
    record: async (sample) => void recorded.push(sample),
    createEngine: (config) => {
      const entry = { config, paused: false, restarts: 0 };
      made.push(entry);
      const engine = {
        onFinish: () => undefined,
        onError: () => undefined,
        onPhaseChange: () => undefined,
        results: undefined as unknown as Results,
        play: () => setTimeout(() => script(engine)),
        restart: () => {
          entry.restarts += 1;
          setTimeout(() => script(engine));
        },
        pause: () => void (entry.paused = true),
      } as SpeedEngine;
      return engine;
    },
  };
  return { deps, made, recorded };
}

const phase = (type: 'latency' | 'download' | 'upload'): PhaseChangePayload =>
  ({ measurementId: 0, measurement: type === 'latency' ? { type, numPackets: 1 } : { type, bytes: 1e5, count: 1 } }) as PhaseChangePayload;

describe('the speed-test engine’s settings', () => {
  const config = (setting: string) => {
    const parsed = testEndpointFor(setting);
    if (!parsed.ok) throw new Error(parsed.error);
    return speedTestConfig(parsed.endpoint);
  };

  it('reports nothing anywhere and sends no credentials', () => {
    const c = config('');
    expect(c.logAimApiUrl).toBeNull();
    expect(c.logMeasurementApiUrl).toBeNull();
    expect(c.includeCredentials).toBe(false);
    expect(c.autoStart).toBe(false);
  });

  it('measures only latency, download and upload: no packet loss through a TURN relay, no reachability probes', () => {
    // The real library's merged settings, so a default added in a later version is caught too.
    const engine = new SpeedTestEngine(config(''));
    const merged = (engine as unknown as { config: { measurements: { type: string }[] } }).config;
    expect(new Set(merged.measurements.map((m) => m.type))).toEqual(new Set(['latency', 'download', 'upload']));
  });

  it.each([
    ['', 'https://speed.cloudflare.com'],
    [OWN, OWN],
  ])('with the setting %j, every address it is given is under %s', (setting, base) => {
    const c = config(setting);
    expect(c.downloadApiUrl).toBe(`${base}/__down`);
    expect(c.uploadApiUrl).toBe(`${base}/__up`);
    const addresses = Object.values(c).filter((value): value is string => typeof value === 'string' && value !== '');
    for (const address of addresses) expect(address.startsWith(`${base}/`)).toBe(true);
  });

  it('moves under 10 MB even on a fast line, not the library’s hundreds', () => {
    const bytes = (config('').measurements ?? []).reduce((sum, m) => sum + ('bytes' in m ? m.bytes * m.count : 0), 0);
    expect(bytes).toBeLessThan(10e6);
  });
});

describe('measuring the connection', () => {
  afterEach(() => vi.useRealTimers());

  it('gives download, upload, latency, jitter, loaded latency and the video-call score, and keeps the history', async () => {
    const { deps, recorded, made } = fakeEngine((engine) => {
      engine.onPhaseChange(phase('latency'));
      engine.onPhaseChange(phase('download'));
      engine.onPhaseChange(phase('upload'));
      engine.onFinish(resultsOf({ download: 12_345_678, upload: 3_210_000, latency: 21.04, jitter: 1.26, downLoadedLatency: 80, upLoadedLatency: 120.55 }, 'good'));
    });
    const phases: string[] = [];
    const result = await measureConnectionWith(deps, OWN, { onProgress: (p) => phases.push(p) });
    expect(result).toEqual({ ok: true, downMbps: 12.35, upMbps: 3.21, latencyMs: 21, jitterMs: 1.3, loadedLatencyMs: 120.6, videoCallClass: 'good' });
    expect(phases).toEqual(['latency', 'download', 'upload']);
    expect(recorded).toEqual([{ at: '2026-12-04T09:30:00.000Z', downMbps: 12.35, upMbps: 3.21, latencyMs: 21, jitterMs: 1.3 }]);
    expect(made[0]?.paused).toBe(true);
  });

  it.each([
    ['a server that answers with an error', 'Request failed with 404: https://speed.example.org/anteroom/__down?bytes=0', 404, 'latency', MEASURE_ERRORS.http('speed.example.org', 404)],
    ['a server that is not there', 'Connection failed to https://speed.example.org/anteroom/__down?bytes=0.', undefined, 'latency', MEASURE_ERRORS.unreachable('speed.example.org')],
    [
      'a server that never answers',
      'Download measurement of 0 bytes aborted. Measurement exceeded bandwidthAbortRequestDuration (10000ms)',
      undefined,
      'latency',
      MEASURE_ERRORS.silent('speed.example.org', 'latency'),
    ],
    [
      'an upload that takes too long',
      'Upload measurement of 100000 bytes aborted. Measurement exceeded bandwidthAbortRequestDuration (10000ms)',
      undefined,
      'upload',
      MEASURE_ERRORS.silent('speed.example.org', 'upload'),
    ],
  ] as const)('explains %s', async (_name, message, status, during, expected) => {
    const { deps, recorded } = fakeEngine((engine) => {
      engine.onPhaseChange(phase(during));
      engine.onError(message, status);
    });
    expect(await measureConnectionWith(deps, OWN)).toEqual({ ok: false, error: expected });
    expect(recorded).toEqual([]);
  });

  it('starts over once after a request that failed to connect, and reports the second failure', async () => {
    let runs = 0;
    const { deps, made } = fakeEngine((engine) => {
      runs += 1;
      if (runs === 1) engine.onError('Connection failed to https://speed.example.org/anteroom/__up?bytes=100000.');
      else engine.onFinish(resultsOf({ download: 5e6, upload: 5e6, latency: 20, jitter: 2 }));
    });
    expect(await measureConnectionWith(deps, OWN)).toMatchObject({ ok: true, downMbps: 5 });
    expect(made[0]?.restarts).toBe(1);
    const dead = fakeEngine((engine) => engine.onError('Connection failed to https://speed.example.org/anteroom/__down?bytes=0.'));
    expect(await measureConnectionWith(dead.deps, OWN)).toEqual({ ok: false, error: MEASURE_ERRORS.unreachable('speed.example.org') });
    expect(dead.made[0]?.restarts).toBe(1);
  });

  it('says so when the server hides its timings (no Timing-Allow-Origin), instead of giving nonsense', async () => {
    const { deps } = fakeEngine((engine) => engine.onFinish(resultsOf({ download: 1, upload: 1, latency: 0, jitter: 0 }, undefined, [0, 0, 0])));
    expect(await measureConnectionWith(deps, OWN)).toEqual({ ok: false, error: MEASURE_ERRORS.untimed('speed.example.org') });
  });

  it('gives up after its deadline, and stops the engine', async () => {
    vi.useFakeTimers();
    const { deps, made } = fakeEngine(() => undefined);
    const pending = measureConnectionWith(deps, OWN, { timeoutMs: 30_000 });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(await pending).toEqual({ ok: false, error: MEASURE_ERRORS.tooLong(30) });
    expect(made[0]?.paused).toBe(true);
  });

  it('stops when the therapist presses Stop', async () => {
    const { deps, made } = fakeEngine(() => undefined);
    const controller = new AbortController();
    const pending = measureConnectionWith(deps, OWN, { signal: controller.signal });
    controller.abort();
    expect(await pending).toEqual({ ok: false, error: MEASURE_ERRORS.stopped });
    expect(made[0]?.paused).toBe(true);
  });

  it('starts nothing for an unusable address', async () => {
    const { deps, made } = fakeEngine(() => undefined);
    expect(await measureConnectionWith(deps, 'http://speed.example.org')).toMatchObject({ ok: false });
    expect(made).toEqual([]);
  });
});
