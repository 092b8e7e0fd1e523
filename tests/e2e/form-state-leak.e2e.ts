import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  'restore passphrase': `Restore${RUN} copper meadow violin`,
  'delete confirmation': `Confirm${RUN}`,
  'delete passphrase': `DeletePass${RUN} quiet harbour`,
  'current passphrase': `Current${RUN} lantern seventeen`,
  'new passphrase': `NewPass${RUN} meadow compass nineteen`,
  // A date field keeps its value as YYYY-MM-DD, which is what a saved form state would hold.
  'reminder date': '2031-07-19',
};
const CONTROL = `Control${RUN}`;
const CONTROL_DATE = '2033-03-14';

/** Digits as a person types them into a date field (month, day, year in the en-US layout both browsers use here). */
const dateKeys = (iso: string) => {
  const [year, month, day] = iso.split('-');
  return `${month}${day}${year}`;
};

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

/** Key presses into a field focused without a click (a click can open a date or time picker). */
async function pressInto(page: Page, selector: string, keys: string): Promise<void> {
  const field = await page.waitForSelector(`${selector}:not([disabled])`, { timeout: WAIT });
  await field!.focus();
  await page.keyboard.type(keys);
}

/** Ticks or chooses by keyboard, as a person tabbing through the form would. */
async function pressKey(page: Page, selector: string, key: ' ' | 'ArrowDown'): Promise<void> {
  const field = await page.waitForSelector(`${selector}:not([disabled])`, { timeout: WAIT });
  await field!.focus();
  await page.keyboard.press(key);
}

const valueOf = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLInputElement).value);
const checked = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLInputElement).checked);

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
    await pressInto(control, '#control-date', dateKeys(CONTROL_DATE));
    expect(await valueOf(control, '#control-date')).toBe(CONTROL_DATE);

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

    // A session reminder, typed but not scheduled: when the next session is, is client data.
    await click(notes, '[data-testid=new-reminder]');
    await pressInto(notes, 'input[name=reminderDate]', dateKeys(markers['reminder date']));
    expect(await valueOf(notes, 'input[name=reminderDate]')).toBe(markers['reminder date']);
    await pressInto(notes, 'input[name=reminderTime]', '0147P');
    expect(await valueOf(notes, 'input[name=reminderTime]')).toBe('13:47');
    await pressInto(notes, 'input[name=remindMinutesBefore]', '7');
    await pressKey(notes, 'input[name=reminderShowLabel]', ' ');
    expect(await checked(notes, 'input[name=reminderShowLabel]')).toBe(true);
    // The silence follow-up's choice to name clients.
    await pressKey(notes, 'input[name=silenceShowsNames]', ' ');
    expect(await checked(notes, 'input[name=silenceShowsNames]')).toBe(true);
    // The restore dialog: any file brings up its passphrase box.
    const backup = join(profile, '..', `anteroom-form-state-${RUN}.json`);
    writeFileSync(backup, '{}');
    const file = await notes.waitForSelector('input[type=file][name=import]');
    await file!.uploadFile(backup);
    await typeInto(notes, '#import-passphrase', markers['restore passphrase']);
    // "Change passphrase", filled in but not sent.
    await typeInto(notes, 'input[name=currentPassphrase]', markers['current passphrase']);
    await typeInto(notes, 'input[name=newPassphrase]', markers['new passphrase']);
    await typeInto(notes, 'input[name=newPassphraseConfirm]', markers['new passphrase']);
    await typeInto(notes, 'input[name=search]', markers.search);

    // Dialogs that take the whole "Export or delete" panel, each in a notes page of its own.
    const exporting = await opened.page('notes.html');
    await click(exporting, '[data-testid=client-item]');
    await click(exporting, '[data-testid=export-markdown]');
    await pressKey(exporting, 'input[name=markdownUnderstood]', ' ');
    expect(await checked(exporting, 'input[name=markdownUnderstood]')).toBe(true);
    const deleting = await opened.page('notes.html');
    await click(deleting, '[data-testid=client-item]');
    await click(deleting, '[data-testid=delete-client]');
    await typeInto(deleting, 'input[name=confirmClientLabel]', markers['delete confirmation']);
    await typeInto(deleting, 'input[name=deleteClientPassphrase]', markers['delete passphrase']);

    // The checklist's "This session is with …", chosen by keyboard.
    const popup = await opened.page('popup.html');
    await pressKey(popup, 'select[name=sessionClient]', 'ArrowDown');
    await popup.waitForFunction(() => (document.querySelector('select[name=sessionClient]') as HTMLSelectElement).selectedIndex === 1, {
      timeout: WAIT,
    });

    // Past Firefox's (shortened) save interval, and long enough for Chromium's session timer.
    await new Promise((resolve) => setTimeout(resolve, 6000));
    await browser.close();
    browser = undefined;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  // Firefox saves a date field's value as typed (YYYY-MM-DD), so the reminder date's absence
  // there means something. Chromium's session file showed no typed date in any form this scan
  // reads (checked 2026-12-04), so in Chromium the reminder date is looked for but not proven.
  const controls: Array<[string, string]> = [['text', CONTROL], ...(name === 'Firefox' ? [['a date', CONTROL_DATE] as [string, string]] : [])];
  it.each(controls)('the scan finds %s typed into an ordinary web page, in the session-restore files', (_kind, typed) => {
    const hits = scanProfile(profile, textNeedles('control', typed));
    const sessionFile = name === 'Chromium' ? /\/Sessions\// : /sessionstore.*\.jsonlz4/;
    expect(hits.some((hit) => sessionFile.test(hit))).toBe(true);
  });

  it('no passphrase, client label, note, tag, search, reminder, restore or delete text anywhere in the profile', () => {
    const needles = Object.fromEntries(Object.entries(markers).flatMap(([what, text]) => Object.entries(textNeedles(what, text))));
    expect(scanProfile(profile, needles)).toEqual([]);
  });
});
