import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchChromium, type ChromiumSession } from './harness/browsers';
import { watchErrors } from './harness/errors';

// The zxcvbn rule as a therapist meets it on the notes page: a weak passphrase needs the explicit
// "I accept a weaker passphrase" step, on creation and on change. scrypt takes seconds here.
const VAULT_WAIT = 45_000;
const WEAK = 'aaaaaaaaaaaaaaaa';
const STRONG = 'copper meadow violin nineteen';
const WEAK_TOO = 'password1234567890';

let session: ChromiumSession;
let page: Page;
let errors: string[];

beforeAll(async () => {
  session = await launchChromium();
  page = await session.browser.newPage();
  errors = watchErrors(page);
  await page.goto(session.pageUrl('notes.html'));
});
afterAll(async () => {
  await session?.browser.close();
});

const stateOf = () => page.$eval('[data-testid=vault-state]', (el) => el.getAttribute('data-state'));

/** Replaces a field's text by real key presses (select all, then type over it). */
async function typeInto(selector: string, text: string) {
  const field = await page.waitForSelector(`${selector}:not([disabled])`, { timeout: VAULT_WAIT });
  await field!.click({ count: 3 });
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await field!.type(text);
}

/** What a screen reader announces with the field: the text of every element its aria-describedby names. */
const description = (selector: string) =>
  page.$eval(selector, (el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

describe('passphrase strength on the notes page (Chromium)', () => {
  it('shows zxcvbn’s warning and suggestions for sixteen a’s, described to assistive technology', async () => {
    await page.waitForSelector('[data-testid=vault-state][data-state=none]', { timeout: VAULT_WAIT });
    await typeInto('input[name=passphrase]', WEAK);
    await page.waitForSelector('[data-testid=passphrase-strength][data-score="0"]', { timeout: 20_000 });
    const described = await description('input[name=passphrase]');
    expect(described).toMatch(/Strength: Very weak/);
    expect(described).toMatch(/Repeated characters like "aaa" are easy to guess/);
    expect(described).toMatch(/Avoid repeated words and characters/);
  });

  it('refuses to create the vault with it until “I accept a weaker passphrase” is ticked', async () => {
    await typeInto('input[name=passphraseConfirm]', WEAK);
    await page.click('[data-testid=create-vault]');
    await page.waitForSelector('input[name=passphrase][aria-invalid=true]', { timeout: 20_000 });
    expect(await description('input[name=passphrase]')).toMatch(/easy to guess.*I accept a weaker passphrase/);
    const accept = await page.waitForSelector('[data-testid=accept-weak-passphrase]');
    expect(await accept!.evaluate((el) => (el as HTMLInputElement).checked)).toBe(false);
    expect(await description('[data-testid=accept-weak-passphrase]')).toMatch(/Repeated characters/);
    expect(await stateOf()).toBe('none');
  });

  it('forgets the acceptance when the passphrase is changed, and hides the step for a strong one', async () => {
    await page.click('[data-testid=accept-weak-passphrase]');
    await typeInto('input[name=passphrase]', STRONG);
    await page.waitForSelector('[data-testid=passphrase-strength][data-score="4"]', { timeout: 20_000 });
    expect(await page.$('[data-testid=accept-weak-passphrase]')).toBeNull();
    await typeInto('input[name=passphrase]', WEAK);
    const accept = await page.waitForSelector('[data-testid=accept-weak-passphrase]', { timeout: 20_000 });
    expect(await accept!.evaluate((el) => (el as HTMLInputElement).checked)).toBe(false);
  });

  it('creates the vault with the weak passphrase once the step is taken', async () => {
    await page.click('[data-testid=accept-weak-passphrase]');
    await page.click('[data-testid=create-vault]');
    await page.waitForSelector('[data-testid=vault-state][data-state=unlocked]', { timeout: VAULT_WAIT });
  });

  it('asks for the same step when changing to a weak passphrase, and changes it after', async () => {
    await typeInto('input[name=currentPassphrase]', WEAK);
    await typeInto('input[name=newPassphrase]', WEAK_TOO);
    await typeInto('input[name=newPassphraseConfirm]', WEAK_TOO);
    await page.click('[data-testid=change-passphrase]');
    await page.waitForSelector('input[name=newPassphrase][aria-invalid=true]', { timeout: 20_000 });
    expect(await description('input[name=newPassphrase]')).toMatch(/similar to a commonly used password/);
    expect(await page.$eval('#change-form [role=status]', (el) => el.textContent)).toBe('');
    await page.click('#change-form [data-testid=accept-weak-passphrase]');
    await page.click('[data-testid=change-passphrase]');
    await page.waitForFunction(() => document.querySelector('#change-form [role=status]')?.textContent?.includes('Passphrase changed'), {
      timeout: VAULT_WAIT,
    });
  });

  it('refuses a weak passphrase sent by a page that skips the step: the background scores it again', async () => {
    const answer = await page.evaluate(
      (passphrase) =>
        (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
          type: 'vault:change-passphrase',
          current: 'password1234567890',
          next: passphrase,
        }),
      WEAK,
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'weak-passphrase' } });
    expect(errors).toEqual([]);
  });
});
