import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { chromiumDriver, firefoxDriver, type Driver } from './harness/driver';
import { withGrantedPermissions } from './harness/browsers';
import { serveFixtures } from './harness/fixtures';
import { fill } from './harness/forms';

/**
 * A call on a video platform the therapist added (options page), where the call probe and the
 * platform script are registered at run time in one call, in an order no browser promises
 * (lib/background/custom-scripts.ts). The page gets the quality indicator and, in Chromium, the
 * share notice, with the scripts as Anteroom registers them and with each of the two
 * registered first, one per call (which both browsers run in registration order: on the build
 * before the order-independent handshake, "platform script first" got no indicator).
 */

const HOST = 'meet.myclinic.example';
const CALL_URL = `https://${HOST}/room/42`;
const PROBE_ID = 'anteroom-custom-call-probe';
const PLATFORM_ID = 'anteroom-custom-video';

const browsers = [
  [
    'Chromium',
    // Headless Chromium cannot answer the site permission prompt: the copy of the build has the
    // site granted at install, and the options page's request then resolves without asking.
    () =>
      chromiumDriver(
        ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--auto-select-desktop-capture-source=Entire screen', '--disable-features=WebRtcHideLocalIpsWithMdns'],
        { extensionDir: withGrantedPermissions([], [`https://${HOST}/*`]) },
      ),
  ],
  ['Firefox', () => firefoxDriver({ 'media.navigator.streams.fake': true, 'media.navigator.permission.disabled': true })],
] as const;

/** Re-registers Anteroom's own two custom-platform scripts, one call each, in `order`. */
async function registerInOrder(page: Page, order: readonly string[]) {
  await page.evaluate(async (ids) => {
    // @ts-expect-error: the WebExtension global of an extension page (chrome in Chromium, browser in Firefox).
    const api = globalThis.browser ?? globalThis.chrome;
    const registered = (await api.scripting.getRegisteredContentScripts({ ids })) as { id: string }[];
    if (registered.length !== ids.length) throw new Error(`registered: ${JSON.stringify(registered)}`);
    await api.scripting.unregisterContentScripts({ ids });
    for (const id of ids) await api.scripting.registerContentScripts([registered.find((script) => script.id === id)]);
  }, order);
}

describe.each(browsers)('a custom video platform’s call page in %s', (name, launch) => {
  let driver: Driver;
  let options: Page;
  beforeAll(async () => {
    driver = await launch();
    options = await driver.extensionPage('options.html');
    await options.bringToFront();
    await options.waitForSelector('[data-testid=custom-platform-form]');
    await fill(options, 'custom-address', CALL_URL);
    await fill(options, 'custom-name', 'Clinic video');
    await options.click('[data-testid=custom-add]');
    await options.waitForFunction((host) => document.querySelector(`[data-testid=custom-platform-list] [data-host="${host}"]`), { timeout: 15_000 }, HOST);
  });
  afterAll(async () => {
    await driver?.close();
  });

  it.each([
    ['as Anteroom registers them', undefined],
    ['platform script registered first', [PLATFORM_ID, PROBE_ID]],
    ['call probe registered first', [PROBE_ID, PLATFORM_ID]],
  ] as const)('%s: the page gets the call quality (and in Chromium the share) news', async (_, order) => {
    if (order) await registerInOrder(options, order);
    else await expect.poll(() => options.evaluate(registeredIds), { timeout: 15_000 }).toEqual([PROBE_ID, PLATFORM_ID]);
    const call = await driver.browser.newPage();
    await serveFixtures(call, { [HOST]: 'call-loopback.html' });
    await call.goto(CALL_URL);
    await call.click('#start');
    await call.waitForFunction(() => Number(document.querySelector('anteroom-call')?.getAttribute('data-bitrate-kbps')) > 0, { timeout: 30_000 });
    expect(['good', 'fair', 'poor']).toContain(await call.$eval('anteroom-call', (el) => el.getAttribute('data-quality')));
    // Headless Firefox has no screen to capture (getDisplayMedia never resolves).
    if (name === 'Chromium') {
      await call.click('#share');
      await call.waitForSelector('anteroom-call >>> [data-notice=sharing]', { timeout: 10_000 });
      await call.click('#stop-share');
      await call.waitForFunction(() => !document.querySelector('anteroom-call')?.shadowRoot?.querySelector('[data-notice=sharing]'), { timeout: 10_000 });
    }
    await call.close();
  });
});

/** The ids of Anteroom's custom-platform registrations, sorted (runs in the extension page). */
async function registeredIds(): Promise<string[]> {
  // @ts-expect-error: the WebExtension global of an extension page (chrome in Chromium, browser in Firefox).
  const api = globalThis.browser ?? globalThis.chrome;
  const scripts = (await api.scripting.getRegisteredContentScripts()) as { id: string }[];
  return scripts.map((script) => script.id).sort();
}
