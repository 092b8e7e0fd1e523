import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Page } from 'puppeteer';
import type { Driver } from './harness/driver';
import { withGrantedPermissions } from './harness/browsers';
import { serveFixtures } from './harness/fixtures';
import { fill } from './harness/forms';
import { hostile, joinCall, launchCallBrowser, NO_SCREEN, waitForBitrate } from './harness/call';
import { browserTable } from './harness/matrix';

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

type Registration = { id: string };

/** Anteroom's own custom-platform registrations, as the background made them. */
const registrationsOf = (page: Page) =>
  page.evaluate(async (ids) => {
    // @ts-expect-error: the WebExtension global of an extension page (chrome in Chromium, browser in Firefox).
    const api = globalThis.browser ?? globalThis.chrome;
    return (await api.scripting.getRegisteredContentScripts({ ids })) as Registration[];
  }, [PROBE_ID, PLATFORM_ID]);

/** Registers those of `scripts` named in `ids` again, one call each, in that order; the others not at all. */
async function registerInOrder(page: Page, scripts: readonly Registration[], ids: readonly string[]) {
  await page.evaluate(
    async (all, order) => {
      // @ts-expect-error: the WebExtension global of an extension page (chrome in Chromium, browser in Firefox).
      const api = globalThis.browser ?? globalThis.chrome;
      const present = (await api.scripting.getRegisteredContentScripts({ ids: all.map((script) => script.id) })) as Registration[];
      if (present.length > 0) await api.scripting.unregisterContentScripts({ ids: present.map((script) => script.id) });
      for (const id of order) await api.scripting.registerContentScripts([all.find((script) => script.id === id)]);
    },
    scripts,
    ids,
  );
}

/** The three ways the two scripts can be registered: as Anteroom does it, and each one first. */
const ORDERS = [
  ['as Anteroom registers them', undefined],
  ['platform script registered first', [PLATFORM_ID, PROBE_ID]],
  ['call probe registered first', [PROBE_ID, PLATFORM_ID]],
] as const;

describe.each(
  browserTable({ Firefox: Object.fromEntries(ORDERS.map(([label]) => [`${label}: the page gets the share news`, NO_SCREEN])) }),
)('a custom video platform’s call page in %s', (browser, test) => {
  let driver: Driver;
  let options: Page;
  let registrations: Registration[];
  beforeAll(async () => {
    // Headless Chromium cannot answer the site permission prompt: the copy of the build has the
    // site granted at install, and the options page's request then resolves without asking.
    driver = await launchCallBrowser(browser, browser === 'Chromium' ? { extensionDir: withGrantedPermissions([], [`https://${HOST}/*`]) } : {});
    options = await driver.extensionPage('options.html');
    await options.bringToFront();
    await options.waitForSelector('[data-testid=custom-platform-form]');
    await fill(options, 'custom-address', CALL_URL);
    await fill(options, 'custom-name', 'Clinic video');
    await options.click('[data-testid=custom-add]');
    await options.waitForFunction((host) => document.querySelector(`[data-testid=custom-platform-list] [data-host="${host}"]`), { timeout: 15_000 }, HOST);
    // The background registers both once it has seen the new list.
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
      registrations = await registrationsOf(options);
      if (registrations.length === 2) break;
    }
    expect(registrations.map((script) => script.id).sort()).toEqual([PROBE_ID, PLATFORM_ID]);
  });
  afterAll(async () => {
    await driver?.close();
  });

  for (const [label, order] of ORDERS) {
    test(`${label}: the page gets the call quality news`, async () => {
      if (order) await registerInOrder(options, registrations, order);
      const { page: call } = await joinCall(driver, CALL_URL);
      await waitForBitrate(call);
      expect(['good', 'fair', 'poor']).toContain(await call.$eval('anteroom-call', (el) => el.getAttribute('data-quality')));
      await call.close();
    });

    test(`${label}: the page gets the share news`, async () => {
      if (order) await registerInOrder(options, registrations, order);
      const { page: call } = await joinCall(driver, CALL_URL);
      await waitForBitrate(call);
      await call.click('#share');
      await call.waitForSelector('anteroom-call >>> [data-notice=sharing]', { timeout: 10_000 });
      await call.click('#stop-share');
      await call.waitForFunction(() => !document.querySelector('anteroom-call')?.shadowRoot?.querySelector('[data-notice=sharing]'), { timeout: 10_000 });
      await call.close();
    });
  }

  // Where one end never comes (the platform script alone is how every public-broadcast site
  // runs), the other waits only until the page could run: a page racing for the line at its
  // first line (call-loopback.html at a `?hostile` address) gets nothing.
  test('the call probe alone: a port the page offers at its first line is not taken, and hears no call', async () => {
    await registerInOrder(options, registrations, [PROBE_ID]);
    const { page: call } = await joinCall(driver, hostile(CALL_URL));
    await call.waitForFunction(() => document.body.dataset.call === 'started', { timeout: 30_000 });
    // The probe reads the call every 2 s; past three readings, none reached the page's port.
    await new Promise((resolve) => setTimeout(resolve, 7000));
    expect(await call.evaluate(() => [(window as unknown as { __firstOfferTaken: boolean }).__firstOfferTaken, (window as unknown as { __seen: unknown }).__seen])).toEqual([
      false,
      { attributes: [], messages: [], ports: 0 },
    ]);
    await call.close();
  });

  test('the platform script alone: a hello the page says at its first line is answered with no port', async () => {
    await registerInOrder(options, registrations, [PLATFORM_ID]);
    const call = await driver.browser.newPage();
    await serveFixtures(call, { [HOST]: 'call-loopback.html' });
    await call.goto(hostile(CALL_URL));
    // The platform script ran: its banner is drawn.
    await call.waitForSelector('anteroom-banner[data-verdict]', { timeout: 15_000 });
    expect(await call.evaluate(() => (window as unknown as { __seen: { ports: number } }).__seen.ports)).toBe(0);
    await call.close();
  });
});

