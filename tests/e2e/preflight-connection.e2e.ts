import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { chromiumDriver, firefoxDriver, storeContract, type Driver } from './harness/driver';
import { watchErrors } from './harness/errors';
import { startSpeedServer, type SpeedServer } from '../fixtures/network-loopback-server';

/**
 * The connection test on preflight.html: the real @cloudflare/speedtest engine in the built
 * extension, against the documented self-hosted endpoint (lib/network/speed-server.mjs) on a
 * loopback HTTPS server throttled to a known speed, in Chromium and Firefox. Nothing leaves the
 * machine: Chromium resolves every other host to nothing, Firefox sends everything else to a
 * closed proxy port. The test host is granted the way a therapist's "Allow" would grant it
 * (Chromium: through chrome://extensions, as headless Chromium cannot click the prompt;
 * Firefox: optional permission prompts are off in the test profile).
 */

const RESULT = '[data-testid=connection-result], [data-testid=connection-error]';

/** A request the protocol allows: GET __down or POST __up, with only `bytes` and `during` in the query. */
function isProtocolRequest(line: string): boolean {
  const [method, target] = line.split(' ');
  const url = new URL(target ?? '', 'https://x');
  const pathOk = (method === 'GET' && url.pathname === '/anteroom/__down') || (method === 'POST' && url.pathname === '/anteroom/__up');
  const keysOk = [...url.searchParams.keys()].every((key) => key === 'bytes' || key === 'during');
  return pathOk && keysOk && /^\d+$/.test(url.searchParams.get('bytes') ?? '');
}

const browsers = [
  [
    'Chromium',
    async () => {
      const driver = await chromiumDriver([
        '--ignore-certificate-errors',
        // The harness sends every host nowhere; this repeats that rule but lets the loopback test server through.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ]);
      const page = await driver.extensionPage('preflight.html');
      const extensionId = new URL(page.url()).host;
      const settings = await driver.browser.newPage();
      await settings.goto('chrome://extensions/');
      await settings.evaluate(
        // @ts-expect-error: chrome.developerPrivate is the extensions page's own API.
        (id: string) => chrome.developerPrivate.addHostPermission(id, 'https://127.0.0.1/*'),
        extensionId,
      );
      await settings.close();
      await page.close();
      return driver;
    },
  ],
  [
    'Firefox',
    () =>
      firefoxDriver(
        // The loopback server is the one host that bypasses the harness's closed proxy.
        { 'network.proxy.no_proxies_on': '127.0.0.1', 'network.proxy.allow_hijacking_localhost': false },
        true,
      ),
  ],
] as const;

describe.each(browsers)('the connection test on the preflight page (%s)', (name, launch) => {
  let driver: Driver;
  let servers: SpeedServer[] = [];

  beforeAll(async () => {
    driver = await launch();
  }, 60_000);
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
  });
  afterAll(async () => {
    await driver?.close();
  });

  async function testAgainst(endpoint: string): Promise<{ page: Page; errors: string[]; seen: string[] }> {
    const page = await driver.extensionPage('preflight.html');
    const errors = name === 'Chromium' ? watchErrors(page) : [];
    // Every request the page makes (Chromium reports an extension page's fetches; Firefox's driver does not).
    const seen: string[] = [];
    page.on('request', (request) => void (request.url().startsWith('http') && seen.push(request.url())));
    await storeContract(page, { networkTestEndpoint: endpoint });
    await page.waitForFunction((host) => document.querySelector('[data-testid=connection-host]')?.textContent?.includes(host), {}, new URL(endpoint).hostname);
    await page.click('[data-testid=connection-test]');
    await page.waitForSelector(RESULT, { timeout: 60_000 });
    return { page, errors, seen };
  }

  const read = (page: Page) =>
    page.evaluate(() => ({
      status: document.querySelector('[data-testid=connection-result]')?.getAttribute('data-status') ?? null,
      down: parseFloat(document.querySelector('[data-testid=down-mbps]')?.textContent ?? 'NaN'),
      up: parseFloat(document.querySelector('[data-testid=up-mbps]')?.textContent ?? 'NaN'),
      latency: parseFloat(document.querySelector('[data-testid=latency-ms]')?.textContent ?? 'NaN'),
      jitter: parseFloat(document.querySelector('[data-testid=jitter-ms]')?.textContent ?? 'NaN'),
      text: document.querySelector('[data-testid=connection-result]')?.textContent ?? '',
      error: document.querySelector('[data-testid=connection-error]')?.textContent ?? null,
      pageError: document.querySelector('[data-testid=page-error]')?.textContent ?? null,
    }));

  /** Only the protocol's two requests reached the server, and the page asked nothing of any other host. */
  function onlyTheMeasurement(server: SpeedServer, seen: string[]) {
    expect(server.requests.length).toBeGreaterThan(10);
    expect(server.requests.filter((line) => !isProtocolRequest(line))).toEqual([]);
    const origin = new URL(server.url).origin;
    for (const url of seen) expect(url.startsWith(`${origin}/anteroom/__`)).toBe(true);
    // The page may start a request the library then aborts before it reaches the server (a slow
    // one is cut short), so the page can see one more than the server logs, never fewer.
    if (name === 'Chromium') expect(seen.length).toBeGreaterThanOrEqual(server.requests.length);
  }

  it('suggests audio only, with the agreed plan, on a line of about 1 Mbps', async () => {
    const server = await startSpeedServer({ mbps: 1 });
    servers.push(server);
    const { page, errors, seen } = await testAgainst(server.url);
    const result = await read(page);
    expect(result.error).toBeNull();
    expect(result.status).toBe('warn');
    expect(result.down).toBeGreaterThan(0.6);
    expect(result.down).toBeLessThan(1.5);
    expect(result.up).toBeGreaterThan(0.6);
    expect(result.up).toBeLessThan(1.5);
    expect(result.latency).toBeGreaterThanOrEqual(0);
    expect(result.jitter).toBeGreaterThanOrEqual(0);
    expect(result.text).toContain('plan on audio only');
    // The contract's default plan for a dropped connection.
    expect(result.text).toContain('If the call drops, your agreed plan: If the call drops, I will try to reconnect once.');
    onlyTheMeasurement(server, seen);
    expect(result.pageError).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('says ready for video on a line of about 10 Mbps, and keeps the result by hour', async () => {
    const server = await startSpeedServer({ mbps: 10 });
    servers.push(server);
    const { page, errors, seen } = await testAgainst(server.url);
    const result = await read(page);
    expect(result.error).toBeNull();
    expect(result.status).toBe('pass');
    expect(result.down).toBeGreaterThan(6);
    expect(result.down).toBeLessThan(14);
    expect(result.up).toBeGreaterThan(6);
    expect(result.up).toBeLessThan(14);
    // Round trips, downloads and uploads all reached the server.
    expect(server.requests.some((line) => line.includes('bytes=0'))).toBe(true);
    expect(server.hits['/__down']).toBeGreaterThanOrEqual(5);
    expect(server.hits['/__up']).toBeGreaterThanOrEqual(4);
    onlyTheMeasurement(server, seen);
    // The test joined the history, with nothing but a time and four numbers.
    const history = await page.evaluate(async () => {
      // @ts-expect-error: the WebExtension global of an extension page.
      const api = globalThis.browser ?? globalThis.chrome;
      return (await api.storage.local.get('networkHistory')).networkHistory as Record<string, unknown>[];
    });
    expect(history.length).toBeGreaterThanOrEqual(1);
    for (const entry of history) expect(Object.keys(entry).sort()).toEqual(['at', 'downMbps', 'jitterMs', 'latencyMs', 'upMbps']);
    await page.waitForSelector('[data-testid=hour-chart] svg');
    expect(Number(await page.$eval('[data-testid=hour-chart]', (el) => el.getAttribute('data-hours')))).toBeGreaterThanOrEqual(1);
    expect(result.pageError).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('explains a test server that is not there', async () => {
    const gone = await startSpeedServer();
    await gone.close();
    const { page, errors } = await testAgainst(gone.url);
    const result = await read(page);
    expect(result.status).toBeNull();
    expect(result.error).toContain('could not reach the test server 127.0.0.1');
    // The browser itself logs the refused connection; nothing else may go wrong.
    expect(errors.filter((e) => !e.includes('net::ERR_CONNECTION_REFUSED'))).toEqual([]);
    await page.close();
  }, 90_000);

  it('gives up on a test server that never answers, after 10 seconds, with a clear message', async () => {
    const server = await startSpeedServer({ silent: true });
    servers.push(server);
    const started = Date.now();
    const { page, errors } = await testAgainst(server.url);
    const result = await read(page);
    expect(result.error).toContain('did not answer within 10 seconds');
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(await page.$eval('[data-testid=connection-test]', (b) => (b as HTMLButtonElement).disabled)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});

describe('the public speed test, with every request intercepted (Chromium)', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await chromiumDriver();
    const page = await driver.extensionPage('preflight.html');
    const settings = await driver.browser.newPage();
    await settings.goto('chrome://extensions/');
    await settings.evaluate(
      // @ts-expect-error: chrome.developerPrivate is the extensions page's own API.
      (id: string) => chrome.developerPrivate.addHostPermission(id, 'https://speed.cloudflare.com/*'),
      new URL(page.url()).host,
    );
    await settings.close();
    await page.close();
  }, 60_000);
  afterAll(async () => {
    await driver?.close();
  });

  it('with reporting off, asks speed.cloudflare.com for the measurement and nothing else of anyone', async () => {
    const page = await driver.extensionPage('preflight.html');
    await storeContract(page, { networkTestEndpoint: '' });
    const requests: string[] = [];
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol !== 'https:' && url.protocol !== 'http:' && url.protocol !== 'wss:') return void request.continue();
      requests.push(`${request.method()} ${url.origin}${url.pathname}`);
      const headers = { 'Access-Control-Allow-Origin': '*', 'Timing-Allow-Origin': '*', 'Cache-Control': 'no-store' };
      if (url.origin !== 'https://speed.cloudflare.com') return void request.abort();
      if (url.pathname === '/__down') return void request.respond({ status: 200, headers, contentType: 'application/octet-stream', body: Buffer.alloc(Number(url.searchParams.get('bytes')), 7) });
      if (url.pathname === '/__up') return void request.respond({ status: 200, headers, contentType: 'text/plain', body: '' });
      return void request.respond({ status: 404, headers, body: '' });
    });
    await page.waitForFunction(() => document.querySelector('[data-testid=connection-host]')?.textContent?.includes('speed.cloudflare.com'));
    expect(await page.$eval('[data-testid=connection-host]', (el) => el.textContent)).toContain('It sees your IP address, as any website does; no results are sent to it or anywhere else.');
    await page.click('[data-testid=connection-test]');
    await page.waitForSelector(RESULT, { timeout: 60_000 });
    expect(requests.length).toBeGreaterThan(10);
    expect(new Set(requests)).toEqual(new Set(['GET https://speed.cloudflare.com/__down', 'POST https://speed.cloudflare.com/__up']));
    await page.close();
  }, 90_000);
});
