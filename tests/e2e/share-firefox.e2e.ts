import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { firefoxDriver, type Driver } from './harness/driver';

/**
 * Firefox's own report of screen-sharing tabs, which the unlock question also reads
 * (lib/background/firefox-sharing.ts). Headless Firefox has no screen to capture, so a real share
 * cannot be made here; what is checked is that the browser accepts the query with the
 * extension's permissions, so the code path runs for real, and that with no share the notes open
 * without a question.
 */
describe('screen shares in Firefox', () => {
  let driver: Driver;
  let page: Page;
  beforeAll(async () => {
    driver = await firefoxDriver();
    page = await driver.extensionPage('notes.html');
  });
  afterAll(async () => {
    await driver?.close();
  });

  const api = <T>(fn: string) =>
    page.evaluate(async (body) => {
      // @ts-expect-error: the WebExtension global of an extension page.
      const browser = globalThis.browser;
      return (await new Function('browser', `return (async () => ${body})()`)(browser)) as unknown;
    }, fn) as Promise<T>;

  it('accepts the `screen` filter of tabs.query with Anteroom’s permissions (an unknown filter is refused)', async () => {
    expect(await api<unknown[]>('browser.tabs.query({ screen: true })')).toEqual([]);
    await expect(api('browser.tabs.query({ sharingSomething: true })')).rejects.toThrow();
  });

  it('opens the notes without a question when nothing is shared', async () => {
    const passphrase = 'a long enough passphrase for tests';
    expect(await api(`browser.runtime.sendMessage({ type: 'vault:create', passphrase: '${passphrase}' })`)).toEqual({ ok: true });
    await api(`browser.runtime.sendMessage({ type: 'vault:lock' })`);
    expect(await api(`browser.runtime.sendMessage({ type: 'vault:unlock', passphrase: '${passphrase}' })`)).toEqual({ ok: true });
  });
});
