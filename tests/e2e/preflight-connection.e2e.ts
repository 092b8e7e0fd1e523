import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { chromiumDriver, storeContract, type Driver } from './harness/driver';
import { watchErrors } from './harness/errors';
import { startSpeedServer, type SpeedServer } from '../fixtures/network-loopback-server';

/**
 * The "Test my connection" section of preflight.html against a real HTTPS server on 127.0.0.1
 * (self-signed, hence --ignore-certificate-errors), throttled to a known speed. The test host
 * is granted the way a therapist's "Allow" would grant it, through chrome://extensions, because
 * a headless browser cannot click the permission prompt. Nothing leaves the machine: every other
 * host still resolves to nothing.
 */

const RESULT = '[data-testid=connection-result], [data-testid=connection-error]';

describe('the connection test on the preflight page (Chromium)', () => {
  let driver: Driver;
  let servers: SpeedServer[] = [];

  beforeAll(async () => {
    driver = await chromiumDriver([
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
  });
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
  });
  afterAll(async () => {
    await driver?.close();
  });

  async function testAgainst(endpoint: string): Promise<{ page: Page; errors: string[] }> {
    const page = await driver.extensionPage('preflight.html');
    const errors = watchErrors(page);
    await storeContract(page, { networkTestEndpoint: endpoint });
    await page.waitForSelector('[data-testid=connection-test]:not([disabled])');
    await page.click('[data-testid=connection-test]');
    await page.waitForSelector(RESULT, { timeout: 40_000 });
    return { page, errors };
  }

  const read = (page: Page) =>
    page.evaluate(() => ({
      status: document.querySelector('[data-testid=connection-result]')?.getAttribute('data-status') ?? null,
      down: parseFloat(document.querySelector('[data-testid=down-mbps]')?.textContent ?? 'NaN'),
      up: parseFloat(document.querySelector('[data-testid=up-mbps]')?.textContent ?? 'NaN'),
      error: document.querySelector('[data-testid=connection-error]')?.textContent ?? null,
    }));

  it('suggests audio only on a line of about 1 Mbps', async () => {
    const server = await startSpeedServer({ mbps: 1 });
    servers.push(server);
    const { page, errors } = await testAgainst(server.url);
    const result = await read(page);
    expect(result.error).toBeNull();
    expect(result.status).toBe('warn');
    expect(result.down).toBeGreaterThan(0.7);
    expect(result.down).toBeLessThan(1.4);
    expect(result.up).toBeGreaterThan(0.7);
    expect(result.up).toBeLessThan(1.4);
    expect(await page.$eval('[data-testid=connection-result]', (el) => el.textContent)).toContain('audio only');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says ready for video on a line of about 10 Mbps, and keeps the result by hour', async () => {
    const server = await startSpeedServer({ mbps: 10 });
    servers.push(server);
    const { page, errors } = await testAgainst(server.url);
    const result = await read(page);
    expect(result.error).toBeNull();
    expect(result.status).toBe('pass');
    expect(result.down).toBeGreaterThan(6);
    expect(result.up).toBeGreaterThan(6);
    // Pings, downloads and uploads all reached the server.
    expect(server.hits['/ping']).toBe(6);
    expect(server.hits['/down']).toBeGreaterThanOrEqual(2);
    expect(server.hits['/up']).toBeGreaterThanOrEqual(2);
    // Both tests so far are in the history, without anything but times and numbers.
    const history = await page.evaluate(async () => {
      // @ts-expect-error: the WebExtension global of an extension page.
      return (await chrome.storage.local.get('networkHistory')).networkHistory as Record<string, unknown>[];
    });
    expect(history).toHaveLength(2);
    for (const entry of history) expect(Object.keys(entry).sort()).toEqual(['at', 'downMbps', 'jitterMs', 'latencyMs', 'upMbps']);
    await page.waitForSelector('[data-testid=hour-chart] svg');
    expect(Number(await page.$eval('[data-testid=hour-chart]', (el) => el.getAttribute('data-hours')))).toBeGreaterThanOrEqual(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('explains a test server that is not there', async () => {
    const gone = await startSpeedServer();
    await gone.close();
    const { page, errors } = await testAgainst(gone.url);
    const result = await read(page);
    expect(result.status).toBeNull();
    expect(result.error).toContain('could not reach the test server at 127.0.0.1');
    // The browser itself logs the refused connection; nothing else may go wrong.
    expect(errors.filter((e) => !e.includes('net::ERR_CONNECTION_REFUSED'))).toEqual([]);
    await page.close();
  });

  it('gives up on a test server that never answers, after 10 seconds, with a clear message', async () => {
    const server = await startSpeedServer({ silent: true });
    servers.push(server);
    const started = Date.now();
    const { page, errors } = await testAgainst(server.url);
    const result = await read(page);
    expect(result.error).toContain('The test server did not answer within 10 seconds.');
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await page.$eval('[data-testid=connection-test]', (b) => (b as HTMLButtonElement).disabled)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});
