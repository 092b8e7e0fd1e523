import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Page } from 'puppeteer';
import { joinCall, launchCallBrowser, NO_SCREEN } from './harness/call';
import type { Driver } from './harness/driver';
import { send, vaultState } from './harness/extension';
import { browserTable } from './harness/matrix';
import { NotesPage, VAULT_WAIT } from './pages/notes-page';

/**
 * Unlocking the notes while a screen share runs asks first, on the notes page, and the
 * background refuses an unlock that skips the question. Through the real call page: a loopback
 * call whose "Share screen" button calls getDisplayMedia (Chromium picks the screen itself).
 */

const CALL_URL = 'https://meet.google.com/abc-defg-hij';
const PASSPHRASE = 'a long enough passphrase for tests';

describe.each(
  browserTable({
    Firefox: {
      'asks on the notes page, naming the tab and the platform, and opens only on a yes': NO_SCREEN,
      'refuses an unlock message that skips the question, while the share runs': NO_SCREEN,
      'asks nothing once the share has stopped': NO_SCREEN,
      'asks nothing once the sharing tab is closed, or has moved to another page': NO_SCREEN,
    },
  }),
)('unlocking during a screen share, in %s', (browser, test) => {
  let driver: Driver;
  let notes: NotesPage;
  beforeAll(async () => {
    driver = await launchCallBrowser(browser);
    notes = await NotesPage.open(driver);
    expect(await send(notes.page, { type: 'vault:create', passphrase: PASSPHRASE })).toEqual({ ok: true });
  });
  afterAll(async () => {
    await driver?.close();
  });

  /** A call page that is sharing its screen; the notes have locked. */
  async function shareFromCall(): Promise<Page> {
    const { page } = await joinCall(driver, CALL_URL);
    await page.waitForSelector('anteroom-call[data-quality]', { timeout: 30_000 });
    await page.click('#share');
    await page.waitForSelector('anteroom-call >>> [data-notice=sharing]', { timeout: 10_000 });
    await expect.poll(() => vaultState(notes.page), { timeout: 5000 }).toBe('locked');
    return page;
  }

  /** Types the passphrase on the notes page and presses Unlock. */
  async function pressUnlock() {
    await notes.page.bringToFront();
    await notes.reload();
    await notes.waitForState('locked');
    await notes.unlock(PASSPHRASE);
  }

  test('asks on the notes page, naming the tab and the platform, and opens only on a yes', async () => {
    const call = await shareFromCall();
    await pressUnlock();
    const question = await notes.page.waitForSelector('[data-testid=share-question]', { timeout: VAULT_WAIT });
    const text = await question!.evaluate((el) => el.textContent ?? '');
    expect(text).toContain('A screen share is running in tab “Session with client-marker-5b1e” (Google Meet).');
    expect(text).toContain('Unlock anyway?');
    // The safe answer has the focus: Enter does not open the notes.
    expect(await notes.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('unlock-not-now');
    expect(await vaultState(notes.page)).toBe('locked');

    await notes.click('[data-testid=unlock-not-now]');
    expect(await notes.page.$('[data-testid=share-question]')).toBeNull();
    expect(await vaultState(notes.page)).toBe('locked');

    await notes.click('[data-testid=unlock]');
    await notes.click('[data-testid=unlock-while-sharing]', VAULT_WAIT);
    await notes.waitForState('unlocked');
    await send(notes.page, { type: 'vault:lock' });
    await call.close();
  });

  test('refuses an unlock message that skips the question, while the share runs', async () => {
    const call = await shareFromCall();
    const refused = await send(notes.page, { type: 'vault:unlock', passphrase: PASSPHRASE });
    expect(refused).toMatchObject({ ok: false, error: { code: 'screen-sharing' } });
    expect(await vaultState(notes.page)).toBe('locked');
    await call.close();
  });

  test('asks nothing once the share has stopped', async () => {
    const call = await shareFromCall();
    await call.click('#stop-share');
    await call.waitForFunction(() => !document.querySelector('anteroom-call')?.shadowRoot?.querySelector('[data-notice=sharing]'), { timeout: 10_000 });
    await pressUnlock();
    await notes.waitForState('unlocked');
    await send(notes.page, { type: 'vault:lock' });
    await call.close();
  });

  test('asks nothing once the sharing tab is closed, or has moved to another page', async () => {
    const closed = await shareFromCall();
    await closed.close();
    const reloaded = await shareFromCall();
    // A reload ends the page's capture: the new page has none of its own.
    await reloaded.reload();
    await reloaded.waitForSelector('#start');
    expect(await send(notes.page, { type: 'vault:unlock', passphrase: PASSPHRASE })).toEqual({ ok: true });
    await send(notes.page, { type: 'vault:lock' });
    await reloaded.close();
  });
});
