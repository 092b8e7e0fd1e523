import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firefoxDriver, type Driver } from './harness/driver';
import { serveFixtures } from './harness/fixtures';

/** The in-call companion in Firefox: a loopback call with Firefox's fake camera and microphone. */
describe('the in-call companion in Firefox', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await firefoxDriver({ 'media.navigator.streams.fake': true, 'media.navigator.permission.disabled': true });
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('shows a live bitrate and a quality while a call runs', async () => {
    const page = await driver.browser.newPage();
    await serveFixtures(page, { 'meet.google.com': 'call-loopback.html' });
    await page.goto('https://meet.google.com/abc-defg-hij');
    await page.click('#start');
    await page.waitForFunction(() => Number(document.querySelector('anteroom-call')?.getAttribute('data-bitrate-kbps')) > 0, { timeout: 30_000 });
    expect(['good', 'fair', 'poor']).toContain(await page.$eval('anteroom-call', (el) => el.getAttribute('data-quality')));
    await page.close();
  });

  // Screen sharing is not tested here: headless Firefox has no fake screen to capture, so
  // getDisplayMedia never resolves. The Chromium suite covers the lock; the probe code is shared.
});
