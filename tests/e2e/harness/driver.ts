import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { findFirefoxPage, launchChromium, launchFirefox, openFirefoxExtensionPage, withGrantedPermissions, type ChromiumOptions } from './browsers';

export type BrowserName = 'Chromium' | 'Firefox';

/**
 * One interface over both browsers, so a feature's end-to-end test is written once and run in
 * Chromium and Firefox (`describe.each(drivers)` or `describe.each(browserTable(...))`).
 */
export interface Driver {
  name: BrowserName;
  browser: Browser;
  /** The extension's id (Chromium: from its key; Firefox: the Gecko id). */
  extensionId: string;
  /** A privileged page of ours, for reading what a user cannot read from a web page (badges, storage). */
  extensionPage(file?: string): Promise<Page>;
  /** A page of ours that something else opened (a click in the popup), once it has loaded. */
  waitForExtensionPage(file: string): Promise<Page>;
  close(): Promise<void>;
}

/** What a feature's spec needs of the browser, said once for both. */
export interface DriverOptions extends ChromiumOptions {
  /** A folder the browser saves every download into without asking (the profile's download folder). */
  downloads?: string;
  /**
   * Optional permissions the therapist has allowed. Chromium: a copy of the build whose manifest
   * grants them (headless Chromium cannot answer the prompt). Firefox asks as usual and the
   * harness's no-prompt preference answers "Allow", so only the request is needed.
   */
  grant?: string[];
  chromiumArgs?: string[];
  firefoxPrefs?: Record<string, unknown>;
  acceptInsecureCerts?: boolean;
}

/** A Chromium profile whose download folder is `downloads`, as a therapist's browser has one. */
function chromiumProfileDownloadingTo(downloads: string): string {
  // CDP's Browser.setDownloadBehavior would also redirect downloads, but it overrides the file
  // name (and folder) an extension asks for, which automatic backups need.
  const profile = mkdtempSync(join(tmpdir(), 'anteroom-profile-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ download: { default_directory: downloads, prompt_for_download: false } }));
  return profile;
}

/** Firefox preferences that save every download into `downloads` without a dialog. */
export const firefoxDownloadPrefs = (downloads: string): Record<string, unknown> => ({
  'browser.download.dir': downloads,
  'browser.download.folderList': 2,
  'browser.download.useDownloadDir': true,
  'browser.download.always_ask_before_handling_new_types': false,
  'browser.download.alwaysOpenPanel': false,
});

export async function chromiumDriver(extraArgs: string[] = [], options: DriverOptions = {}): Promise<Driver> {
  const { downloads: _d, grant: _g, chromiumArgs: _a, firefoxPrefs: _p, acceptInsecureCerts: _c, ...chromium } = options;
  const session = await launchChromium([...extraArgs, ...(options.chromiumArgs ?? [])], {
    ...chromium,
    ...(options.downloads ? { userDataDir: chromiumProfileDownloadingTo(options.downloads) } : {}),
    ...(options.grant?.length ? { extensionDir: withGrantedPermissions(options.grant) } : {}),
  });
  return {
    name: 'Chromium',
    browser: session.browser,
    extensionId: session.extensionId,
    async extensionPage(file = 'popup.html') {
      const page = await session.browser.newPage();
      await page.goto(session.pageUrl(file));
      return page;
    },
    async waitForExtensionPage(file) {
      const target = await session.browser.waitForTarget((t) => t.url() === session.pageUrl(file), { timeout: 30_000 });
      return (await target.page())!;
    },
    close: () => session.browser.close(),
  };
}

export async function firefoxDriver(extraPrefs: Record<string, unknown> = {}, acceptInsecureCerts = false, options: DriverOptions = {}): Promise<Driver> {
  const prefs = { ...(options.downloads ? firefoxDownloadPrefs(options.downloads) : {}), ...extraPrefs, ...(options.firefoxPrefs ?? {}) };
  const session = await launchFirefox(prefs, undefined, acceptInsecureCerts || options.acceptInsecureCerts === true);
  return {
    name: 'Firefox',
    browser: session.browser,
    extensionId: session.extensionId,
    extensionPage: (file = 'popup.html') => openFirefoxExtensionPage(session, file),
    // BiDi reports moz-extension tabs as about:blank, so the tab is found by its location.
    waitForExtensionPage: async (file) => findFirefoxPage(session, (href) => href.startsWith('moz-extension://') && href.endsWith(`/${file}`)),
    close: () => session.browser.close(),
  };
}

/** Launches `name` with the options a spec needs. */
export function launchDriver(name: BrowserName, options: DriverOptions = {}): Promise<Driver> {
  return name === 'Chromium' ? chromiumDriver([], options) : firefoxDriver({}, false, options);
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
