import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Page } from 'puppeteer';
import { joinCall, launchCallBrowser, NO_SCREEN, waitForBitrate } from './harness/call';
import type { Driver } from './harness/driver';
import { send, storedLocal, vaultState } from './harness/extension';
import { browserTable } from './harness/matrix';

/** The in-call companion on a loopback call, and what a screen share does to the notes. */
const CALL_URL = 'https://meet.google.com/abc-defg-hij';
const MARKER = 'client-marker-5b1e';
const PASSPHRASE = 'a long enough passphrase for tests';

describe.each(
  browserTable({
    Chromium: { 'accepts the `screen` filter of tabs.query with Anteroom’s permissions (an unknown filter is refused)': 'the `screen` filter is Firefox’s own; Chromium reports shares through the call probe' },
    Firefox: {
      'the page hears nothing from the probe: no window message, no attribute, during a call and a share': NO_SCREEN,
      'locks the notes within a second of a screen share starting, and shows what to close': NO_SCREEN,
    },
  }),
)('the in-call companion in %s', (browser, test) => {
  let driver: Driver;
  let controller: Page;
  beforeAll(async () => {
    driver = await launchCallBrowser(browser);
    controller = await driver.extensionPage('popup.html');
  });
  afterAll(async () => {
    await driver?.close();
  });

  test('shows a live bitrate and a quality while a call runs, and the session clock', async () => {
    const { page, errors } = await joinCall(driver, CALL_URL);
    const indicator = await page.waitForSelector('anteroom-call[data-quality]', { timeout: 30_000 });
    await waitForBitrate(page);
    expect(['good', 'fair', 'poor']).toContain(await indicator!.evaluate((el) => el.getAttribute('data-quality')));
    await page.waitForFunction(() => Number(document.querySelector('anteroom-call')?.getAttribute('data-elapsed-s')) >= 2, { timeout: 15_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the page hears nothing from the probe: no window message, no attribute, during a call and a share', async () => {
    const { page } = await joinCall(driver, CALL_URL);
    await waitForBitrate(page);
    await page.click('#share');
    await page.waitForSelector('anteroom-call >>> [data-notice=sharing]', { timeout: 10_000 });
    // The page's own record of every window message: the probe's news goes over its private port.
    expect(await page.evaluate(() => JSON.stringify((window as unknown as { __posted: unknown[] }).__posted))).toBe('[]');
    expect(await page.evaluate(() => document.documentElement.getAttributeNames())).toEqual(['lang']);
    await page.click('#stop-share');
    await page.close();
  });

  test('accepts the `screen` filter of tabs.query with Anteroom’s permissions (an unknown filter is refused)', async () => {
    const query = (filter: object) =>
      controller.evaluate(async (f) => {
        // @ts-expect-error: the WebExtension global of an extension page.
        return browser.tabs.query(f);
      }, filter);
    expect(await query({ screen: true })).toEqual([]);
    await expect(query({ sharingSomething: true })).rejects.toThrow();
  });

  test('opens the notes without a question when nothing is shared', async () => {
    expect(await send(controller, { type: 'vault:create', passphrase: PASSPHRASE })).toEqual({ ok: true });
    await send(controller, { type: 'vault:lock', reason: 'user' });
    expect(await send(controller, { type: 'vault:unlock', passphrase: PASSPHRASE })).toEqual({ ok: true });
  });

  test('locks the notes within a second of a screen share starting, and shows what to close', async () => {
    expect(await vaultState(controller)).toBe('unlocked');
    const { page } = await joinCall(driver, CALL_URL);
    await page.waitForSelector('anteroom-call[data-quality]', { timeout: 30_000 });
    await page.click('#share');
    await page.waitForFunction(() => document.body.dataset.sharing === 'yes', { timeout: 10_000 });
    const started = Date.now();
    await expect.poll(() => vaultState(controller), { timeout: 1000, interval: 50 }).toBe('locked');
    expect(Date.now() - started).toBeLessThan(1000);
    await page.waitForSelector('anteroom-call >>> [data-notice=sharing]', { timeout: 5000 });
    // Stopping the share unlocks nothing.
    await page.click('#stop-share');
    await new Promise((r) => setTimeout(r, 500));
    expect(await vaultState(controller)).toBe('locked');
    await page.close();
  });

  test('adds the call to the client chosen in the checklist, with its platform and length', async () => {
    await send(controller, { type: 'vault:unlock', passphrase: PASSPHRASE });
    const saved = await send<{ id: string }>(controller, { type: 'vault:save-client', input: { label: 'R. (Tuesday 10:00)', contactMode: 'video' } });
    if (!saved.ok) throw new Error(saved.error.message);
    const popup = await driver.extensionPage('popup.html');
    await popup.bringToFront();
    const picker = await popup.waitForSelector('select[name=sessionClient]', { timeout: 15_000 });
    await picker!.select(saved.value.id);
    const { page } = await joinCall(driver, CALL_URL);
    await waitForBitrate(page);
    await page.click('#hangup');
    await page.waitForFunction(() => !document.querySelector('anteroom-call'), { timeout: 20_000 });
    const sessions = async () => {
      const listed = await send<{ platform: string; durationMinutes: number }[]>(controller, { type: 'vault:list-sessions', clientId: saved.value.id });
      return listed.ok ? listed.value : [];
    };
    await expect.poll(async () => (await sessions()).length, { timeout: 10_000 }).toBe(1);
    expect((await sessions())[0]).toMatchObject({ platform: 'google-meet', durationMinutes: 0 });
    // The choice is used once: the next call is not filed under this client by accident.
    expect(await send(popup, { type: 'session:chosen-client' })).toEqual({ clientId: null });
    await page.close();
    await popup.close();
  });

  test('ends with the call and keeps a quality summary with no identity', async () => {
    const { page } = await joinCall(driver, CALL_URL);
    await waitForBitrate(page);
    await page.click('#hangup');
    await page.waitForFunction(() => !document.querySelector('anteroom-call'), { timeout: 20_000 });
    const history = (await storedLocal<Record<string, unknown>[]>(controller, 'callHistory')) ?? [];
    expect(history.length).toBeGreaterThan(0);
    const last = history.at(-1)!;
    // The loopback call sends video, so its mean bitrate is kept with it.
    expect(Object.keys(last).sort()).toEqual(['at', 'minutes', 'seconds', 'videoKbps']);
    expect(last.videoKbps).toBeGreaterThan(0);
    expect(JSON.stringify(history)).not.toContain(MARKER);
    await page.close();
  });
});
