// Which browsers the end-to-end tests drive, and how to get them. Shared by setup and test.
import { existsSync } from 'node:fs';

export const browsers = [
  { name: 'Chromium', path: process.env.ANTEROOM_CHROMIUM ?? '/usr/bin/chromium', apt: 'chromium', env: 'ANTEROOM_CHROMIUM' },
  { name: 'Firefox ESR', path: process.env.ANTEROOM_FIREFOX ?? '/usr/bin/firefox-esr', apt: 'firefox-esr', env: 'ANTEROOM_FIREFOX' },
];

export const chromiumPath = browsers[0].path;
export const firefoxPath = browsers[1].path;

/**
 * Chromium flags for every test, benchmark and tool run: no first-run or background traffic,
 * and every host name resolving to nothing, so a run can never reach the network (fixture pages
 * are served by request interception).
 */
export const CHROMIUM_ISOLATION_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

export const missingBrowsers = () => browsers.filter((b) => !existsSync(b.path));

export function howToInstall(missing) {
  return missing
    .map((b) => `  - ${b.name}: not found at ${b.path}. Install Debian's "${b.apt}" package (sudo apt-get install ${b.apt}), or set ${b.env} to its binary.`)
    .join('\n');
}
