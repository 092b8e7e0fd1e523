import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/browsers';
import { watchErrors } from './harness/errors';
import { serveFixtures } from './harness/fixtures';

let session: ChromiumSession;
beforeAll(async () => {
  session = await launchChromium();
});
afterAll(async () => {
  await session?.browser.close();
});

describe('the Chromium build', () => {
  it.each(['popup.html', 'options.html', 'notes.html', 'preflight.html'])('opens %s with a heading and no errors', async (file) => {
    const page = await session.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(session.pageUrl(file), { waitUntil: 'load' });
    const heading = await page.waitForSelector('h1');
    expect((await heading?.evaluate((h) => h.textContent))?.trim().length).toBeGreaterThan(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('notices an error thrown in an extension page (so "no errors" above means something)', async () => {
    const page = await session.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(session.pageUrl('preflight.html'));
    await page.evaluate(() => setTimeout(() => { throw new Error('deliberate harness check'); }));
    await new Promise((r) => setTimeout(r, 300));
    expect(errors.join('\n')).toContain('deliberate harness check');
    await page.close();
  });

  it('offers the notes page as the side panel', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.pageUrl('popup.html'));
    const options = await page.evaluate(() => (globalThis as unknown as { chrome: { sidePanel: { getOptions(o: object): Promise<{ path?: string; enabled?: boolean }> } } }).chrome.sidePanel.getOptions({}));
    expect(options.path).toBe('notes.html');
    await page.close();
  });

  it('attaches its content script on a video-call host', async () => {
    const page = await session.browser.newPage();
    const errors = watchErrors(page);
    await serveFixtures(page, { 'us02web.zoom.us': 'video-call.html' });
    await page.goto('https://us02web.zoom.us/wc/123/join');
    const banner = await page.waitForSelector('anteroom-banner', { timeout: 10_000 });
    expect(await banner?.evaluate((el) => el.getAttribute('data-platform'))).toBe('zoom');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leaves nothing on a call page that the page can read: no globals, no messages, the same WebRTC names', async () => {
    const globalsAt = async (url: string) => {
      const page = await session.browser.newPage();
      await serveFixtures(page, { 'us02web.zoom.us': 'video-call.html', 'www.unrelated.example': 'video-call.html' });
      // What the page's own scripts would hear, from before anything else runs.
      await page.evaluateOnNewDocument(() => {
        const heard: unknown[] = [];
        Object.defineProperty(window, '__heardByPage', { value: heard, enumerable: false });
        window.addEventListener('message', (event) => heard.push(event.data));
      });
      await page.goto(url);
      if (url.includes('zoom')) await page.waitForSelector('anteroom-banner[data-verdict]', { timeout: 10_000 });
      await new Promise((r) => setTimeout(r, 500));
      const seen = await page.evaluate(() => ({
        names: Object.getOwnPropertyNames(window).sort(),
        heard: (window as unknown as { __heardByPage: unknown[] }).__heardByPage,
        // The probe's wrappers must look like the browser's own functions to a page's checks.
        wrapped: [
          RTCPeerConnection.name,
          RTCPeerConnection.length,
          MediaDevices.prototype.getDisplayMedia.name,
          MediaDevices.prototype.getDisplayMedia.length,
          (() => {
            try {
              (RTCPeerConnection as unknown as () => unknown)();
              return 'called without new';
            } catch (error) {
              return String(error);
            }
          })(),
        ],
      }));
      await page.close();
      return seen;
    };
    const withScripts = await globalsAt('https://us02web.zoom.us/wc/123/join');
    const without = await globalsAt('https://www.unrelated.example/wc/123/join');
    expect(withScripts.names.filter((name) => !without.names.includes(name))).toEqual([]);
    expect(withScripts.heard).toEqual([]);
    expect(withScripts.wrapped).toEqual(without.wrapped);
  });

  it('stays out of an unrelated site and makes no request of its own', async () => {
    const page = await session.browser.newPage();
    const errors = watchErrors(page);
    const server = await serveFixtures(page);
    await page.goto('https://www.unrelated.example/news');
    // Give a content script, if one were wrongly attached, time to run.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await page.$('anteroom-banner')).toBeNull();
    expect(server.requests).toEqual(['https://www.unrelated.example/news']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
