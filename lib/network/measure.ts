import { parseEndpoint, protocolUrls, type TestEndpoint } from './endpoint';
import { recordNetworkSample, toSample, type NetworkSample } from './history';
import { meanConsecutiveDifference, median, round } from './stats';

/**
 * Times the connection against the therapist's own test server (protocol: lib/network/README.md):
 * round trips first, then download, then upload. Each phase has its own deadline, so a slow or
 * silent server ends the test with a plain-English error instead of a spinner that never stops.
 * Runs only when the therapist asks; a successful result is added to the local history.
 */

export interface MeasureOptions {
  signal?: AbortSignal;
  /** Deadline of each phase (latency, download, upload). Default 10 s. */
  timeoutMs?: number;
  /** Called with 'latency', 'download', then 'upload' as each phase starts. */
  onProgress?: (phase: string) => void;
}

export type MeasureResult =
  | { ok: true; downMbps: number; upMbps: number; latencyMs: number; jitterMs: number }
  | { ok: false; error: string };

type MeasureSuccess = Extract<MeasureResult, { ok: true }>;

export interface MeasureDeps {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** Monotonic milliseconds. */
  now: () => number;
  /** Time stamp for the history. */
  wallClock: () => Date;
  record: (sample: NetworkSample) => Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
/** Round trips timed after one warm-up request (which also pays for the TLS handshake). */
const PINGS = 5;
const FIRST_DOWN_BYTES = 64 * 1024;
const FIRST_UP_BYTES = 32 * 1024;
const MAX_TRANSFER_BYTES = 25_000_000;
/** A transfer that takes this long is long enough to trust; shorter ones grow the next one. */
const TRUSTED_TRANSFER_MS = 1000;
const MAX_GROWTH = 4;
/** Transfers stop growing past this share of the phase's deadline, leaving room to finish. */
const SOFT_DEADLINE_SHARE = 0.7;
/** A download cut short at the soft deadline still gives a speed if at least this much arrived
 * (1 KB in 7 s is a line too slow for anything but the backup plan, which is what it will say). */
const MIN_PARTIAL_BYTES = 1024;

/** An error whose message is what the therapist reads. */
class TestFailure extends Error {}

const seconds = (ms: number) => {
  const s = round(ms / 1000, 1);
  return `${s} ${s === 1 ? 'second' : 'seconds'}`;
};

export const MEASURE_ERRORS = {
  timeout: (ms: number, phase = 'latency') =>
    phase === 'latency'
      ? `The test server did not answer within ${seconds(ms)}. It may be down or overloaded: try again in a minute, or ask whoever runs it.`
      : `The test server did not answer within ${seconds(ms)} while measuring ${phase} speed. Your ${phase} may be very slow, or the server stopped answering: try again in a minute, and if it happens again, plan for audio only or your backup plan.`,
  unreachable: (host: string) =>
    `Anteroom could not reach the test server at ${host}. Check your internet connection, and the network test address on the options page.`,
  http: (host: string, status: number) =>
    `The test server at ${host} answered with an error (HTTP ${status}). Check the address on the options page, or ask whoever runs the server.`,
  empty: (host: string) =>
    `The test server at ${host} sent no data, so it may not follow Anteroom's test protocol. Ask whoever runs it to check.`,
  stopped: 'The connection test was stopped before it finished.',
} as const;

/** Rejects as soon as `signal` aborts, even if `promise` never settles (a fetch that ignores it). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

interface Phase {
  signal: AbortSignal;
  /** Monotonic time after which transfers stop growing. */
  softDeadline: number;
}

class Run {
  private nonce = 0;
  private minRttMs = 0;

  constructor(
    private readonly deps: MeasureDeps,
    private readonly endpoint: TestEndpoint,
    private readonly opts: Required<Pick<MeasureOptions, 'timeoutMs'>> & MeasureOptions,
  ) {}

  /** Runs one phase under its own deadline and turns whatever went wrong into a TestFailure. */
  async phase<T>(name: string, work: (phase: Phase) => Promise<T>): Promise<T> {
    const { timeoutMs, signal: outer } = this.opts;
    if (outer?.aborted) throw new TestFailure(MEASURE_ERRORS.stopped);
    this.opts.onProgress?.(name);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new TestFailure(MEASURE_ERRORS.timeout(timeoutMs, name))), timeoutMs);
    const stop = () => controller.abort(new TestFailure(MEASURE_ERRORS.stopped));
    outer?.addEventListener('abort', stop, { once: true });
    try {
      const softDeadline = this.deps.now() + timeoutMs * SOFT_DEADLINE_SHARE;
      return await abortable(work({ signal: controller.signal, softDeadline }), controller.signal);
    } catch (error) {
      if (controller.signal.aborted && controller.signal.reason instanceof TestFailure) throw controller.signal.reason;
      if (error instanceof TestFailure) throw error;
      throw new TestFailure(MEASURE_ERRORS.unreachable(this.endpoint.host));
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', stop);
      // Cancels anything still in flight once the phase is over.
      if (!controller.signal.aborted) controller.abort();
    }
  }

  private async request(url: string, init: RequestInit, signal: AbortSignal): Promise<Response> {
    const response = await abortable(
      this.deps.fetch(url, {
        ...init,
        signal,
        // No cookies, no referrer, no cache, and no redirect to a host the therapist did not name.
        cache: 'no-store',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        redirect: 'error',
      }),
      signal,
    );
    if (!response.ok) {
      response.body?.cancel().catch(() => undefined);
      throw new TestFailure(MEASURE_ERRORS.http(this.endpoint.host, response.status));
    }
    return response;
  }

  private next(): string {
    this.nonce += 1;
    return `${Math.round(this.deps.now())}-${this.nonce}`;
  }

  async latency({ signal }: Phase): Promise<{ latencyMs: number; jitterMs: number }> {
    const rtts: number[] = [];
    for (let i = 0; i <= PINGS; i++) {
      const start = this.deps.now();
      const response = await this.request(protocolUrls.ping(this.endpoint, this.next()), { method: 'GET' }, signal);
      await abortable(response.arrayBuffer(), signal);
      if (i > 0) rtts.push(this.deps.now() - start);
    }
    this.minRttMs = Math.min(...rtts);
    return { latencyMs: round(median(rtts), 1), jitterMs: round(meanConsecutiveDifference(rtts), 1) };
  }

  /** Transfer time without the round trip every request pays before its first byte. */
  private mbps(bytes: number, elapsedMs: number): number {
    const ms = Math.max(elapsedMs - this.minRttMs, elapsedMs / 2, 0.001);
    return (bytes * 8) / (ms * 1000);
  }

  private async downloadOnce(bytes: number, phase: Phase): Promise<{ bytes: number; ms: number }> {
    const start = this.deps.now();
    const response = await this.request(protocolUrls.down(this.endpoint, bytes, this.next()), { method: 'GET' }, phase.signal);
    let received = 0;
    if (!response.body) {
      received = (await abortable(response.arrayBuffer(), phase.signal)).byteLength;
    } else {
      const reader = response.body.getReader();
      try {
        for (;;) {
          const { done, value } = await abortable(reader.read(), phase.signal);
          if (done) break;
          received += value.byteLength;
          // A slow line still gives a speed: stop at the soft deadline with what has arrived.
          if (this.deps.now() > phase.softDeadline && received >= MIN_PARTIAL_BYTES) break;
        }
      } finally {
        reader.cancel().catch(() => undefined);
      }
    }
    if (received === 0) throw new TestFailure(MEASURE_ERRORS.empty(this.endpoint.host));
    return { bytes: received, ms: this.deps.now() - start };
  }

  private async uploadOnce(bytes: number, phase: Phase): Promise<{ bytes: number; ms: number }> {
    const start = this.deps.now();
    const body = new Uint8Array(bytes);
    const response = await this.request(protocolUrls.up(this.endpoint, this.next()), { method: 'POST', body }, phase.signal);
    await abortable(response.arrayBuffer(), phase.signal);
    return { bytes, ms: this.deps.now() - start };
  }

  /**
   * Starts small and grows each transfer (at most 4×) until one lasts a second, so a slow line
   * is not flooded and a fast one is not timed on a blink. The last transfer gives the speed.
   */
  async throughput(
    firstBytes: number,
    once: (bytes: number, phase: Phase) => Promise<{ bytes: number; ms: number }>,
    phase: Phase,
  ): Promise<number> {
    let size = firstBytes;
    for (;;) {
      const t = await once(size, phase);
      const mbps = this.mbps(t.bytes, t.ms);
      const cutShort = t.bytes < size;
      if (cutShort || t.ms >= TRUSTED_TRANSFER_MS || size >= MAX_TRANSFER_BYTES) return round(mbps, 2);
      const bytesPerMs = (mbps * 1000) / 8;
      const next = Math.min(Math.max(Math.round(bytesPerMs * TRUSTED_TRANSFER_MS * 1.5), size * 2), size * MAX_GROWTH, MAX_TRANSFER_BYTES);
      if (this.deps.now() + (next / bytesPerMs) * 1.5 > phase.softDeadline) return round(mbps, 2);
      size = next;
    }
  }

  async all(): Promise<MeasureSuccess> {
    const { latencyMs, jitterMs } = await this.phase('latency', (p) => this.latency(p));
    const downMbps = await this.phase('download', (p) => this.throughput(FIRST_DOWN_BYTES, (b, q) => this.downloadOnce(b, q), p));
    const upMbps = await this.phase('upload', (p) => this.throughput(FIRST_UP_BYTES, (b, q) => this.uploadOnce(b, q), p));
    return { ok: true, downMbps, upMbps, latencyMs, jitterMs };
  }
}

/** measureConnection with its clock, network and history injected (tests use fakes). */
export async function measureConnectionWith(deps: MeasureDeps, endpoint: string, opts: MeasureOptions = {}): Promise<MeasureResult> {
  const parsed = parseEndpoint(endpoint);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const timeoutMs = opts.timeoutMs && opts.timeoutMs > 0 ? opts.timeoutMs : DEFAULT_TIMEOUT_MS;
  let result: MeasureSuccess;
  try {
    result = await new Run(deps, parsed.endpoint, { ...opts, timeoutMs }).all();
  } catch (error) {
    return { ok: false, error: error instanceof TestFailure ? error.message : MEASURE_ERRORS.unreachable(parsed.endpoint.host) };
  }
  // The history is a convenience: failing to write it must not hide the result.
  await deps.record(toSample(result, deps.wallClock())).catch(() => undefined);
  return result;
}

export function measureConnection(endpoint: string, opts?: MeasureOptions): Promise<MeasureResult> {
  return measureConnectionWith(
    {
      fetch: (url, init) => fetch(url, init),
      now: () => performance.now(),
      wallClock: () => new Date(),
      record: recordNetworkSample,
    },
    endpoint,
    opts,
  );
}
