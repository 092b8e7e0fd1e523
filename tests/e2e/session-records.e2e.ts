import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Page } from 'puppeteer';
import { launchDriver, type Driver } from './harness/driver';
import { send } from './harness/extension';
import { browserTable } from './harness/matrix';
import { NotesPage, VAULT_WAIT } from './pages/notes-page';

// Deleting one recorded session from the notes page, after a question, in the real build.
const PASSPHRASE = 'copper meadow violin nineteen';
const CLIENT = 'S.T. (Monday)';

describe.each(browserTable())('session records on the notes page (%s)', (browser, test) => {
  let driver: Driver;
  let notes: NotesPage;
  let page: Page;
  let clientId: string;

  beforeAll(async () => {
    driver = await launchDriver(browser);
    notes = await NotesPage.open(driver);
    page = notes.page;
  });
  afterAll(async () => {
    await driver?.close();
  });

  const sessionWhens = () => page.$$eval('[data-testid=session-item] .session-when', (items) => items.map((i) => i.textContent ?? ''));

  /** Two calls recorded the way the background records them when a call ends (vault:save-session). */
  async function recordTwoCalls() {
    for (const startedAt of [Date.UTC(2025, 1, 3, 10), Date.UTC(2025, 1, 10, 10)]) {
      const saved = await send(page, {
        type: 'vault:save-session',
        input: { clientId, startedAt, durationMinutes: 50, platform: 'doxy-me', checklistSnapshot: { 'privacy.alone': 'done' } },
      });
      expect(saved.ok).toBe(true);
    }
  }

  test('shows the recorded sessions of a client', async () => {
    await notes.createVault(PASSPHRASE);
    await notes.addClient(CLIENT);
    const clients = await send<{ id: string }[]>(page, { type: 'vault:list-clients' });
    if (!clients.ok) throw new Error(clients.error.message);
    clientId = clients.value[0]!.id;
    await recordTwoCalls();
    // Open the client again so the page reads the records just added.
    await notes.reload();
    await notes.click('[data-testid=client-item]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=session-item]').length === 2, { timeout: VAULT_WAIT });
  });

  test('asks before deleting, and “Keep it” keeps the record', async () => {
    const before = await sessionWhens();
    await notes.click('[data-testid=session-item]:first-child [data-testid=delete-session]');
    const question = await page.waitForSelector('[data-testid=session-item] [role=group]');
    expect(await question!.evaluate((el) => el.getAttribute('aria-label'))).toBe(`Delete the session record of ${before[0]}?`);
    expect(await question!.evaluate((el) => el.textContent)).toMatch(/cannot be undone; notes are not affected/);
    const keep = await page.waitForSelector('xpath/.//button[normalize-space()="Keep it"]');
    await keep!.click();
    await page.waitForSelector('[data-testid=session-item] [role=group]', { hidden: true });
    expect(await sessionWhens()).toEqual(before);
  });

  test('deletes only the record asked for, and says so', async () => {
    const [newest, older] = await sessionWhens();
    await notes.click('[data-testid=session-item]:first-child [data-testid=delete-session]');
    await notes.click('[data-testid=confirm-delete-session]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=session-item]').length === 1, { timeout: VAULT_WAIT });
    expect(await sessionWhens()).toEqual([older]);
    expect(await sessionWhens()).not.toContain(newest);
    expect(await page.$eval('[data-testid=client-view]', (el) => el.textContent)).toContain('Session record deleted.');
    const stored = await send<{ startedAt: number }[]>(page, { type: 'vault:list-sessions', clientId });
    if (!stored.ok) throw new Error(stored.error.message);
    expect(stored.value.map((s) => s.startedAt)).toEqual([Date.UTC(2025, 1, 3, 10)]);
  });

  test('keeps it deleted after the page is opened again', async () => {
    await notes.reload();
    await notes.click('[data-testid=client-item]');
    await page.waitForSelector('[data-testid=session-item]', { timeout: VAULT_WAIT });
    expect(await page.$$('[data-testid=session-item]')).toHaveLength(1);
    expect(await notes.problems()).toEqual([]);
  });
});
