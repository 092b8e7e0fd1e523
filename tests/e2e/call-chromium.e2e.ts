import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { chromiumDriver, type Driver } from './harness/driver';
import { watchErrors } from './harness/errors';
import { serveFixtures } from './harness/fixtures';

const CALL_URL = 'https://meet.google.com/abc-defg-hij';
const MARKER = 'client-marker-5b1e';

/** The WebExtension API as seen from one of our pages (typed only as far as these tests use it). */
interface PageApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
}
async function vault(page: Page, message: Record<string, unknown>) {
  return page.evaluate((m) => (globalThis as unknown as { chrome: PageApi }).chrome.runtime.sendMessage(m), message);
}

describe('the in-call companion in Chromium', () => {
  let driver: Driver;
  let controller: Page;
  beforeAll(async () => {
    driver = await chromiumDriver([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      '--auto-select-desktop-capture-source=Entire screen',
      '--disable-features=WebRtcHideLocalIpsWithMdns',
    ]);
    controller = await driver.extensionPage('popup.html');
  });
  afterAll(async () => {
    await driver?.close();
  });

  async function joinCall() {
    const page = await driver.browser.newPage();
    const errors = watchErrors(page);
    await serveFixtures(page, { 'meet.google.com': 'call-loopback.html' });
    // Record everything the probe posts, as the page itself could.
    await page.evaluateOnNewDocument(() => {
      (window as unknown as { __posted: unknown[] }).__posted = [];
      window.addEventListener('message', (e) => (window as unknown as { __posted: unknown[] }).__posted.push(e.data));
    });
    await page.goto(CALL_URL);
    await page.click('#start');
    return { page, errors };
  }

  it('shows a live bitrate and a quality while a call runs, and the session clock', async () => {
    const { page, errors } = await joinCall();
    const indicator = await page.waitForSelector('anteroom-call[data-quality]', { timeout: 20_000 });
    await page.waitForFunction(() => Number(document.querySelector('anteroom-call')?.getAttribute('data-bitrate-kbps')) > 0, { timeout: 20_000 });
    const quality = await indicator!.evaluate((el) => el.getAttribute('data-quality'));
    expect(['good', 'fair', 'poor']).toContain(quality);
    await page.waitForFunction(() => Number(document.querySelector('anteroom-call')?.getAttribute('data-elapsed-s')) >= 2, { timeout: 10_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the page hears nothing from the probe: no window message, no attribute, during a call and a share', async () => {
    const { page } = await joinCall();
    await page.waitForFunction(() => Number(document.querySelector('anteroom-call')?.getAttribute('data-bitrate-kbps')) > 0, { timeout: 20_000 });
    await page.click('#share');
    await page.waitForSelector('anteroom-call >>> [data-notice=sharing]', { timeout: 10_000 });
    // The page's own record of every window message: the probe's news goes over its private port.
    const posted = await page.evaluate(() => JSON.stringify((window as unknown as { __posted: unknown[] }).__posted));
    expect(posted).toBe('[]');
    expect(await page.evaluate(() => document.documentElement.getAttributeNames())).toEqual(['lang']);
    await page.click('#stop-share');
    await page.close();
  });

  it('locks the notes within a second of a screen share starting, and shows what to close', async () => {
    const created = (await vault(controller, { type: 'vault:create', passphrase: 'a long enough passphrase for tests' })) as { ok: boolean };
    expect(created.ok).toBe(true);
    expect(((await vault(controller, { type: 'vault:status' })) as { value: { state: string } }).value.state).toBe('unlocked');
    const { page } = await joinCall();
    await page.waitForSelector('anteroom-call[data-quality]', { timeout: 20_000 });
    await page.click('#share');
    await page.waitForFunction(() => document.body.dataset.sharing === 'yes', { timeout: 10_000 });
    const started = Date.now();
    await expect
      .poll(async () => ((await vault(controller, { type: 'vault:status' })) as { value: { state: string } }).value.state, { timeout: 1000, interval: 50 })
      .toBe('locked');
    expect(Date.now() - started).toBeLessThan(1000);
    await page.waitForSelector('anteroom-call >>> [data-notice=sharing]', { timeout: 5000 });
    // Stopping the share unlocks nothing.
    await page.click('#stop-share');
    await new Promise((r) => setTimeout(r, 500));
    expect(((await vault(controller, { type: 'vault:status' })) as { value: { state: string } }).value.state).toBe('locked');
    await page.close();
  });

  it('adds the call to the client chosen in the checklist, with its platform and length', async () => {
    await vault(controller, { type: 'vault:unlock', passphrase: 'a long enough passphrase for tests' });
    const saved = (await vault(controller, { type: 'vault:save-client', input: { label: 'R. (Tuesday 10:00)', contactMode: 'video' } })) as { ok: boolean; value: { id: string } };
    expect(saved.ok).toBe(true);
    const popup = await driver.extensionPage('popup.html');
    await popup.bringToFront();
    const picker = await popup.waitForSelector('select[name=sessionClient]', { timeout: 10_000 });
    await picker!.select(saved.value.id);
    const { page } = await joinCall();
    await page.waitForFunction(() => Number(document.querySelector('anteroom-call')?.getAttribute('data-bitrate-kbps')) > 0, { timeout: 20_000 });
    await page.click('#hangup');
    await page.waitForFunction(() => !document.querySelector('anteroom-call'), { timeout: 20_000 });
    await expect
      .poll(async () => ((await vault(controller, { type: 'vault:list-sessions', clientId: saved.value.id })) as { value: unknown[] }).value.length, { timeout: 5000 })
      .toBe(1);
    const sessions = (await vault(controller, { type: 'vault:list-sessions', clientId: saved.value.id })) as { value: { platform: string; durationMinutes: number }[] };
    expect(sessions.value[0]).toMatchObject({ platform: 'google-meet', durationMinutes: 0 });
    // The choice is used once: the next call is not filed under this client by accident.
    expect(await popup.evaluate(() => (globalThis as unknown as { chrome: PageApi }).chrome.runtime.sendMessage({ type: 'session:chosen-client' }))).toEqual({ clientId: null });
    await page.close();
    await popup.close();
  });

  it('ends with the call and keeps a quality summary with no identity', async () => {
    const { page } = await joinCall();
    await page.waitForFunction(() => Number(document.querySelector('anteroom-call')?.getAttribute('data-bitrate-kbps')) > 0, { timeout: 20_000 });
    await page.click('#hangup');
    await page.waitForFunction(() => !document.querySelector('anteroom-call'), { timeout: 20_000 });
    const history = await controller.evaluate(async () => (await (globalThis as unknown as { chrome: PageApi }).chrome.storage.local.get('callHistory')).callHistory as unknown[]);
    expect(history.length).toBeGreaterThan(0);
    const last = history.at(-1) as Record<string, unknown>;
    // The loopback call sends video, so its mean bitrate is kept with it.
    expect(Object.keys(last).sort()).toEqual(['at', 'minutes', 'seconds', 'videoKbps']);
    expect(last.videoKbps).toBeGreaterThan(0);
    expect(JSON.stringify(history)).not.toContain(MARKER);
    await page.close();
  });
});
