import type SpeedTestEngine from '@cloudflare/speedtest';
import type { ConfigOptions, MeasurementConfig, Results } from '@cloudflare/speedtest';
import { testEndpointFor, type TestEndpoint } from './endpoint';
import { recordNetworkSample, toSample, type NetworkSample } from './history';
import { round } from './stats';

/**
 * The connection test: Cloudflare's speed-test engine (@cloudflare/speedtest) against the
 * public service or the therapist's own server, with everything that would contact another
 * host turned off. What is left here is what the library does not do: a short test plan, one
 * deadline for the whole test, errors in words a therapist can act on, and the local history.
 * Needs a page (the engine reads the page's resource timing): run it from a click in the popup
 * or the preflight page, never in the service worker.
 */

export type VideoCallClass = 'bad' | 'poor' | 'average' | 'good' | 'great';

export interface MeasureSuccess {
  ok: true;
  downMbps: number;
  upMbps: number;
  /** Idle round trip (median) and jitter (mean change between round trips), in ms. */
  latencyMs: number;
  jitterMs: number;
  /** Round trip while the line is busy downloading or uploading, the worse of the two. */
  loadedLatencyMs?: number;
  /** The engine's AIM score for video calls ("rtc"), when it had the numbers to give one. */
  videoCallClass?: VideoCallClass;
}

export type MeasureResult = MeasureSuccess | { ok: false; error: string };

export interface MeasureOptions {
  signal?: AbortSignal;
  /** Called with 'latency', 'download' or 'upload' as each step of the test starts. */
  onProgress?: (phase: string) => void;
  /** The whole test's deadline. Default 60 s. */
  timeoutMs?: number;
}

/** The engine's surface that this module uses (tests pass a fake). */
export type SpeedEngine = Pick<SpeedTestEngine, 'play' | 'pause' | 'restart' | 'results'> & {
  onFinish: (results: Results) => void;
  onError: (message: string, status?: number) => void;
  onPhaseChange: SpeedTestEngine['onPhaseChange'];
};

export interface MeasureDeps {
  createEngine: (config: ConfigOptions) => SpeedEngine;
  wallClock: () => Date;
  record: (sample: NetworkSample) => Promise<void>;
}

export const TEST_DEADLINE_MS = 60_000;
/** One request that takes longer than this ends the test: the server is silent or the line is unusable. */
export const REQUEST_DEADLINE_MS = 10_000;

/**
 * A short plan: about 10 s, under 10 MB in all (the library's default moves hundreds of
 * megabytes). Each direction stops growing once a request takes half a second
 * (bandwidthFinishRequestDuration), so a slow line is measured on 100 kB transfers and a fast one
 * on 1 MB: enough to tell 2 Mbps apart, which is all the verdict needs.
 * No packet-loss step: it needs a TURN relay and credentials fetched from a third party.
 */
export const TEST_PLAN: MeasurementConfig[] = [
  { type: 'latency', numPackets: 1 },
  { type: 'download', bytes: 1e5, count: 1, bypassMinDuration: true },
  { type: 'latency', numPackets: 10 },
  { type: 'download', bytes: 1e5, count: 4 },
  { type: 'upload', bytes: 1e5, count: 4 },
  { type: 'download', bytes: 1e6, count: 4 },
  { type: 'upload', bytes: 1e6, count: 4 },
];

/** The engine's settings for one endpoint. Pure: the unit tests read it as the privacy contract. */
export function speedTestConfig(endpoint: TestEndpoint): ConfigOptions {
  return {
    autoStart: false,
    downloadApiUrl: endpoint.downloadUrl,
    uploadApiUrl: endpoint.uploadUrl,
    // Nothing is reported anywhere: no per-request log, no final results upload.
    logMeasurementApiUrl: null,
    logAimApiUrl: null,
    // Unused without a packet-loss step; cleared so no third-party address is even configured.
    turnServerUri: '',
    turnServerCredsApiUrl: '',
    includeCredentials: false,
    measurements: TEST_PLAN,
    bandwidthFinishRequestDuration: 500,
    bandwidthAbortRequestDuration: REQUEST_DEADLINE_MS,
  };
}

export const MEASURE_ERRORS = {
  silent: (host: string, phase: string) =>
    phase === 'latency'
      ? `The test server ${host} did not answer within ${REQUEST_DEADLINE_MS / 1000} seconds. It may be down or overloaded: try again in a minute.`
      : `A ${phase} to ${host} took more than ${REQUEST_DEADLINE_MS / 1000} seconds. Your ${phase} may be very slow, or the server stopped answering: try again in a minute, and if it happens again, plan for audio only or your backup.`,
  unreachable: (host: string) => `Anteroom could not reach the test server ${host}. Check your internet connection, and the network test address on the options page.`,
  http: (host: string, status: number) => `The test server ${host} answered with an error (HTTP ${status}). Check the address on the options page, or ask whoever runs the server.`,
  untimed: (host: string) =>
    `The test server ${host} does not let the browser time its answers (it must send Timing-Allow-Origin: *). Ask whoever runs it; lib/network/README.md says what it needs.`,
  tooLong: (seconds: number) => `The test did not finish within ${seconds} seconds. Your connection may be very slow: plan for audio only or your backup, and try again later.`,
  stopped: 'The connection test was stopped before it finished.',
} as const;

const mbps = (bps: number | undefined) => (bps !== undefined && Number.isFinite(bps) && bps > 0 ? round(bps / 1e6, 2) : 0);

/** The engine's results in Anteroom's terms, or an error when they cannot be trusted. */
export function resultFrom(results: Pick<Results, 'getSummary' | 'getScores' | 'getUnloadedLatencyPoints'>, host: string): MeasureResult {
  const summary = results.getSummary();
  const points = results.getUnloadedLatencyPoints() ?? [];
  // Without Timing-Allow-Origin the browser hides the timings, and every round trip reads 0.
  if (points.length > 0 && points.every((ms) => ms <= 0)) return { ok: false, error: MEASURE_ERRORS.untimed(host) };
  if (summary.latency === undefined || summary.download === undefined || summary.upload === undefined) return { ok: false, error: MEASURE_ERRORS.unreachable(host) };
  const loaded = [summary.downLoadedLatency, summary.upLoadedLatency].filter((ms): ms is number => typeof ms === 'number' && Number.isFinite(ms));
  const rtc = results.getScores().rtc?.classificationName;
  return {
    ok: true,
    downMbps: mbps(summary.download),
    upMbps: mbps(summary.upload),
    latencyMs: round(summary.latency, 1),
    jitterMs: round(summary.jitter ?? 0, 1),
    ...(loaded.length > 0 ? { loadedLatencyMs: round(Math.max(...loaded), 1) } : {}),
    ...(rtc ? { videoCallClass: rtc } : {}),
  };
}

/** The engine's error (its own English, with a URL) as a sentence for the therapist. */
export function errorFrom(message: string, status: number | undefined, host: string, phase: string): string {
  if (status !== undefined) return MEASURE_ERRORS.http(host, status);
  if (message.includes('bandwidthAbortRequestDuration')) return MEASURE_ERRORS.silent(host, phase);
  return MEASURE_ERRORS.unreachable(host);
}

/** measureConnection with the engine, clock and history injected (tests use fakes). */
export async function measureConnectionWith(deps: MeasureDeps, setting: string, opts: MeasureOptions = {}): Promise<MeasureResult> {
  const parsed = testEndpointFor(setting);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const { host } = parsed.endpoint;
  if (opts.signal?.aborted) return { ok: false, error: MEASURE_ERRORS.stopped };
  const deadlineMs = opts.timeoutMs && opts.timeoutMs > 0 ? opts.timeoutMs : TEST_DEADLINE_MS;
  const engine = deps.createEngine(speedTestConfig(parsed.endpoint));
  let phase = 'latency';
  const result = await new Promise<MeasureResult>((resolve) => {
    const finish = (r: MeasureResult) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', stop);
      engine.onFinish = engine.onError = () => undefined;
      engine.pause();
      resolve(r);
    };
    const stop = () => finish({ ok: false, error: MEASURE_ERRORS.stopped });
    const timer = setTimeout(() => finish({ ok: false, error: MEASURE_ERRORS.tooLong(Math.round(deadlineMs / 1000)) }), deadlineMs);
    opts.signal?.addEventListener('abort', stop, { once: true });
    engine.onPhaseChange = ({ measurement }) => {
      phase = measurement.type === 'download' || measurement.type === 'upload' ? measurement.type : 'latency';
      opts.onProgress?.(phase);
    };
    engine.onFinish = (results) => finish(resultFrom(results, host));
    // One request that fails to connect ends the engine's whole run; a blip on the line (seen in
    // Firefox on loopback, about one run in ten) should not, so the test starts over once.
    let retried = false;
    engine.onError = (message, status) => {
      const error = errorFrom(message, status, host, phase);
      if (error === MEASURE_ERRORS.unreachable(host) && !retried) {
        retried = true;
        engine.restart();
        return;
      }
      finish({ ok: false, error });
    };
    engine.play();
  });
  // The history is a convenience: failing to write it must not hide the result.
  if (result.ok) await deps.record(toSample(result, deps.wallClock())).catch(() => undefined);
  return result;
}

export async function measureConnection(setting: string, opts?: MeasureOptions): Promise<MeasureResult> {
  const { default: Engine } = await import('@cloudflare/speedtest');
  return measureConnectionWith(
    { createEngine: (config) => new Engine(config), wallClock: () => new Date(), record: recordNetworkSample },
    setting,
    opts,
  );
}
