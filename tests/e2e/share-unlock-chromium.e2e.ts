import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { chromiumDriver, type Driver } from './harness/driver';
import { serveFixtures } from './harness/fixtures';

/**
 * Unlocking the notes while a screen share runs asks first, on the notes page, and the
 * background refuses an unlock that skips the question. Through the real call page: a loopback
 * call whose "Share screen" button calls getDisplayMedia (Chromium picks the screen itself).
 */

const CALL_URL = 'https://meet.google.com/abc-defg-hij';
const PASSPHRASE = 'a long enough passphrase for tests';
// scrypt at N=2^17 takes about a second per unlock here, more when the machine is busy.
const VAULT_WAIT = 45_000;

interface PageApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}
const send = (page: Page, message: Record<string, unknown>) =>
  page.evaluate((m) => (globalThis as unknown as { chrome: PageApi }).chrome.runtime.sendMessage(m), message) as Promise<{ ok: boolean; error?: { code: string; message: string }; value?: { state: string } }>;
const stateOf = async (page: Page) => (await send(page, { type: 'vault:status' })).value?.state;

describe('unlocking during a screen share, in Chromium', () => {
  let driver: Driver;
  let notes: Page;
  beforeAll(async () => {
    driver = await chromiumDriver([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      '--auto-select-desktop-capture-source=Entire screen',
      '--disable-features=WebRtcHideLocalIpsWithMdns',
    ]);
    notes = await driver.extensionPage('notes.html');
    expect((await send(notes, { type: 'vault:create', passphrase: PASSPHRASE })).ok).toBe(true);
  });
  afterAll(async () => {
    await driver?.close();
  });

  /** A call page that is sharing its screen; the notes have locked. */
  async function shareFromCall(): Promise<Page> {
    const call = await driver.browser.newPage();
    await serveFixtures(call, { 'meet.google.com': 'call-loopback.html' });
    await call.goto(CALL_URL);
    await call.click('#start');
    await call.waitForSelector('anteroom-call[data-quality]', { timeout: 20_000 });
    await call.click('#share');
    await call.waitForSelector('anteroom-call >>> [data-notice=sharing]', { timeout: 10_000 });
    await expect.poll(() => stateOf(notes), { timeout: 5000 }).toBe('locked');
    return call;
  }

  /** Types the passphrase on the notes page and presses Unlock. */
  async function pressUnlock() {
    await notes.bringToFront();
    await notes.reload();
    await notes.waitForSelector('[data-testid=vault-state][data-state=locked]', { timeout: VAULT_WAIT });
    await notes.type('input[name=passphrase]', PASSPHRASE);
    await notes.click('[data-testid=unlock]');
  }

  it('asks on the notes page, naming the tab and the platform, and opens only on a yes', async () => {
    const call = await shareFromCall();
    await pressUnlock();
    const question = await notes.waitForSelector('[data-testid=share-question]', { timeout: VAULT_WAIT });
    const text = await question!.evaluate((el) => el.textContent ?? '');
    expect(text).toContain('A screen share is running in tab “Session with client-marker-5b1e” (Google Meet).');
    expect(text).toContain('Unlock anyway?');
    // The safe answer has the focus: Enter does not open the notes.
    expect(await notes.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('unlock-not-now');
    expect(await stateOf(notes)).toBe('locked');

    await notes.click('[data-testid=unlock-not-now]');
    expect(await notes.$('[data-testid=share-question]')).toBeNull();
    expect(await stateOf(notes)).toBe('locked');

    await notes.click('[data-testid=unlock]');
    await (await notes.waitForSelector('[data-testid=unlock-while-sharing]', { timeout: VAULT_WAIT }))!.click();
    await notes.waitForSelector('[data-testid=vault-state][data-state=unlocked]', { timeout: VAULT_WAIT });
    await send(notes, { type: 'vault:lock' });
    await call.close();
  });

  it('refuses an unlock message that skips the question, while the share runs', async () => {
    const call = await shareFromCall();
    const refused = await send(notes, { type: 'vault:unlock', passphrase: PASSPHRASE });
    expect(refused).toMatchObject({ ok: false, error: { code: 'screen-sharing' } });
    expect(await stateOf(notes)).toBe('locked');
    await call.close();
  });

  it('asks nothing once the share has stopped', async () => {
    const call = await shareFromCall();
    await call.click('#stop-share');
    await call.waitForFunction(() => !document.querySelector('anteroom-call')?.shadowRoot?.querySelector('[data-notice=sharing]'), { timeout: 10_000 });
    await pressUnlock();
    await notes.waitForSelector('[data-testid=vault-state][data-state=unlocked]', { timeout: VAULT_WAIT });
    await send(notes, { type: 'vault:lock' });
    await call.close();
  });

  it('asks nothing once the sharing tab is closed, or has moved to another page', async () => {
    const closed = await shareFromCall();
    await closed.close();
    const reloaded = await shareFromCall();
    // A reload ends the page's capture: the new page has none of its own.
    await reloaded.reload();
    await reloaded.waitForSelector('#start');
    expect(await send(notes, { type: 'vault:unlock', passphrase: PASSPHRASE })).toEqual({ ok: true });
    await send(notes, { type: 'vault:lock' });
    await reloaded.close();
  });
});
