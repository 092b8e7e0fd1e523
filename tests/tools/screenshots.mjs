// `npm run screenshots`: pictures of the options page and the printable agreement for the
// README, taken from the real build in Debian's Chromium (run `npm run build` first).
// Writes tests/screenshots/*.png. Sample therapist details only; nothing about a client.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer';
import { CHROMIUM_ISOLATION_ARGS, chromiumPath } from './browsers.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const build = `${root}${process.env.ANTEROOM_OUT_DIR ?? '.output'}/chrome-mv3`;
const out = `${root}tests/screenshots`;
mkdirSync(out, { recursive: true });

const browser = await puppeteer.launch({
  executablePath: chromiumPath,
  headless: true,
  pipe: true,
  enableExtensions: [build],
  args: [...CHROMIUM_ISOLATION_ARGS],
  defaultViewport: { width: 1000, height: 1400 },
});
try {
  const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'));
  const id = new URL(worker.url()).host;
  const page = await browser.newPage();
  await page.bringToFront();
  await page.goto(`chrome-extension://${id}/options.html`);
  await page.waitForSelector('[data-testid=save]');
  // Fill the therapist's details as a new user would, then save.
  for (const [name, value] of [['therapist.name', 'Alex Morgan, MBACP'], ['therapist.practice', 'Quiet Room Counselling'], ['therapist.contact', 'alex@quietroom.example']]) {
    const field = await page.$(`[name="${name}"]`);
    if (field) {
      await field.click({ count: 3 });
      await field.type(value);
    }
  }
  await page.click('[data-testid=save]');
  await page.waitForFunction(() => document.querySelector('[data-testid=save-status]')?.getAttribute('data-state') === 'saved', { timeout: 10_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${out}/options.png` });
  await page.goto(`chrome-extension://${id}/agreement.html`);
  await page.waitForSelector('[data-testid=agreement]');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${out}/agreement.png` });
  console.log(`wrote ${out}/options.png and ${out}/agreement.png`);
} finally {
  await browser.close();
}
