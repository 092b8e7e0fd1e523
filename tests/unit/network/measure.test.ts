import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_TIMEOUT_MS, MEASURE_ERRORS, measureConnectionWith, type MeasureDeps } from '@/lib/network/measure';
import type { NetworkSample } from '@/lib/network/history';

const ENDPOINT = 'https://speed.example.org/anteroom/';

interface Line {
  downMbps: number;
  upMbps: number;
  /** Round trips of successive pings, the first being the warm-up; transfers pay the smallest. */
  pingMs: number[];
}

/**
 * A test server on a virtual clock: each request moves time on by its round trip plus the bytes
 * over the line's speed, so the measured numbers are exact.
 */
function fakeServer(line: Line, override?: (path: string, init: RequestInit, url: URL) => Promise<Response> | undefined) {
  let clock = 0;
  let pings = 0;
  const requests: { url: string; init: RequestInit }[] = [];
  const recorded: NetworkSample[] = [];
  const baseRtt = Math.min(...line.pingMs.slice(1));
  const deps: MeasureDeps = {
    now: () => clock,
    wallClock: () => new Date('2025-03-03T09:30:00Z'),
    record: async (sample) => {
      recorded.push(sample);
    },
    fetch: async (url, init) => {
      requests.push({ url, init });
      const parsed = new URL(url);
      const path = parsed.pathname.slice('/anteroom'.length);
      const special = override?.(path, init, parsed);
      if (special) return special;
      if (path === '/ping') {
        clock += line.pingMs[Math.min(pings++, line.pingMs.length - 1)]!;
        return new Response(null, { status: 204 });
      }
      if (path === '/down') {
        const bytes = Number(parsed.searchParams.get('bytes'));
        clock += baseRtt + (bytes * 8) / (line.downMbps * 1000);
        return new Response(new Uint8Array(bytes));
      }
      if (path === '/up') {
        const bytes = (init.body as Uint8Array).byteLength;
        clock += baseRtt + (bytes * 8) / (line.upMbps * 1000);
        return new Response(null, { status: 204 });
      }
      return new Response('not found', { status: 404 });
    },
  };
  return { deps, requests, recorded, advance: (ms: number) => void (clock += ms) };
}

const never = () => new Promise<Response>(() => undefined);

describe('measuring the connection', () => {
  it('gives download, upload, latency and jitter, and keeps them in the history', async () => {
    const server = fakeServer({ downMbps: 12, upMbps: 3, pingMs: [90, 20, 30, 20, 30, 20] });
    const phases: string[] = [];
    const result = await measureConnectionWith(server.deps, ENDPOINT, { onProgress: (p) => phases.push(p) });
    expect(result).toEqual({ ok: true, downMbps: 12, upMbps: 3, latencyMs: 20, jitterMs: 10 });
    expect(phases).toEqual(['latency', 'download', 'upload']);
    expect(server.recorded).toEqual([{ at: '2025-03-03T09:30:00.000Z', downMbps: 12, upMbps: 3, latencyMs: 20, jitterMs: 10 }]);
  });

  it.each([0.3, 1, 10, 80])('measures a %s Mbps line within a few per cent, in seconds not minutes', async (mbps) => {
    const server = fakeServer({ downMbps: mbps, upMbps: mbps, pingMs: [40, 15, 15, 15, 15, 15] });
    const result = await measureConnectionWith(server.deps, ENDPOINT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.downMbps).toBeCloseTo(mbps, 1);
    expect(result.upMbps).toBeCloseTo(mbps, 1);
    // Every transfer fits the phase's deadline, and grows at most fourfold.
    const sizes = server.requests.filter((r) => r.url.includes('/down')).map((r) => Number(new URL(r.url).searchParams.get('bytes')));
    sizes.slice(1).forEach((size, i) => expect(size).toBeLessThanOrEqual(sizes[i]! * 4));
  });

  it('gives a very slow line a low speed, not an error, by timing what arrived before the deadline', async () => {
    const mbps = 0.02;
    let pulled = 0;
    // The body arrives 1 KB at a time, each piece moving the virtual clock on by its transfer time.
    const trickle = (bytes: number) => {
      let sent = 0;
      return new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent >= bytes) return controller.close();
            const piece = Math.min(1024, bytes - sent);
            sent += piece;
            pulled += piece;
            server.advance((piece * 8) / (mbps * 1000));
            controller.enqueue(new Uint8Array(piece));
          },
        }),
      );
    };
    const server = fakeServer({ downMbps: mbps, upMbps: 0.05, pingMs: [200, 150, 150, 150, 150, 150] }, (path, _init, url) => {
      if (path !== '/down') return undefined;
      server.advance(150);
      return Promise.resolve(trickle(Number(url.searchParams.get('bytes'))));
    });
    const result = await measureConnectionWith(server.deps, ENDPOINT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.downMbps).toBeCloseTo(mbps, 2);
    expect(result.upMbps).toBeCloseTo(0.05, 2);
    // 64 KB would take 26 s at this speed; the download stopped at the 7 s soft deadline instead.
    expect(pulled).toBeLessThan(20 * 1024);
  });

  it('only talks to the test server, without cookies, cache or redirects', async () => {
    const server = fakeServer({ downMbps: 5, upMbps: 5, pingMs: [30, 10, 10, 10, 10, 10] });
    await measureConnectionWith(server.deps, ENDPOINT);
    for (const { url, init } of server.requests) {
      expect(url.startsWith('https://speed.example.org/anteroom/')).toBe(true);
      expect(init).toMatchObject({ credentials: 'omit', cache: 'no-store', redirect: 'error', referrerPolicy: 'no-referrer' });
    }
    expect(server.requests.filter((r) => r.url.includes('/ping'))).toHaveLength(6);
    expect(server.requests.filter((r) => r.url.includes('/up')).every((r) => r.init.method === 'POST')).toBe(true);
  });

  it('reports a server that never answers as a timeout, and does not hang', async () => {
    const server = fakeServer({ downMbps: 5, upMbps: 5, pingMs: [10] }, never);
    const started = Date.now();
    const result = await measureConnectionWith(server.deps, ENDPOINT, { timeoutMs: 200 });
    expect(result).toEqual({ ok: false, error: MEASURE_ERRORS.timeout(200) });
    expect(result.ok === false && result.error).toContain('did not answer within 0.2 seconds');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(server.recorded).toEqual([]);
  });

  it('gives each phase its own deadline: a download that stalls after good pings times out', async () => {
    const server = fakeServer({ downMbps: 5, upMbps: 5, pingMs: [10, 10, 10, 10, 10, 10] }, (path) => (path === '/down' ? never() : undefined));
    const phases: string[] = [];
    const result = await measureConnectionWith(server.deps, ENDPOINT, { timeoutMs: 150, onProgress: (p) => phases.push(p) });
    expect(result).toEqual({ ok: false, error: MEASURE_ERRORS.timeout(150, 'download') });
    expect(result.ok === false && result.error).toContain('did not answer within 0.2 seconds while measuring download speed');
    expect(phases).toEqual(['latency', 'download']);
  });

  it('says the default deadline in plain words', () => {
    expect(DEFAULT_TIMEOUT_MS).toBe(10_000);
    expect(MEASURE_ERRORS.timeout(DEFAULT_TIMEOUT_MS)).toMatch(/^The test server did not answer within 10 seconds\./);
  });

  it.each([
    ['an unreachable server', () => Promise.reject(new TypeError('Failed to fetch')), 'could not reach the test server at speed.example.org'],
    ['a server error', () => Promise.resolve(new Response('oops', { status: 500 })), 'answered with an error (HTTP 500)'],
    ['a missing page', () => Promise.resolve(new Response('no', { status: 404 })), 'answered with an error (HTTP 404)'],
  ])('explains %s', async (_what, answer, words) => {
    const server = fakeServer({ downMbps: 5, upMbps: 5, pingMs: [10] }, answer);
    const result = await measureConnectionWith(server.deps, ENDPOINT);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.error).toContain(words);
  });

  it('explains a server that sends nothing to download', async () => {
    const server = fakeServer({ downMbps: 5, upMbps: 5, pingMs: [10, 10, 10, 10, 10, 10] }, (path) =>
      path === '/down' ? Promise.resolve(new Response(new Uint8Array(0))) : undefined,
    );
    const result = await measureConnectionWith(server.deps, ENDPOINT);
    expect(result).toEqual({ ok: false, error: MEASURE_ERRORS.empty('speed.example.org') });
  });

  it('stops when the therapist stops it', async () => {
    const controller = new AbortController();
    const server = fakeServer({ downMbps: 5, upMbps: 5, pingMs: [10] }, () => {
      controller.abort();
      return never();
    });
    const result = await measureConnectionWith(server.deps, ENDPOINT, { signal: controller.signal });
    expect(result).toEqual({ ok: false, error: MEASURE_ERRORS.stopped });
  });

  it('refuses an address that is empty, not a URL, or not https, without any request', async () => {
    const fetch = vi.fn(never);
    for (const endpoint of ['', 'speed test', 'http://speed.example.org/']) {
      const result = await measureConnectionWith({ ...fakeServer({ downMbps: 1, upMbps: 1, pingMs: [1] }).deps, fetch }, endpoint);
      expect(result.ok).toBe(false);
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it('still gives the result when the history cannot be written', async () => {
    const server = fakeServer({ downMbps: 5, upMbps: 5, pingMs: [10, 10, 10, 10, 10, 10] });
    const result = await measureConnectionWith({ ...server.deps, record: () => Promise.reject(new Error('quota')) }, ENDPOINT);
    expect(result.ok).toBe(true);
  });
});
