import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, launchFirefox, openFirefoxExtensionPage } from './harness/browsers';
import { serveFixtures } from './harness/fixtures';
import { scanProfile, textNeedles } from './harness/profile-scan';

/**
 * What a therapist types never reaches the disk in clear. Browsers save the contents of form
 * fields into their session-restore files (Chromium's Sessions/, Firefox's sessionstore.jsonlz4)
 * while a page is open. This drives the notes page as a user does, with real key presses into
 * every kind of field that holds client data, waits past the browser's save interval, closes
 * the browser and reads every file of its profile (mozLz4 decompressed, UTF-8 and UTF-16LE).
 * A control typed into an ordinary web page's field, which browsers do save, proves the scan
 * would see such text in the very files that matter.
 */

const WAIT = 60_000;
const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
const markers = {
  passphrase: `Passphrase${RUN} lantern orchard velvet compass`,
  'client label': `Label${RUN}`,
  'contract exceptions': `Exceptions${RUN}`,
  'note body': `NoteBody${RUN} spoke about the harbour`,
  'note tags': `Tag${RUN}`,
  search: `Search${RUN}`,
};
const CONTROL = `Control${RUN}`;

interface Opened {
  browser: Browser;
  page(file: string): Promise<Page>;
}

const browsers: Array<[string, (profile: string) => Promise<Opened>]> = [
  [
    'Chromium',
    async (profile) => {
      const session = await launchChromium([], profile);
      return {
        browser: session.browser,
        async page(file) {
          const page = await session.browser.newPage();
          await page.goto(session.pageUrl(file));
          return page;
        },
      };
    },
  ],
  [
    'Firefox',
    async (profile) => {
      // Firefox writes its session every 15 s by default; a shorter interval (still the same
      // writer, same file format) keeps the test quick. resume_from_crash is turned off by
      // Puppeteer's defaults, and with it the periodic writes, so it is turned back on.
      const session = await launchFirefox({ 'browser.sessionstore.interval': 1000, 'browser.sessionstore.resume_from_crash': true }, profile);
      return { browser: session.browser, page: (file) => openFirefoxExtensionPage(session, file) };
    },
  ],
];

async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  const field = await page.waitForSelector(selector, { timeout: WAIT });
  await field!.click();
  await page.keyboard.type(text);
}

async function click(page: Page, selector: string): Promise<void> {
  const button = await page.waitForSelector(`${selector}:not([disabled])`, { timeout: WAIT });
  await button!.click();
}

describe.each(browsers)('what is typed into the notes page, on disk (%s)', (name, open) => {
  const profile = mkdtempSync(join(tmpdir(), `anteroom-form-state-${name.toLowerCase()}-`));
  let browser: Browser | undefined;

  beforeAll(async () => {
    const opened = await open(profile);
    browser = opened.browser;

    const control = await browser.newPage();
    await serveFixtures(control, { 'forms.example': 'form-state-control.html' });
    await control.goto('https://forms.example/');
    await typeInto(control, '#control', CONTROL);

    const notes = await opened.page('notes.html');
    await notes.waitForSelector('[data-testid=vault-state][data-state=none]', { timeout: WAIT });
    await typeInto(notes, 'input[name=passphrase]', markers.passphrase);
    await typeInto(notes, 'input[name=passphraseConfirm]', markers.passphrase);
    await click(notes, '[data-testid=create-vault]');
    await notes.waitForSelector('[data-testid=vault-state][data-state=unlocked]', { timeout: WAIT });
    await click(notes, '[data-testid=new-client]');
    await typeInto(notes, 'input[name=clientLabel]', markers['client label']);
    await typeInto(notes, 'textarea[name=contractExceptions]', markers['contract exceptions']);
    await click(notes, '[data-testid=save-client]');
    await click(notes, '[data-testid=new-note]');
    // Half-typed, unsaved text is what the browsers' savers catch: none of it is saved here.
    await typeInto(notes, 'textarea[name=noteBody]', markers['note body']);
    await typeInto(notes, 'input[name=noteTags]', markers['note tags']);
    await typeInto(notes, 'input[name=search]', markers.search);

    // Past Firefox's (shortened) save interval, and long enough for Chromium's session timer.
    await new Promise((resolve) => setTimeout(resolve, 6000));
    await browser.close();
    browser = undefined;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('the scan finds text typed into an ordinary web page, in the session-restore files', () => {
    const hits = scanProfile(profile, textNeedles('control', CONTROL));
    const sessionFile = name === 'Chromium' ? /\/Sessions\// : /sessionstore.*\.jsonlz4/;
    expect(hits.some((hit) => sessionFile.test(hit))).toBe(true);
  });

  it('no passphrase, client label, note, tag or search text anywhere in the profile', () => {
    const needles = Object.fromEntries(Object.entries(markers).flatMap(([what, text]) => Object.entries(textNeedles(what, text))));
    expect(scanProfile(profile, needles)).toEqual([]);
  });
});
