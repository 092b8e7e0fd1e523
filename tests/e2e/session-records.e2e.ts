import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchChromium, type ChromiumSession } from './harness/browsers';
import { watchErrors } from './harness/errors';

// Deleting one recorded session from the notes page, after a question, in the real build.
const VAULT_WAIT = 45_000;
const PASSPHRASE = 'copper meadow violin nineteen';
const CLIENT = 'S.T. (Monday)';

let session: ChromiumSession;
let page: Page;
let errors: string[];
let clientId: string;

type PageApi = { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: unknown }> } };
const send = (message: unknown) =>
  page.evaluate((m) => (globalThis as unknown as { chrome: PageApi }).chrome.runtime.sendMessage(m), message);

beforeAll(async () => {
  session = await launchChromium();
  page = await session.browser.newPage();
  errors = watchErrors(page);
  await page.goto(session.pageUrl('notes.html'));
});
afterAll(async () => {
  await session?.browser.close();
});

async function typeInto(selector: string, text: string) {
  const field = await page.waitForSelector(`${selector}:not([disabled])`, { timeout: VAULT_WAIT });
  await field!.type(text);
}

async function click(selector: string) {
  const button = await page.waitForSelector(`${selector}:not([disabled])`, { timeout: VAULT_WAIT });
  await button!.click();
}

const sessionWhens = () => page.$$eval('[data-testid=session-item] .session-when', (items) => items.map((i) => i.textContent ?? ''));

/** Two calls recorded the way the background records them when a call ends (vault:save-session). */
async function recordTwoCalls() {
  for (const startedAt of [Date.UTC(2025, 1, 3, 10), Date.UTC(2025, 1, 10, 10)]) {
    const saved = await send({
      type: 'vault:save-session',
      input: { clientId, startedAt, durationMinutes: 50, platform: 'doxy-me', checklistSnapshot: { 'privacy.alone': 'done' } },
    });
    expect(saved.ok).toBe(true);
  }
}

describe('session records on the notes page (Chromium)', () => {
  it('shows the recorded sessions of a client', async () => {
    await typeInto('input[name=passphrase]', PASSPHRASE);
    await typeInto('input[name=passphraseConfirm]', PASSPHRASE);
    await click('[data-testid=create-vault]');
    await page.waitForSelector('[data-testid=vault-state][data-state=unlocked]', { timeout: VAULT_WAIT });
    await click('[data-testid=new-client]');
    await typeInto('input[name=clientLabel]', CLIENT);
    await click('[data-testid=save-client]');
    await page.waitForFunction((label) => document.querySelector('#client-heading')?.textContent === label, {}, CLIENT);
    const clients = (await send({ type: 'vault:list-clients' })) as { value: { id: string }[] };
    clientId = clients.value[0]!.id;
    await recordTwoCalls();
    // Open the client again so the page reads the records just added.
    await page.reload();
    await click('[data-testid=client-item]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=session-item]').length === 2, { timeout: VAULT_WAIT });
  });

  it('asks before deleting, and “Keep it” keeps the record', async () => {
    const before = await sessionWhens();
    await click('[data-testid=session-item]:first-child [data-testid=delete-session]');
    const question = await page.waitForSelector('[data-testid=session-item] [role=group]');
    expect(await question!.evaluate((el) => el.getAttribute('aria-label'))).toBe(`Delete the session record of ${before[0]}?`);
    expect(await question!.evaluate((el) => el.textContent)).toMatch(/cannot be undone; notes are not affected/);
    const keep = await page.waitForSelector('xpath/.//button[normalize-space()="Keep it"]');
    await keep!.click();
    await page.waitForSelector('[data-testid=session-item] [role=group]', { hidden: true });
    expect(await sessionWhens()).toEqual(before);
  });

  it('deletes only the record asked for, and says so', async () => {
    const [newest, older] = await sessionWhens();
    await click('[data-testid=session-item]:first-child [data-testid=delete-session]');
    await click('[data-testid=confirm-delete-session]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=session-item]').length === 1, { timeout: VAULT_WAIT });
    expect(await sessionWhens()).toEqual([older]);
    expect(await sessionWhens()).not.toContain(newest);
    expect(await page.$eval('[data-testid=client-view]', (el) => el.textContent)).toContain('Session record deleted.');
    const stored = (await send({ type: 'vault:list-sessions', clientId })) as { value: { startedAt: number }[] };
    expect(stored.value.map((s) => s.startedAt)).toEqual([Date.UTC(2025, 1, 3, 10)]);
  });

  it('keeps it deleted after the page is opened again', async () => {
    await page.reload();
    await click('[data-testid=client-item]');
    await page.waitForSelector('[data-testid=session-item]', { timeout: VAULT_WAIT });
    expect(await page.$$('[data-testid=session-item]')).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
