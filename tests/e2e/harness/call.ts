import type { Page } from 'puppeteer';
import { launchDriver, type BrowserName, type Driver, type DriverOptions } from './driver';
import { watchErrors } from './errors';
import { serveFixtures } from './fixtures';

/**
 * A browser that can hold a call: fake camera and microphone with no prompt (both browsers), and
 * in Chromium a screen that getDisplayMedia picks at once. Headless Firefox has no screen to
 * capture, so share tests skip there (NO_SCREEN).
 */
export const CALL_BROWSER: DriverOptions = {
  chromiumArgs: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--auto-select-desktop-capture-source=Entire screen', '--disable-features=WebRtcHideLocalIpsWithMdns'],
  firefoxPrefs: { 'media.navigator.streams.fake': true, 'media.navigator.permission.disabled': true },
};

/**
 * Why a test that shares the screen skips in Firefox. Tried on Firefox ESR 153 headless: after a
 * real click, getDisplayMedia rejects with NotFoundError, with or without the fake-media,
 * no-permission-prompt and screen-sharing preferences (enumerateDevices lists only the fake
 * camera and microphone). Firefox has no fake screen, and headless it has no screen at all.
 */
export const NO_SCREEN = 'headless Firefox has no screen to capture: getDisplayMedia rejects with NotFoundError even after a click';

export const launchCallBrowser = (name: BrowserName, extra: DriverOptions = {}): Promise<Driver> =>
  launchDriver(name, { ...CALL_BROWSER, ...extra, chromiumArgs: [...CALL_BROWSER.chromiumArgs!, ...(extra.chromiumArgs ?? [])], firefoxPrefs: { ...CALL_BROWSER.firefoxPrefs, ...extra.firefoxPrefs } });

/**
 * Opens a loopback call page (tests/fixtures/pages, by default call-loopback.html) at `url` and
 * presses its Start button. Records every window message the page could hear, in `__posted`.
 * At a `hostile(url)` address the page works against Anteroom from its first line (the fixture
 * says how).
 */
export async function joinCall(driver: Driver, url: string, fixture = 'call-loopback.html'): Promise<{ page: Page; errors: string[] }> {
  const page = await driver.browser.newPage();
  const errors = watchErrors(page);
  await serveFixtures(page, { [new URL(url).hostname]: fixture });
  await page.evaluateOnNewDocument(() => {
    (window as unknown as { __posted: unknown[] }).__posted = [];
    window.addEventListener('message', (e) => (window as unknown as { __posted: unknown[] }).__posted.push(e.data));
  });
  await page.goto(url);
  await page.click('#start');
  return { page, errors };
}

/** The address of the same call page when it is hostile (call-loopback.html reads `?hostile`). */
export const hostile = (url: string): string => `${url}${url.includes('?') ? '&' : '?'}hostile`;

/** Waits until the in-call indicator reports video flowing. */
export async function waitForBitrate(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => Number(document.querySelector('anteroom-call')?.getAttribute('data-bitrate-kbps')) > 0, { timeout });
}
