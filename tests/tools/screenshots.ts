// `npm run screenshots [chromium|firefox]`: pictures for the README, taken from the real builds
// (run `npm run build` first) in Debian's Chromium and Firefox ESR through the e2e harness.
// Writes tests/screenshots/<browser>/*.png. Sample therapist details and a made-up client only.
// Platform pages are fixtures served by request interception; no real host is contacted.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { chromiumDriver, firefoxDriver, type Driver } from '../e2e/harness/driver';
import { serveFixtures } from '../e2e/harness/fixtures';
import { fill, saveAndWait } from '../e2e/harness/forms';
import { repoRoot } from '../e2e/harness/paths';
import { PopupPage } from '../e2e/pages/popup-page';

const ROUTES = { 'doxy.me': 'video-call.html', 'web.whatsapp.com': 'video-call.html' };
const WAIT = 45_000; // scrypt and a busy two-core machine: every wait is generous
const POPUP = { width: 480, height: 600 }; // the most a browser gives a popup
const PAGE = { width: 1000, height: 800 };

type Clip = { x: number; y: number; width: number; height: number };

async function shot(page: Page, file: string, clip?: Clip) {
  await page.screenshot({ path: file, ...(clip ? { clip } : {}) });
  console.log(`wrote ${file.slice(repoRoot.length)}`);
}

/** The popup's own height, up to what a browser allows. */
async function popupClip(page: Page): Promise<Clip> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  return { x: 0, y: 0, width: POPUP.width, height: Math.min(height, POPUP.height) };
}

/** The page down to the end of its content, no taller than the viewport. */
async function contentClip(page: Page): Promise<Clip> {
  const { width, height } = await page.evaluate(() => ({
    width: document.documentElement.clientWidth,
    height: Math.min(window.innerHeight, Math.ceil(document.body.getBoundingClientRect().bottom) + 24),
  }));
  return { x: 0, y: 0, width, height };
}

/** The checklist at a popup's size, once every measured item has reported. */
async function openPopup(driver: Driver): Promise<PopupPage> {
  const popup = new PopupPage(await driver.extensionPage('popup.html'));
  await popup.page.setViewport(POPUP);
  await popup.loaded(WAIT);
  return popup;
}

/** `look`: 'light' takes every picture (and dark ones where the driver can emulate); 'dark' only the dark one, in a dark profile. */
type Look = 'light' | 'dark';

async function popup(driver: Driver, out: string, look: Look = 'light') {
  // The session tab first: the checklist reads the platform from it.
  const site = await driver.browser.newPage();
  await serveFixtures(site, ROUTES);
  await site.goto('https://doxy.me/drsmith');
  const popup = await openPopup(driver);
  const { page } = popup;
  await page.evaluate(() => window.scrollTo(0, 0));
  if (look === 'light') await shot(page, `${out}/popup-not-ready.png`, await popupClip(page));
  await popup.confirmAll();
  await page.waitForSelector('[data-testid=readiness][data-state=ready]', { timeout: WAIT });
  await page.evaluate(() => window.scrollTo(0, 0));
  if (look === 'dark') {
    await shot(page, `${out}/popup-ready-dark.png`, await popupClip(page));
  } else {
    await shot(page, `${out}/popup-ready.png`, await popupClip(page));
    await dark(page, `${out}/popup-ready-dark.png`, () => popupClip(page));
  }
  await page.close();
  await site.close();
}

/** The banner's card or chip. */
async function bannerClip(page: Page): Promise<Clip> {
  const box = await page.$eval('anteroom-banner', (host) => {
    const r = (host.shadowRoot!.querySelector('.card, .compact') ?? host).getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  return around(box);
}

/** A box with a little of the page around it, inside the viewport. */
function around(box: Clip, pad = 12): Clip {
  const x = Math.max(0, box.x - pad);
  const y = Math.max(0, box.y - pad);
  return { x, y, width: Math.min(PAGE.width - x, box.width + 2 * pad), height: Math.min(PAGE.height - y, box.height + 2 * pad) };
}

async function banner(driver: Driver, out: string, url: string, name: string) {
  // First visit: the card. Second visit: the chip.
  for (const look of ['card', 'chip']) {
    const page = await driver.browser.newPage();
    await page.setViewport(PAGE);
    await serveFixtures(page, ROUTES);
    await page.goto(url);
    await page.waitForSelector(`anteroom-banner[data-look=${look}]`, { timeout: WAIT });
    // Let the entrance settle before the picture.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await shot(page, `${out}/banner-${name}-${look}.png`, await bannerClip(page));
    await page.close();
  }
}

/** The in-call indicator on a fake Meet page that calls itself over loopback with the fake camera. */
async function callIndicator(driver: Driver, out: string) {
  const page = await driver.browser.newPage();
  await page.setViewport(PAGE);
  await serveFixtures(page, { 'meet.google.com': 'call-loopback.html' });
  await page.goto('https://meet.google.com/abc-defg-hij');
  await page.click('#start');
  await page.waitForFunction(() => Number(document.querySelector('anteroom-call')?.getAttribute('data-bitrate-kbps')) > 0, { timeout: WAIT });
  await page.waitForFunction(() => Number(document.querySelector('anteroom-call')?.getAttribute('data-elapsed-s')) >= 3, { timeout: WAIT });
  // The fake camera's loopback call measures as "poor" here: the picture shows it as measured.
  const box = await page.$eval('anteroom-call', (host) => {
    const shown = [...host.shadowRoot!.children].find((el) => el.tagName !== 'STYLE' && el.getBoundingClientRect().width > 0) ?? host;
    const r = shown.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  await shot(page, `${out}/call-indicator.png`, around(box));
  await page.close();
}

async function notes(driver: Driver, out: string, look: Look = 'light') {
  const page = await driver.extensionPage('notes.html');
  await page.setViewport(PAGE);
  await page.waitForSelector('[data-testid=vault-state][data-state=none]', { timeout: WAIT });
  await fill(page, 'passphrase', 'quiet harbour lantern seventeen');
  await fill(page, 'passphraseConfirm', 'quiet harbour lantern seventeen');
  await page.waitForSelector('[data-testid=passphrase-strength][data-score]', { timeout: WAIT });
  await (await page.waitForSelector('[data-testid=create-vault]:not([disabled])', { timeout: WAIT }))!.click();
  await page.waitForSelector('[data-testid=vault-state][data-state=unlocked]', { timeout: WAIT });
  await (await page.waitForSelector('[data-testid=new-client]:not([disabled])', { timeout: WAIT }))!.click();
  await page.waitForSelector('input[name=clientLabel]');
  await fill(page, 'clientLabel', 'Client A.M.');
  await page.click('[data-testid=save-client]');
  await page.waitForFunction(() => document.querySelector('#client-heading')?.textContent === 'Client A.M.', { timeout: WAIT });
  await (await page.waitForSelector('[data-testid=new-note]:not([disabled])', { timeout: WAIT }))!.click();
  await page.waitForSelector('textarea[name=noteBody]');
  await fill(page, 'noteBody', 'Talked about sleep and the new job. Agreed to try a wind-down hour before bed; review in two weeks.');
  await fill(page, 'noteTags', 'sleep, review');
  await page.click('[data-testid=save-note]');
  await page.waitForSelector('[data-testid=note-item]', { timeout: WAIT });
  await page.waitForSelector('textarea[name=noteBody]', { hidden: true, timeout: WAIT });
  await page.evaluate(() => window.scrollTo(0, 0));
  if (look === 'dark') {
    await shot(page, `${out}/notes-unlocked-dark.png`);
  } else {
    await shot(page, `${out}/notes-unlocked.png`);
    await dark(page, `${out}/notes-unlocked-dark.png`);
  }
  await page.close();
}

async function preflight(driver: Driver, out: string, camera: boolean) {
  const page = await driver.extensionPage('preflight.html');
  await page.setViewport(PAGE);
  await page.waitForSelector('[data-testid=media-start]', { timeout: WAIT });
  await shot(page, `${out}/preflight.png`);
  if (camera) {
    await page.click('[data-testid=media-start]');
    const verdict = await page.waitForSelector('[data-testid=lighting][data-lighting=backlit]', { timeout: WAIT });
    await verdict!.scrollIntoView();
    await shot(page, `${out}/preflight-lighting.png`);
  }
  await page.close();
}

async function welcome(driver: Driver, out: string) {
  const page = await driver.extensionPage('welcome.html');
  await page.setViewport(PAGE);
  await page.waitForSelector('[data-testid=welcome][data-step=practice]', { timeout: WAIT });
  await shot(page, `${out}/welcome.png`, await contentClip(page));
  await page.close();
}

/** The options page with a therapist's details, then the agreement built from them. */
async function options(driver: Driver, out: string) {
  const page = await driver.extensionPage('options.html');
  await page.setViewport({ width: 1000, height: 1400 });
  await page.waitForSelector('[data-testid=save]', { timeout: WAIT });
  await fill(page, 'therapist.name', 'Alex Morgan, MBACP');
  await fill(page, 'therapist.practice', 'Quiet Room Counselling');
  await fill(page, 'therapist.contact', 'alex@quietroom.example');
  await saveAndWait(page, 'saved');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, `${out}/options.png`, await contentClip(page));
  await page.close();
  const agreement = await driver.extensionPage('agreement.html');
  await agreement.setViewport({ width: 1000, height: 1400 });
  await agreement.waitForSelector('[data-testid=agreement]', { timeout: WAIT });
  await shot(agreement, `${out}/agreement.png`, await contentClip(agreement));
  await agreement.close();
}

/** The same page with the system asking for dark colours; skipped where the driver cannot ask. */
async function dark(page: Page, file: string, clip?: () => Promise<Clip>) {
  try {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  } catch (error) {
    console.log(`${file.slice(repoRoot.length)}: this driver cannot emulate dark mode (${(error as Error).message}); taken from a dark profile instead`);
    return;
  }
  await page.waitForFunction(() => matchMedia('(prefers-color-scheme: dark)').matches, { timeout: WAIT });
  await shot(page, file, clip ? await clip() : undefined);
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
}

/** Chromium's fake camera playing a backlit picture (tests/tools/make-y4m.mjs), for the lighting verdict. */
function fakeCamera(): string[] {
  const file = join(mkdtempSync(join(tmpdir(), 'anteroom-shots-')), 'backlit.y4m');
  execFileSync(process.execPath, [join(repoRoot, 'tests/tools/make-y4m.mjs'), 'backlit', file]);
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${file}`,
    // The loopback call's own candidates, as in call.e2e.ts (harness/call.ts).
    '--disable-features=WebRtcHideLocalIpsWithMdns',
  ];
}

interface Target {
  launch(): Promise<Driver>;
  camera: boolean;
  /** A profile whose pages prefer dark colours, where the driver cannot emulate them. */
  launchDark?(): Promise<Driver>;
}

const BROWSERS: Record<'chromium' | 'firefox', Target> = {
  chromium: { launch: () => chromiumDriver(fakeCamera()), camera: true },
  // Firefox has no fake camera switch the harness can set: no lighting verdict there. Its
  // WebDriver BiDi cannot emulate media features; Firefox's own setting for a dark system can.
  firefox: {
    // Firefox's generated camera and microphone, for the loopback call (as in call.e2e.ts, harness/call.ts).
    launch: () => firefoxDriver({ 'media.navigator.streams.fake': true, 'media.navigator.permission.disabled': true }),
    camera: false,
    launchDark: () => firefoxDriver({ 'ui.systemUsesDarkTheme': 1, 'layout.css.prefers-color-scheme.content-override': 0 }),
  },
};

type Step = [string, (driver: Driver, out: string) => Promise<void>];

const STEPS = (camera: boolean): Step[] => [
  ['options and agreement', options],
  ['banner (use with care)', (d, out) => banner(d, out, 'https://doxy.me/drsmith', 'caution')],
  ['banner (avoid)', (d, out) => banner(d, out, 'https://web.whatsapp.com/', 'avoid')],
  // After the banners: the popup's session tab is a platform, and would use up its first card.
  ['popup', (d, out) => popup(d, out)],
  ['notes', (d, out) => notes(d, out)],
  ['in-call indicator', callIndicator],
  ['preflight', (d, out) => preflight(d, out, camera)],
  ['welcome', welcome],
];
const DARK_STEPS: Step[] = [
  ['popup (dark)', (d, out) => popup(d, out, 'dark')],
  ['notes (dark)', (d, out) => notes(d, out, 'dark')],
];

/** Runs every step in one browser; a step that fails is reported and the others still run. */
async function runSteps(name: string, launch: () => Promise<Driver>, steps: Step[], out: string): Promise<boolean> {
  const driver = await launch();
  let ok = true;
  try {
    for (const [step, run] of steps) {
      try {
        await run(driver, out);
      } catch (error) {
        ok = false;
        console.error(`${name}: ${step} failed: ${(error as Error).message}`);
      }
    }
  } finally {
    await driver.close();
  }
  return ok;
}

const wanted = process.argv.slice(2).filter((a): a is keyof typeof BROWSERS => a in BROWSERS);
let ok = true;
for (const name of wanted.length ? wanted : (Object.keys(BROWSERS) as (keyof typeof BROWSERS)[])) {
  const out = join(repoRoot, 'tests/screenshots', name);
  mkdirSync(out, { recursive: true });
  const { launch, camera, launchDark } = BROWSERS[name];
  ok = (await runSteps(name, launch, STEPS(camera), out)) && ok;
  if (launchDark) ok = (await runSteps(`${name} (dark profile)`, launchDark, DARK_STEPS, out)) && ok;
}
process.exitCode = ok ? 0 : 1;
