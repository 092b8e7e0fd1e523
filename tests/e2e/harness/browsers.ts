import puppeteer, { type Browser } from 'puppeteer';
import { chromeBuild, chromiumPath, firefoxBuild, firefoxPath, requireBuilds, requireFile } from './paths';

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
export async function launchChromium(extraArgs: string[] = []): Promise<ChromiumSession> {
  requireBuilds();
  requireFile(chromiumPath, 'Chromium', missingBrowser('Chromium', 'chromium', 'ANTEROOM_CHROMIUM'));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    pipe: true,
    enableExtensions: [chromeBuild],
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--host-resolver-rules=MAP * ~NOTFOUND',
      ...extraArgs,
    ],
  });
  const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'));
  const extensionId = new URL(worker.url()).host;
  return { browser, extensionId, pageUrl: (page) => `chrome-extension://${extensionId}/${page}` };
}

export interface FirefoxSession {
  browser: Browser;
  extensionId: string;
}

/**
 * Real Firefox (ESR) with the production build installed as a temporary add-on. Its proxy
 * points at a closed loopback port, so anything that escapes interception goes nowhere.
 */
export async function launchFirefox(): Promise<FirefoxSession> {
  requireBuilds();
  requireFile(firefoxPath, 'Firefox', missingBrowser('Firefox', 'firefox-esr', 'ANTEROOM_FIREFOX'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    },
  });
  const extensionId = await browser.installExtension(firefoxBuild);
  return { browser, extensionId };
}
