// Which browsers the end-to-end tests drive, and how to get them. Shared by setup and test.
import { existsSync } from 'node:fs';

export const browsers = [
  { name: 'Chromium', path: process.env.ANTEROOM_CHROMIUM ?? '/usr/bin/chromium', apt: 'chromium', env: 'ANTEROOM_CHROMIUM' },
  { name: 'Firefox ESR', path: process.env.ANTEROOM_FIREFOX ?? '/usr/bin/firefox-esr', apt: 'firefox-esr', env: 'ANTEROOM_FIREFOX' },
];

export const missingBrowsers = () => browsers.filter((b) => !existsSync(b.path));

export function howToInstall(missing) {
  return missing
    .map((b) => `  - ${b.name}: not found at ${b.path}. Install Debian's "${b.apt}" package (sudo apt-get install ${b.apt}), or set ${b.env} to its binary.`)
    .join('\n');
}
