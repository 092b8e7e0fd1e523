import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { drivers, type Driver } from './harness/driver';
import { findPageAt } from './harness/browsers';
import { seriousA11yFindings } from './harness/axe';

/**
 * The first run (welcome.html, opened on install): four short steps walked with the keyboard
 * alone in Chromium (Firefox's driver clicks the buttons), what they set stored in the same contract the options page edits, a refused value kept
 * on its step with its message, and a finish that opens the checklist.
 */
describe.each(drivers)('the first run in %s', (name, launch) => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await launch();
  });
  afterAll(async () => {
    await driver?.close();
  });

  const stepOf = (page: Page) => page.$eval('[data-testid=welcome]', (el) => el.getAttribute('data-step'));
  const waitStep = (page: Page, step: string) => page.waitForSelector(`[data-testid=welcome][data-step=${step}]`, { timeout: 10_000 });
  /** Tabs until `selector` has focus (keyboard only), failing after `max` presses. */
  async function tabTo(page: Page, selector: string, max = 30) {
    for (let i = 0; i < max; i++) {
      if (await page.$eval(selector, (el) => el === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${selector}`);
  }
  /** Presses a button from the keyboard (Chromium); Firefox's driver does not reliably send Tab to buttons, so it clicks. */
  async function press(page: Page, selector: string) {
    if (name === 'Firefox') return page.click(selector);
    await tabTo(page, selector);
    await page.keyboard.press('Enter');
  }
  async function replaceText(page: Page, selector: string, text: string) {
    if (name === 'Firefox') await page.focus(selector);
    else await tabTo(page, selector);
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyA');
    await page.keyboard.up('Control');
    await page.keyboard.type(text);
  }
  const storedContract = (page: Page) =>
    page.evaluate(async () => {
      // @ts-expect-error: the WebExtension global of an extension page (chrome in Chromium, browser in Firefox).
      const api = globalThis.browser ?? globalThis.chrome;
      return (await api.storage.local.get('contract')).contract as Record<string, unknown> | undefined;
    });

  const openTabs = (page: Page) =>
    page.evaluate(async () => {
      // @ts-expect-error: the WebExtension global of an extension page (chrome in Chromium, browser in Firefox).
      const api = globalThis.browser ?? globalThis.chrome;
      return ((await api.tabs.query({})) as { url?: string }[]).map((tab) => tab.url ?? '');
    });

  it('walks the four steps with the keyboard and stores what was chosen where options reads it', async () => {
    const page = await driver.extensionPage('welcome.html');
    await waitStep(page, 'practice');
    expect(await seriousA11yFindings(page)).toEqual([]);
    // Step 1: the jurisdiction, chosen from the keyboard (arrow keys on a focused select).
    if (name !== 'Firefox') await tabTo(page, 'select[name=jurisdiction]');
    await page.$eval('select[name=jurisdiction]', (el) => {
      // Firefox opens no list on arrow keys in automation; the value changes as a user's choice would.
      (el as HTMLSelectElement).value = 'uk-gdpr';
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await press(page, '[data-testid=welcome-next]');
    await waitStep(page, 'work');
    // Step 2: a session length the schema refuses stays on the step, with its message.
    await replaceText(page, 'input[name=sessionMinutes]', '5');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=welcome-error]', { timeout: 10_000 });
    expect(await stepOf(page)).toBe('work');
    await replaceText(page, 'input[name=sessionMinutes]', '50');
    await replaceText(page, 'textarea[name=disruptionPlan]', 'I call you on your mobile within two minutes.');
    await press(page, '[data-testid=welcome-next]');
    await waitStep(page, 'notes');
    expect(await page.$eval('[data-testid=welcome-create-vault]', (el) => el.getAttribute('href'))).toBe('/notes.html');
    await press(page, '[data-testid=welcome-skip]');
    await waitStep(page, 'pin');
    // Each browser's own way to pin the icon.
    const pin = await page.$eval('[data-testid=pin-steps]', (el) => el.textContent ?? '');
    expect(pin).toContain(name === 'Firefox' ? 'Pin to Toolbar' : 'Click the pin');
    const contract = await storedContract(page);
    expect(contract).toMatchObject({ jurisdiction: 'uk-gdpr', sessionMinutes: 50, disruptionPlan: 'I call you on your mobile within two minutes.' });
    expect(await seriousA11yFindings(page)).toEqual([]);
    // The finish opens the checklist in place.
    await press(page, '[data-testid=welcome-finish]');
    await page.waitForSelector('[data-testid=checklist][data-loaded=true]', { timeout: 15_000 });
    // location, not page.url(): Firefox's driver reports extension pages as about:blank.
    expect(await page.evaluate(() => location.pathname)).toBe('/popup.html');
    await page.close();
  });

  it('“Restore a backup” opens the notes page at its restore section, in view and focused', async () => {
    const page = await driver.extensionPage('welcome.html');
    for (const step of ['practice', 'work']) {
      await waitStep(page, step);
      await page.click('[data-testid=welcome-skip]');
    }
    await waitStep(page, 'notes');
    const before = new Set(await driver.browser.pages());
    await page.click('[data-testid=welcome-restore]');
    const opened = (href: string) => href.endsWith('/notes.html#restore');
    // Firefox's driver never reports a tab an extension page's link opened: the browser's own tab
    // list shows where the click went, and the test opens that address itself.
    await expect.poll(() => openTabs(page), { timeout: 15_000 }).toContainEqual(expect.stringMatching(/\/notes\.html#restore$/));
    const notes = name === 'Firefox' ? await driver.extensionPage('notes.html#restore') : await findPageAt(driver.browser, opened, before);
    await notes.bringToFront();
    await notes.waitForSelector('section#restore input[type=file]', { timeout: 15_000 });
    const landed = await notes.waitForFunction(
      () => {
        const focused = document.activeElement;
        const section = document.getElementById('restore');
        if (!section || !focused || focused.id !== 'restore-heading' || !section.contains(focused)) return false;
        const box = focused.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight && focused.textContent;
      },
      { timeout: 10_000 },
    );
    expect(await landed.jsonValue()).toBe('Restore from an encrypted backup');
    await notes.close();
    await page.close();
  });

  it('skipping every step leaves working defaults', async () => {
    const page = await driver.extensionPage('welcome.html');
    await waitStep(page, 'practice');
    const before = await storedContract(page);
    for (const step of ['practice', 'work', 'notes']) {
      await waitStep(page, step);
      await page.click('[data-testid=welcome-skip]');
    }
    await waitStep(page, 'pin');
    expect(await storedContract(page)).toEqual(before);
    await page.close();
  });
});
