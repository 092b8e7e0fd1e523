import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firefoxDriver, type Driver } from './harness/driver';

/**
 * The vault service in Firefox, where the background is an event page rather than a service
 * worker: create, save, lock (with the broadcast reaching the page), unlock, read back.
 */

const PASSPHRASE = 'lantern orchard velvet compass firefox';

type Answer<T = unknown> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

async function send<T = unknown>(page: Page, message: object): Promise<Answer<T>> {
  return page.evaluate(
    (m) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage(m),
    message,
  ) as Promise<Answer<T>>;
}

describe('the vault in Firefox', () => {
  let driver: Driver;
  let page: Page;
  beforeAll(async () => {
    driver = await firefoxDriver();
    page = await driver.extensionPage('popup.html');
  }, 120_000);
  afterAll(async () => {
    await driver?.close();
  });

  it('creates, saves, locks with a broadcast to open pages, and unlocks again', async () => {
    expect(await send(page, { type: 'vault:status' })).toMatchObject({ ok: true, value: { state: 'none' } });
    expect(await send(page, { type: 'vault:create', passphrase: PASSPHRASE })).toEqual({ ok: true });
    const client = await send<{ id: string }>(page, { type: 'vault:save-client', input: { label: 'A.B.', contactMode: 'video' } });
    if (!client.ok) throw new Error(client.error.message);
    const clientId = client.value.id;
    expect(await send(page, { type: 'vault:save-note', input: { clientId, body: 'kept in Firefox', tags: [] } })).toMatchObject({ ok: true });

    await page.evaluate(() => {
      type Sender = { id?: string; url?: string; tab?: unknown };
      const g = globalThis as unknown as {
        browser: { runtime: { id: string; getURL(path: string): string; onMessage: { addListener(l: (m: { type?: string }, sender: Sender) => void): void } } };
        heardLock?: boolean;
        lockSender?: { ours: boolean; tab: boolean; onOurOrigin: boolean };
      };
      g.browser.runtime.onMessage.addListener((m, sender) => {
        if (m?.type !== 'vault:locked') return;
        g.heardLock = true;
        g.lockSender = {
          ours: sender.id === g.browser.runtime.id,
          tab: sender.tab !== undefined,
          onOurOrigin: typeof sender.url === 'string' && sender.url.startsWith(g.browser.runtime.getURL('/')),
        };
      });
    });
    expect(await send(page, { type: 'vault:lock', reason: 'user' })).toEqual({ ok: true });
    await page.waitForFunction(() => (globalThis as unknown as { heardLock?: boolean }).heardLock === true, { timeout: 5000 });
    // What lib/vault-client's onVaultLocked requires of the sender (isOwnBackground), as Firefox reports it.
    expect(await page.evaluate(() => (globalThis as unknown as { lockSender?: object }).lockSender)).toEqual({ ours: true, tab: false, onOurOrigin: true });
    expect(await send(page, { type: 'vault:list-notes', clientId })).toMatchObject({ ok: false, error: { code: 'locked' } });

    expect(await send(page, { type: 'vault:unlock', passphrase: PASSPHRASE })).toEqual({ ok: true });
    const notes = await send<Array<{ body: string }>>(page, { type: 'vault:list-notes', clientId });
    expect(notes.ok && notes.value.map((n) => n.body)).toEqual(['kept in Firefox']);
  }, 60_000);
});
