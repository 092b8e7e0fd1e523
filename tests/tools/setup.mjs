// `npm run setup`: everything a fresh machine needs, then a build. Safe to run again.
//   1. npm ci (exact versions from package-lock.json; Puppeteer's own browser download is off)
//   2. Debian's chromium and firefox-esr when missing and apt-get is available
//   3. npm run build → .output/chrome-mv3 and .output/firefox-mv3
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { howToInstall, missingBrowsers } from './browsers.mjs';

const run = (cmd, env = {}) => {
  console.log(`\n$ ${cmd}`);
  execSync(cmd, { stdio: 'inherit', env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: 'true', ...env } });
};

run('npm ci --no-audit --no-fund');

const missing = missingBrowsers();
if (missing.length > 0) {
  const hasApt = existsSync('/usr/bin/apt-get');
  const isRoot = process.getuid?.() === 0;
  const sudo = isRoot ? '' : existsSync('/usr/bin/sudo') ? 'sudo ' : null;
  if (hasApt && sudo !== null) {
    const packages = missing.map((b) => b.apt).join(' ');
    run(`${sudo}apt-get update -qq`);
    run(`${sudo}apt-get install -y -qq --no-install-recommends ${packages}`, { DEBIAN_FRONTEND: 'noninteractive' });
  } else {
    console.warn(`\nThe end-to-end tests need browsers this machine does not have:\n${howToInstall(missing)}\n`);
  }
}

run('npm run build');
console.log(`
Anteroom is built. Load it unpacked:
  Chrome/Chromium: chrome://extensions → Developer mode → "Load unpacked" → ${process.cwd()}/.output/chrome-mv3
  Firefox:         about:debugging#/runtime/this-firefox → "Load Temporary Add-on…" → ${process.cwd()}/.output/firefox-mv3/manifest.json
Run the whole test suite with: npm test`);
