import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { drivers, type Driver } from './harness/driver';
import { watchErrors } from './harness/errors';
import { serveFixtures } from './harness/fixtures';

const ROUTES = {
  'mail.google.com': 'webmail-gmail-compose.html',
  'outlook.live.com': 'webmail-outlook-compose.html',
  'app.fastmail.com': 'webmail-textarea-compose.html',
  'mail.proton.me': 'webmail-proton-compose.html',
};

const CLINICAL = 'She told me about suicidal thoughts and her sertraline dose';

async function open(driver: Driver, url: string, routes: Record<string, string> = ROUTES) {
  const page = await driver.browser.newPage();
  const errors = watchErrors(page);
  await serveFixtures(page, routes);
  await page.goto(url);
  await page.waitForSelector('anteroom-banner[data-verdict]', { timeout: 15_000 });
  return { page, errors };
}

const bodyText = (page: Page) =>
  page.$eval('#body', (el) => (el instanceof HTMLTextAreaElement ? el.value : (el as HTMLElement).innerText).trim());

async function chooseTemplate(page: Page, id: string) {
  // Open the "Contract replies" section, then click the reply: the caret stays in the draft.
  await page.evaluate(() => {
    const details = document.querySelector('anteroom-banner')?.shadowRoot?.querySelector('details.templates') as HTMLDetailsElement | null;
    if (details) details.open = true;
  });
  // The banner draws again when its model changes (e.g. the settings arrive just after
  // install): a button found a moment before may have been replaced, so look it up again.
  for (let attempt = 0; ; attempt++) {
    const button = await page.waitForSelector(`anteroom-banner >>> [data-testid=template-${id}]`, { timeout: 10_000 });
    try {
      await button!.click();
      return;
    } catch (error) {
      if (attempt >= 2 || !String(error).includes('detached')) throw error;
    }
  }
}

describe.each(drivers)('the webmail companion in %s', (_name, launch) => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await launch();
  });
  afterAll(async () => {
    await driver?.close();
  });

  it.each([
    ['a rich-text editor (Gmail-like)', 'https://mail.google.com/mail/u/0/#inbox?compose=new'],
    ['a rich-text editor (Outlook-like)', 'https://outlook.live.com/mail/0/deeplink/compose'],
    ['a plain text area (Fastmail-like)', 'https://app.fastmail.com/mail/compose'],
  ])('puts a contract reply into %s, and undo takes it out again', async (_shape, url) => {
    const { page, errors } = await open(driver, url);
    await page.click('#body');
    await page.keyboard.type('Hello, ');
    await chooseTemplate(page, 'acknowledgement');
    await expect.poll(() => bodyText(page), { timeout: 5000 }).toMatch(/^Hello, .*48 hours/s);
    await page.keyboard.down('Control');
    await page.keyboard.press('z');
    await page.keyboard.up('Control');
    // Undo is the editor's own: the reply goes (browsers may group it with the typing before it).
    await expect.poll(() => bodyText(page), { timeout: 5000 }).not.toContain('48 hours');
    expect(['', 'Hello,']).toContain(await bodyText(page));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('asks the therapist to click into the message first when no draft has focus', async () => {
    const { page } = await open(driver, 'https://mail.google.com/mail/u/0/#inbox');
    await chooseTemplate(page, 'acknowledgement');
    const status = await page.waitForSelector('anteroom-banner >>> details.templates [role=status]');
    await expect.poll(() => status!.evaluate((el) => el.textContent), { timeout: 3000 }).toContain('Click into the message');
    expect(await bodyText(page)).toBe('');
    await page.close();
  });

  it('warns when a draft with clinical detail goes through a provider that can read it, without repeating the words', async () => {
    const { page } = await open(driver, 'https://mail.google.com/mail/u/0/#inbox?compose=new');
    await page.click('#body');
    await page.keyboard.type(CLINICAL);
    await page.waitForSelector('anteroom-banner[data-warning=sensitive-content]', { timeout: 5000 });
    const warning = await page.$eval('anteroom-banner', (el) => el.shadowRoot!.querySelector('[data-testid=sensitive-warning]')!.textContent ?? '');
    expect(warning).toContain('self-harm or suicide');
    expect(warning).not.toContain('sertraline');
    // Deleting the clinical words takes the warning away.
    await page.$eval('#body', (el) => ((el as HTMLElement).innerText = 'See you on Tuesday.'));
    await page.$eval('#body', (el) => el.dispatchEvent(new InputEvent('input', { bubbles: true })));
    await page.waitForSelector('anteroom-banner:not([data-warning])', { timeout: 5000 });
    await page.close();
  });

  it('does not warn from Proton to Proton, and does once a recipient is outside Proton', async () => {
    const { page } = await open(driver, 'https://mail.proton.me/u/0/inbox');
    // The mark says plainly that Proton's encryption covers Proton addresses only.
    expect(await page.$eval('anteroom-banner', (el) => el.shadowRoot?.textContent ?? '')).toContain('end to end only to Proton Mail addresses');
    await page.click('#body');
    await page.keyboard.type(CLINICAL);
    await new Promise((r) => setTimeout(r, 1200));
    expect(await page.$('anteroom-banner[data-warning]')).toBeNull();
    await page.click('#to', { count: 3 });
    await page.keyboard.type('client@gmail.com');
    await page.waitForSelector('anteroom-banner[data-warning=sensitive-content]', { timeout: 5000 });
    await page.close();
  });

  it('works in a message body inside a frame, as Proton Mail writes it: a reply lands there, and clinical detail warns', async () => {
    const { page, errors } = await open(driver, 'https://mail.proton.me/u/0/inbox', { 'mail.proton.me': 'webmail-proton-frame-compose.html' });
    const frameHandle = await page.waitForSelector('#editor');
    const frame = (await frameHandle!.contentFrame())!;
    await frame.waitForSelector('#body');
    await frame.click('#body');
    await page.keyboard.type('Hello, ');
    await chooseTemplate(page, 'acknowledgement');
    const framedText = () => frame.$eval('#body', (el) => (el as HTMLElement).innerText.trim());
    await expect.poll(framedText, { timeout: 5000 }).toMatch(/^Hello, .*48 hours/s);
    await frame.click('#body');
    await page.keyboard.type(` ${CLINICAL}`);
    // To someone@example.com: outside Proton, so Proton can read it on the way.
    await page.waitForSelector('anteroom-banner[data-warning=sensitive-content]', { timeout: 5000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps nothing of the draft: no word of it is in extension storage afterwards', async () => {
    const { page } = await open(driver, 'https://app.fastmail.com/mail/compose');
    await page.click('#body');
    await page.keyboard.type(`${CLINICAL} marker-7f3a9c`);
    await page.waitForSelector('anteroom-banner[data-warning=sensitive-content]', { timeout: 5000 });
    const controller = await driver.extensionPage();
    const stored = await controller.evaluate(async () => {
      // @ts-expect-error: the WebExtension global of an extension page.
      const api = globalThis.browser ?? globalThis.chrome;
      const areas = [api.storage.local, api.storage.sync, api.storage.session].filter(Boolean);
      const all = await Promise.all(areas.map((area: { get: (k: null) => Promise<unknown> }) => area.get(null).catch(() => ({}))));
      return JSON.stringify(all);
    });
    expect(stored).not.toContain('marker-7f3a9c');
    expect(stored).not.toContain('sertraline');
    await page.close();
  });
});
