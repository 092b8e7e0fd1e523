import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, openFirefoxExtensionPage, type FirefoxSession } from './harness/browsers';
import { watchErrors } from './harness/errors';
import { serveFixtures } from './harness/fixtures';

let session: FirefoxSession;
beforeAll(async () => {
  session = await launchFirefox();
});
afterAll(async () => {
  await session?.browser.close();
});

describe('the Firefox build', () => {
  it('installs with its Gecko id', () => {
    expect(session.extensionId).toBe('anteroom@anteroom.invalid');
  });

  it.each(['options.html', 'popup.html', 'notes.html', 'preflight.html'])('opens %s with a heading and no errors', async (file) => {
    const page = await openFirefoxExtensionPage(session, file);
    await page.waitForFunction(() => document.querySelector('h1'));
    expect((await page.$eval('h1', (h) => h.textContent))?.trim().length).toBeGreaterThan(3);
    // BiDi does not report errors from extension pages; our pages show them in a notice instead.
    expect(await page.$('[data-testid=page-error]')).toBeNull();
  });

  it('notices an error thrown in an extension page (so "no errors" above means something)', async () => {
    const page = await openFirefoxExtensionPage(session, 'preflight.html');
    await page.evaluate(() => setTimeout(() => { throw new Error('deliberate harness check'); }));
    const notice = await page.waitForSelector('[data-testid=page-error]', { timeout: 5000 });
    expect(await notice?.evaluate((n) => n.textContent)).toContain('deliberate harness check');
  });

  it('offers the notes page as the sidebar', async () => {
    const page = await openFirefoxExtensionPage(session, 'popup.html');
    const manifest = await page.evaluate(() => (globalThis as unknown as { browser: { runtime: { getManifest(): { sidebar_action?: { default_panel?: string } } } } }).browser.runtime.getManifest());
    // Firefox reports the panel as a full moz-extension:// URL.
    expect(manifest.sidebar_action?.default_panel).toMatch(/^moz-extension:\/\/[^/]+\/notes\.html$/);
  });

  it('attaches its content script on a video-call host', async () => {
    const page = await session.browser.newPage();
    const errors = watchErrors(page);
    await serveFixtures(page, { 'us02web.zoom.us': 'video-call.html' });
    await page.goto('https://us02web.zoom.us/wc/123/join');
    const banner = await page.waitForSelector('anteroom-banner', { timeout: 15_000 });
    expect(await banner?.evaluate((el) => el.getAttribute('data-platform'))).toBe('zoom');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stays out of an unrelated site', async () => {
    const page = await session.browser.newPage();
    await serveFixtures(page);
    await page.goto('https://www.unrelated.example/news');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await page.$('anteroom-banner')).toBeNull();
    await page.close();
  });
});
