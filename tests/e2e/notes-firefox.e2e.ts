import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchFirefox, openFirefoxExtensionPage, type FirefoxSession } from './harness/browsers';

// scrypt takes about a second per unlock; Firefox over BiDi is slower still. Wait generously.
const VAULT_WAIT = 60_000;
const PASSPHRASE = 'copper meadow violin nineteen';
const CLIENT = 'J.S.';
const MARKER = `marker-${Date.now().toString(36)}-wren`;
const DRAFT = `draft-${Date.now().toString(36)}-lark`;

let session: FirefoxSession;
let page: Page;

beforeAll(async () => {
  session = await launchFirefox();
  page = await openFirefoxExtensionPage(session, 'notes.html');
});
afterAll(async () => {
  await session?.browser.close();
});

const waitForState = (state: string) =>
  page.waitForSelector(`[data-testid=vault-state][data-state=${state}]`, { timeout: VAULT_WAIT });
const stateOf = () => page.$eval('[data-testid=vault-state]', (el) => el.getAttribute('data-state'));
const pageText = () =>
  page.evaluate(
    () =>
      document.documentElement.outerHTML +
      [...document.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement).value).join('\n'),
  );
const noteWith = (text: string) =>
  page.waitForFunction(
    (wanted) => [...document.querySelectorAll('[data-testid=note-item]')].some((n) => n.textContent?.includes(wanted)),
    { timeout: VAULT_WAIT },
    text,
  );

async function typeInto(selector: string, text: string) {
  const field = await page.waitForSelector(selector, { timeout: VAULT_WAIT });
  await field!.evaluate((el) => {
    (el as HTMLInputElement).value = '';
  });
  await field!.type(text);
}

async function click(selector: string) {
  const button = await page.waitForSelector(`${selector}:not([disabled])`, { timeout: VAULT_WAIT });
  await button!.click();
}

async function unlock(passphrase: string) {
  await typeInto('input[name=passphrase]', passphrase);
  await click('[data-testid=unlock]');
}

describe('encrypted notes in Firefox', () => {
  it('creates the vault, a client and a note', async () => {
    await waitForState('none');
    await typeInto('input[name=passphrase]', PASSPHRASE);
    await typeInto('input[name=passphraseConfirm]', PASSPHRASE);
    await click('[data-testid=create-vault]');
    await waitForState('unlocked');
    await click('[data-testid=new-client]');
    await typeInto('input[name=clientLabel]', CLIENT);
    await click('[data-testid=save-client]');
    await click('[data-testid=new-note]');
    await typeInto('textarea[name=noteBody]', `Notes for today ${MARKER}`);
    await click('[data-testid=save-note]');
    await noteWith(MARKER);
  });

  it('finds the note by search', async () => {
    await typeInto('input[name=search]', MARKER);
    await page.waitForSelector('[data-testid=search-results] [data-testid=note-item]', { timeout: VAULT_WAIT });
  });

  it('locks, and the note text leaves the page', async () => {
    await click('[data-testid=lock]');
    await waitForState('locked');
    expect(await pageText()).not.toContain(MARKER);
  });

  it('stays locked after a wrong passphrase, with an error', async () => {
    await unlock('definitely the wrong passphrase');
    await page.waitForSelector('[role=alert]', { timeout: VAULT_WAIT });
    expect(await stateOf()).toBe('locked');
  });

  it('unlocks and the note is back', async () => {
    await unlock(PASSPHRASE);
    await waitForState('unlocked');
    await noteWith(MARKER);
  });

  it('keeps a draft through a lock', async () => {
    await click('[data-testid=new-note]');
    await typeInto('textarea[name=noteBody]', DRAFT);
    await page.waitForSelector('[data-testid=draft-state][data-state=saved]', { timeout: VAULT_WAIT });
    await click('[data-testid=lock]');
    await waitForState('locked');
    expect(await pageText()).not.toContain(DRAFT);
    await unlock(PASSPHRASE);
    await waitForState('unlocked');
    await page.waitForFunction(
      (draft) => (document.querySelector('textarea[name=noteBody]') as HTMLTextAreaElement | null)?.value === draft,
      { timeout: VAULT_WAIT },
      DRAFT,
    );
    await click('[data-testid=save-note]');
    await noteWith(DRAFT);
  });

  it('deletes the client after its name is typed, with its notes', async () => {
    await click('[data-testid=delete-client]');
    await typeInto('input[name=confirmClientLabel]', CLIENT);
    // Deleting renews the data key, which needs the passphrase.
    await typeInto('input[name=deleteClientPassphrase]', PASSPHRASE);
    await click('[data-testid=confirm-delete-client]');
    await page.waitForFunction(() => !document.querySelector('[data-testid=client-item]'), { timeout: VAULT_WAIT });
    expect(await pageText()).not.toContain(MARKER);
  });

  it('showed no page error', async () => {
    // BiDi does not report errors from extension pages; the page shows them in a notice instead.
    expect(await page.$('[data-testid=page-error]')).toBeNull();
  });
});
