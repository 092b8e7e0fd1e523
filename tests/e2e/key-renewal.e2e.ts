import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchChromium, launchFirefox, openFirefoxExtensionPage, type ChromiumSession, type FirefoxSession } from './harness/browsers';
import { NotesPage } from './pages/notes-page';

/**
 * "Also renew the encryption keys" through the real notes page: the therapist changes the
 * passphrase with renewal, sees the progress, locks, unlocks with the new passphrase and reads a
 * note; the old passphrase no longer opens. Enough notes (filled through the page's own vault
 * messages) that the renewal takes more than one batch.
 */

const WAIT = 120_000;
const OLD = 'amber thistle rowing harbour';
const NEXT = 'orbit walnut glacier pepper ninety';
const CLIENT = 'K.L.';
const MARKER = `renewed-${Date.now().toString(36)}-finch`;
const FILLER_NOTES = 700;

/** Typed as a person does, through the notes page object (its waits are generous for scrypt). */
const typeInto = (page: Page, selector: string, text: string) => new NotesPage(page).typeInto(selector, text);

async function click(page: Page, selector: string) {
  const button = await page.waitForSelector(`${selector}:not([disabled])`, { timeout: WAIT });
  await button!.click();
}

const waitForState = (page: Page, state: string) => page.waitForSelector(`[data-testid=vault-state][data-state=${state}]`, { timeout: WAIT });

const noteWith = (page: Page, text: string) =>
  page.waitForFunction(
    (wanted) => [...document.querySelectorAll('[data-testid=note-item]')].some((n) => n.textContent?.includes(wanted)),
    { timeout: WAIT },
    text,
  );

async function renewThroughThePage(page: Page): Promise<void> {
  await waitForState(page, 'none');
  await typeInto(page, 'input[name=passphrase]', OLD);
  await typeInto(page, 'input[name=passphraseConfirm]', OLD);
  await click(page, '[data-testid=create-vault]');
  await waitForState(page, 'unlocked');
  await click(page, '[data-testid=new-client]');
  await typeInto(page, 'input[name=clientLabel]', CLIENT);
  await click(page, '[data-testid=save-client]');
  await click(page, '[data-testid=new-note]');
  await typeInto(page, 'textarea[name=noteBody]', `Session went well ${MARKER}`);
  await click(page, '[data-testid=save-note]');
  await noteWith(page, MARKER);

  // More notes, through the same messages the page sends, so the renewal runs several batches.
  await page.evaluate(async (count) => {
    type Runtime = { sendMessage(message: unknown): Promise<unknown> };
    const scope = globalThis as unknown as { browser?: { runtime: Runtime }; chrome?: { runtime: Runtime } };
    const runtime = (scope.browser ?? scope.chrome)!.runtime;
    const clients = (await runtime.sendMessage({ type: 'vault:list-clients' })) as { value: { id: string }[] };
    const clientId = clients.value[0]!.id;
    for (let i = 0; i < count; i++) {
      const answer = (await runtime.sendMessage({ type: 'vault:save-note', input: { clientId, body: `filler ${i}`, tags: [] } })) as { ok: boolean };
      if (!answer.ok) throw new Error('filler note refused');
    }
  }, FILLER_NOTES);

  // Records whether the progress line ever showed, and the last count it gave.
  await page.evaluate(() => {
    const seen: string[] = [];
    (globalThis as { renewalSeen?: string[] }).renewalSeen = seen;
    new MutationObserver(() => {
      const line = document.querySelector('[data-testid=renewal-progress]');
      if (line?.textContent) seen.push(line.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await typeInto(page, 'input[name=currentPassphrase]', OLD);
  await typeInto(page, 'input[name=newPassphrase]', NEXT);
  await typeInto(page, 'input[name=newPassphraseConfirm]', NEXT);
  await click(page, '[data-testid=renew-keys]');
  await click(page, '[data-testid=change-passphrase]');
  await page.waitForFunction(() => document.querySelector('#change-form [role=status]')?.textContent?.includes('keys renewed'), { timeout: WAIT });
  const seen = await page.evaluate(() => (globalThis as { renewalSeen?: string[] }).renewalSeen ?? []);
  expect(seen.some((line) => /Renewing keys: [\d,.\s]+ of [\d,.\s]+ records/.test(line))).toBe(true);

  await click(page, '[data-testid=lock]');
  await waitForState(page, 'locked');
  await typeInto(page, 'input[name=passphrase]', OLD);
  await click(page, '[data-testid=unlock]');
  await page.waitForFunction(() => /does not open/.test(document.body.textContent ?? ''), { timeout: WAIT });
  expect(await page.$('[data-testid=vault-state][data-state=locked]')).not.toBeNull();
  await typeInto(page, 'input[name=passphrase]', NEXT);
  await click(page, '[data-testid=unlock]');
  await waitForState(page, 'unlocked');
  // The list re-renders as the unlock settles: a DOM click on whatever item is there now.
  await page.waitForSelector('[data-testid=client-item]', { timeout: WAIT });
  await page.$eval('[data-testid=client-item]', (item) => (item as HTMLElement).click());
  await noteWith(page, MARKER);
  expect(await page.$('[data-testid=damaged-records]')).toBeNull();
}

describe('renewing the keys through the notes page', () => {
  let chromium: ChromiumSession | undefined;
  let firefox: FirefoxSession | undefined;
  afterAll(async () => {
    await chromium?.browser.close();
    await firefox?.browser.close();
  });

  it('in Chromium: progress shows, only the new passphrase opens, and the note reads the same', async () => {
    chromium = await launchChromium();
    const page = await chromium.browser.newPage();
    await page.goto(chromium.pageUrl('notes.html'));
    await renewThroughThePage(page);
  }, 600_000);

  it('in Firefox: the same', async () => {
    firefox = await launchFirefox();
    const page = await openFirefoxExtensionPage(firefox, 'notes.html');
    await renewThroughThePage(page);
  }, 600_000);
});
