import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { chromeBuild, chromiumPath, firefoxBuild, firefoxPath, requireBuilds, requireFile } from './paths';
import { CHROMIUM_ISOLATION_ARGS } from '../../tools/browsers.mjs';

export interface ChromiumSession {
  browser: Browser;
  extensionId: string;
  /** chrome-extension://<id>/<page> */
  pageUrl(page: string): string;
}

const missingBrowser = (name: string, pkg: string, env: string) =>
  `Install Debian's ${pkg} (\`sudo apt-get install ${pkg}\`, or \`npm run setup\`), or set ${env} to a ${name} binary.`;

/**
 * Real Chromium with the production build loaded. Every host name resolves to nothing, so a
 * request that escapes request interception fails instead of reaching the internet.
 */
export interface ChromiumOptions {
  /** A profile directory the test chose, to read what the browser wrote to disk. */
  userDataDir?: string;
  /** Let tabs make sound (Puppeteer mutes by default, and a muted tab is never "audible"). */
  allowAudio?: boolean;
  /** Another copy of the build to load (withGrantedPermissions), instead of the build itself. */
  extensionDir?: string;
}

export async function launchChromium(extraArgs: string[] = [], options: ChromiumOptions | string = {}): Promise<ChromiumSession> {
  const { userDataDir, allowAudio, extensionDir } = typeof options === 'string' ? { userDataDir: options, allowAudio: false, extensionDir: undefined } : options;
  requireBuilds();
  requireFile(chromiumPath, 'Chromium', missingBrowser('Chromium', 'chromium', 'ANTEROOM_CHROMIUM'));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    pipe: true,
    ...(userDataDir ? { userDataDir } : {}),
    ...(allowAudio ? { ignoreDefaultArgs: ['--mute-audio'] } : {}),
    enableExtensions: [extensionDir ?? chromeBuild],
    args: [...CHROMIUM_ISOLATION_ARGS, ...extraArgs],
  });
  const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'));
  const extensionId = new URL(worker.url()).host;
  // Installing opens the first-run welcome tab. Headless Chromium stops rendering tabs
  // behind the focused one, so a test's page would never paint and clicks would hang: close it.
  const welcome = await browser
    .waitForTarget((t) => t.type() === 'page' && t.url() === `chrome-extension://${extensionId}/welcome.html`, { timeout: 5000 })
    .catch(() => undefined);
  await (await welcome?.page())?.close();
  return { browser, extensionId, pageUrl: (page) => `chrome-extension://${extensionId}/${page}` };
}

/**
 * A copy of the Chrome build whose manifest grants the named optional permissions (and host
 * permissions for `origins`) at install. Headless Chromium cannot answer a permission prompt;
 * this stands in for the therapist's "Allow" (asking for a site already granted resolves with
 * no prompt), and everything after the grant is the real build's code.
 */
export function withGrantedPermissions(permissions: string[], origins: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'anteroom-granted-'));
  cpSync(chromeBuild, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { permissions?: string[]; optional_permissions?: string[]; host_permissions?: string[] };
  manifest.permissions = [...(manifest.permissions ?? []), ...permissions];
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...origins];
  manifest.optional_permissions = (manifest.optional_permissions ?? []).filter((name) => !permissions.includes(name));
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

export interface FirefoxSession {
  browser: Browser;
  extensionId: string;
  /** Our page that opens the others (see openFirefoxExtensionPage). */
  controller?: Page;
}

/**
 * Real Firefox (ESR) with the production build installed as a temporary add-on. Its proxy
 * points at a closed loopback port, so anything that escapes interception goes nowhere.
 * `userDataDir` is a profile directory the test chose, to read what the browser wrote to disk.
 */
export async function launchFirefox(extraPrefs: Record<string, unknown> = {}, userDataDir?: string, acceptInsecureCerts = false): Promise<FirefoxSession> {
  requireBuilds();
  requireFile(firefoxPath, 'Firefox', missingBrowser('Firefox', 'firefox-esr', 'ANTEROOM_FIREFOX'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    // For a loopback server with a throwaway self-signed certificate (Chromium: --ignore-certificate-errors).
    ...(acceptInsecureCerts ? { acceptInsecureCerts } : {}),
    ...(userDataDir ? { userDataDir } : {}),
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // Optional permissions (a custom platform's site) are granted without the prompt, which
      // automation cannot click; what is tested is everything around the grant.
      'extensions.webextOptionalPermissionPrompts': false,
      ...extraPrefs,
    },
  });
  const extensionId = await browser.installExtension(firefoxBuild);
  return { browser, extensionId };
}

/**
 * Firefox's WebDriver BiDi will not navigate to moz-extension:// URLs, so extension pages are
 * opened the way a user's click would: by the extension itself. Installing opens the first-run
 * page (welcome.html); from that privileged page we ask `browser.tabs.create` for any
 * other page, then find its tab by evaluating `location` (BiDi reports such tabs as about:blank).
 */
export async function openFirefoxExtensionPage(session: FirefoxSession, file: string): Promise<Page> {
  const before = new Set(await session.browser.pages());
  const create = async (controller: Page) =>
    controller.evaluate((url) => {
      // @ts-expect-error: `browser` is the WebExtension global inside the extension page.
      return browser.tabs.create({ url });
    }, `/${file}`);
  // The welcome tab is kept as the controller; tests open and close their own pages.
  session.controller ??= await findFirefoxPage(session, (href) => href.startsWith('moz-extension://') && href.endsWith('/welcome.html'));
  try {
    await create(session.controller);
  } catch {
    // The controller was closed by a test: any page of ours can do the same.
    session.controller = await findFirefoxPage(session, (href) => href.startsWith('moz-extension://'));
    await create(session.controller);
  }
  return findFirefoxPage(session, (href) => href.endsWith(`/${file}`), before);
}

/** location.href of a page, or '' if it does not answer within a second (a tab still opening). */
async function hrefOf(page: Page): Promise<string> {
  const timeout = new Promise<string>((resolve) => setTimeout(() => resolve(''), 1000));
  return Promise.race([page.evaluate(() => location.href).catch(() => ''), timeout]);
}

export function findFirefoxPage(session: FirefoxSession, wanted: (href: string) => boolean, exclude = new Set<Page>()): Promise<Page> {
  return findPageAt(session.browser, wanted, exclude);
}

/**
 * The loaded page whose location.href is `wanted`, in either browser, found by asking each page
 * (Firefox's driver reports extension pages as about:blank, so page.url() cannot tell).
 */
export async function findPageAt(browser: Browser, wanted: (href: string) => boolean, exclude = new Set<Page>()): Promise<Page> {
  // Generous: on a busy two-core machine a new Firefox tab can take a while to report in.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      if (exclude.has(page)) continue;
      if (wanted(await hrefOf(page))) {
        await page.waitForFunction(() => document.readyState === 'complete');
        return page;
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('The page did not open within 30 s');
}
