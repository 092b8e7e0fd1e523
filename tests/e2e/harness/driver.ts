import type { Browser, Page } from 'puppeteer';
import { launchChromium, launchFirefox, openFirefoxExtensionPage, type ChromiumOptions } from './browsers';

/**
 * One interface over both browsers, so a feature's end-to-end test is written once and run in
 * Chromium and Firefox (`describe.each(drivers)`).
 */
export interface Driver {
  browser: Browser;
  /** A privileged page of ours, for reading what a user cannot read from a web page (badges, storage). */
  extensionPage(file?: string): Promise<Page>;
  close(): Promise<void>;
}

export async function chromiumDriver(extraArgs: string[] = [], options: ChromiumOptions = {}): Promise<Driver> {
  const session = await launchChromium(extraArgs, options);
  return {
    browser: session.browser,
    async extensionPage(file = 'popup.html') {
      const page = await session.browser.newPage();
      await page.goto(session.pageUrl(file));
      return page;
    },
    close: () => session.browser.close(),
  };
}

export async function firefoxDriver(extraPrefs: Record<string, unknown> = {}, acceptInsecureCerts = false): Promise<Driver> {
  const session = await launchFirefox(extraPrefs, undefined, acceptInsecureCerts);
  return {
    browser: session.browser,
    extensionPage: (file = 'popup.html') => openFirefoxExtensionPage(session, file),
    close: () => session.browser.close(),
  };
}

export const drivers = [
  ['Chromium', () => chromiumDriver()],
  ['Firefox', () => firefoxDriver()],
] as const;

/** What the toolbar shows for the tab at `url`, read through the extension's own APIs. */
export async function badgeFor(extensionPage: Page, url: string): Promise<{ text: string; title: string }> {
  return extensionPage.evaluate(async (wanted) => {
    // @ts-expect-error: the WebExtension global of an extension page (chrome in Chromium, browser in Firefox).
    const api = globalThis.browser ?? globalThis.chrome;
    const tabs: { id: number; url?: string }[] = await api.tabs.query({});
    const tab = tabs.find((t) => t.url === wanted);
    if (!tab) throw new Error(`no tab with url ${wanted} (found ${tabs.map((t) => t.url).join(', ')})`);
    return { text: await api.action.getBadgeText({ tabId: tab.id }), title: await api.action.getTitle({ tabId: tab.id }) };
  }, url);
}

/** Stores a contract the way the options page does (value plus WXT's version metadata). */
export async function storeContract(extensionPage: Page, changes: Record<string, unknown>): Promise<void> {
  await extensionPage.evaluate(async (fields) => {
    // @ts-expect-error: the WebExtension global of an extension page.
    const api = globalThis.browser ?? globalThis.chrome;
    const current = (await api.storage.local.get('contract')).contract ?? {};
    await api.storage.local.set({ contract: { ...current, ...fields }, contract$: { v: 2, savedAt: new Date().toISOString() } });
  }, changes);
}
