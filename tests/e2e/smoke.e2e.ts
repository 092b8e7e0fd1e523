import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Page } from 'puppeteer';
import { launchDriver, type BrowserName, type Driver } from './harness/driver';
import { errorsOn, watchErrors } from './harness/errors';
import { serveFixtures } from './harness/fixtures';
import { browserTable } from './harness/matrix';

/** The build installs and its pages open, in each browser; its content scripts go only where they belong. */

/** Where each browser offers the notes page beside the web page: Chromium's side panel, Firefox's sidebar. */
const SIDE_PANEL: Record<BrowserName, (page: Page) => Promise<string | undefined>> = {
  Chromium: (page) =>
    page.evaluate(async () => (await (globalThis as unknown as { chrome: { sidePanel: { getOptions(o: object): Promise<{ path?: string }> } } }).chrome.sidePanel.getOptions({})).path),
  // Firefox reports the panel as a full moz-extension:// URL.
  Firefox: (page) =>
    page.evaluate(() => {
      const panel = (globalThis as unknown as { browser: { runtime: { getManifest(): { sidebar_action?: { default_panel?: string } } } } }).browser.runtime.getManifest().sidebar_action?.default_panel;
      return panel?.replace(/^moz-extension:\/\/[^/]+\//, '');
    }),
};

describe.each(
  browserTable({
    Chromium: { 'installs with its Gecko id': 'a Gecko id is Firefox’s; Chromium derives the id from the key' },
  }),
)('the %s build', (browser, test) => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await launchDriver(browser);
  });
  afterAll(async () => {
    await driver?.close();
  });

  test('installs with its Gecko id', () => {
    expect(driver.extensionId).toBe('anteroom@anteroom.invalid');
  });

  for (const file of ['popup.html', 'options.html', 'notes.html', 'preflight.html']) {
    test(`opens ${file} with a heading and no errors`, async () => {
      const page = await driver.extensionPage(file);
      const errors = watchErrors(page);
      const heading = await page.waitForSelector('h1');
      expect((await heading?.evaluate((h) => h.textContent))?.trim().length).toBeGreaterThan(3);
      expect(await errorsOn(page, errors)).toEqual([]);
      await page.close();
    });
  }

  test('notices an error thrown in an extension page (so "no errors" above means something)', async () => {
    const page = await driver.extensionPage('preflight.html');
    const errors = watchErrors(page);
    await page.evaluate(() => setTimeout(() => { throw new Error('deliberate harness check'); }));
    await page.waitForSelector('[data-testid=page-error]', { timeout: 5000 });
    expect((await errorsOn(page, errors)).join('\n')).toContain('deliberate harness check');
    // Chromium's driver hears it too; Firefox's BiDi does not report extension pages' errors.
    if (browser === 'Chromium') expect(errors.join('\n')).toContain('deliberate harness check');
    await page.close();
  });

  test('offers the notes page beside the web page (side panel or sidebar)', async () => {
    const page = await driver.extensionPage('popup.html');
    expect(await SIDE_PANEL[browser](page)).toBe('notes.html');
    await page.close();
  });

  test('attaches its content script on a video-call host', async () => {
    const page = await driver.browser.newPage();
    const errors = watchErrors(page);
    await serveFixtures(page, { 'us02web.zoom.us': 'video-call.html' });
    await page.goto('https://us02web.zoom.us/wc/123/join');
    const banner = await page.waitForSelector('anteroom-banner', { timeout: 15_000 });
    expect(await banner?.evaluate((el) => el.getAttribute('data-platform'))).toBe('zoom');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('leaves nothing on a call page that the page can read: no globals, no messages, the same WebRTC names', async () => {
    const globalsAt = async (url: string) => {
      const page = await driver.browser.newPage();
      await serveFixtures(page, { 'us02web.zoom.us': 'video-call.html', 'www.unrelated.example': 'video-call.html' });
      // What the page's own scripts would hear, from before anything else runs.
      await page.evaluateOnNewDocument(() => {
        const heard: unknown[] = [];
        Object.defineProperty(window, '__heardByPage', { value: heard, enumerable: false });
        window.addEventListener('message', (event) => heard.push(event.data));
      });
      await page.goto(url);
      if (url.includes('zoom')) await page.waitForSelector('anteroom-banner[data-verdict]', { timeout: 15_000 });
      await new Promise((r) => setTimeout(r, 500));
      const seen = await page.evaluate(() => ({
        names: Object.getOwnPropertyNames(window).sort(),
        heard: (window as unknown as { __heardByPage: unknown[] }).__heardByPage,
        // The probe's wrappers must look like the browser's own functions to a page's checks.
        wrapped: [
          RTCPeerConnection.name,
          RTCPeerConnection.length,
          MediaDevices.prototype.getDisplayMedia.name,
          MediaDevices.prototype.getDisplayMedia.length,
          (() => {
            try {
              (RTCPeerConnection as unknown as () => unknown)();
              return 'called without new';
            } catch (error) {
              return String(error);
            }
          })(),
        ],
      }));
      await page.close();
      return seen;
    };
    const withScripts = await globalsAt('https://us02web.zoom.us/wc/123/join');
    const without = await globalsAt('https://www.unrelated.example/wc/123/join');
    expect(withScripts.names.filter((name) => !without.names.includes(name))).toEqual([]);
    expect(withScripts.heard).toEqual([]);
    expect(withScripts.wrapped).toEqual(without.wrapped);
  });

  test('stays out of an unrelated site and makes no request of its own', async () => {
    const page = await driver.browser.newPage();
    const errors = watchErrors(page);
    const server = await serveFixtures(page);
    await page.goto('https://www.unrelated.example/news');
    // Give a content script, if one were wrongly attached, time to run.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await page.$('anteroom-banner')).toBeNull();
    expect(server.requests).toEqual(['https://www.unrelated.example/news']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
