import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { seriousA11yFindings } from './harness/axe';
import { firefoxDriver, type Driver } from './harness/driver';
import { serveFixtures } from './harness/fixtures';

/**
 * The checklist in Firefox, for what its APIs allow: no Battery Status API (the battery becomes
 * a question), optional permissions granted without the prompt in this test profile (so the
 * downloads check runs), no audible tabs (the profile blocks autoplay with sound, and the
 * harness does not change that). Firefox's driver cannot see errors in extension pages; the
 * page shows them in [data-testid=page-error], which every test looks for.
 */
let driver: Driver;
beforeAll(async () => {
  driver = await firefoxDriver();
});
afterAll(async () => {
  await driver?.close();
});

async function openPopup(): Promise<Page> {
  const page = await driver.extensionPage('popup.html');
  await page.waitForSelector('[data-testid=checklist][data-loaded=true]');
  await page.waitForFunction(() => document.querySelectorAll('[data-check]').length > 0 && !document.querySelector('[data-check][aria-busy=true]'), { timeout: 10_000 });
  return page;
}

const statusOf = (page: Page, id: string) => page.$eval(`[data-check="${id}"]`, (el) => el.getAttribute('data-status'));
const readinessOf = (page: Page) => page.$eval('[data-testid=readiness]', (el) => el.getAttribute('data-state'));
const pageError = (page: Page) => page.$('[data-testid=page-error]');

async function confirmAll(page: Page) {
  for (let i = 0; i < 30; i++) {
    const box = await page.$('[data-check][data-status=todo] input[type=checkbox]');
    if (!box) return;
    await box.click();
  }
  throw new Error('asked items kept appearing');
}

describe('the pre-session checklist in Firefox', () => {
  it('asks about the battery, since Firefox does not report it', async () => {
    const page = await openPopup();
    expect(await statusOf(page, 'interruptions.battery')).toBe('todo');
    const label = await page.$eval('[data-check="interruptions.battery"] label', (el) => el.textContent);
    expect(label).toContain('charged or plugged in');
    expect(await pageError(page)).toBeNull();
    await page.close();
  });

  it('says plainly that Firefox has no connection estimate of its own, and offers the test', async () => {
    const page = await openPopup();
    await page.waitForFunction(() => (document.querySelector('[data-check="network.speed"] .detail')?.textContent ?? '').includes('Firefox gives no connection estimate'));
    // ...and, with nothing configured, one click away from the measured test.
    expect(await statusOf(page, 'network.speed')).toBe('todo');
    expect(await page.$eval('[data-check="network.speed"] button[data-action=test-connection]', (el) => el.textContent)).toBe('Test my connection');
    expect(await pageError(page)).toBeNull();
    await page.close();
  });

  it('judges the session tab, is ready once everything is confirmed, and remembers it after closing', async () => {
    const site = await driver.browser.newPage();
    await serveFixtures(site, { 'doxy.me': 'video-call.html' });
    await site.goto('https://doxy.me/drsmith');
    const page = await openPopup();
    await page.waitForSelector('[data-check="platform.verdict"][data-status=warn]', { timeout: 10_000 });
    expect(await readinessOf(page)).toBe('not-ready');
    await confirmAll(page);
    await page.waitForSelector('[data-testid=readiness][data-state=ready]');
    expect(await statusOf(page, 'interruptions.battery')).toBe('done');
    // Done items fold into one line per section, and the whole list fits a 600 px popup (Firefox,
    // like Chrome, shows a popup at most 600 px high; the rest would scroll).
    expect(await page.$eval('[data-settled=privacy] summary', (el) => el.textContent)).toBe('Your privacy: 6 confirmed');
    await page.setViewport({ width: 480, height: 100 });
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(600);
    // The run is recorded without the page's address.
    const runs = await page.evaluate(async () => {
      // @ts-expect-error: the WebExtension global of an extension page.
      return (await browser.storage.local.get('checklistRuns')).checklistRuns;
    });
    expect(runs.at(-1)).toMatchObject({ platform: 'doxy-me', ready: true });
    expect(JSON.stringify(runs)).not.toContain('drsmith');
    await page.close();

    const again = await openPopup();
    expect(await readinessOf(again)).toBe('ready');
    await again.click('[data-testid=start-fresh]');
    await again.waitForSelector('[data-testid=readiness][data-state=not-ready]');
    expect(await again.$$('[data-check] input[type=checkbox]:checked')).toHaveLength(0);
    expect(await pageError(again)).toBeNull();
    await again.close();
    await site.close();
  });

  it('checks downloads once the therapist asks, and finds none', async () => {
    const page = await openPopup();
    expect(await statusOf(page, 'interruptions.downloads')).toBe('unknown');
    // Not checked yet: the item is folded to its title line, which opens it.
    await page.click('[data-check="interruptions.downloads"] summary');
    await page.click('[data-check="interruptions.downloads"] button[data-action=check-downloads]');
    await page.waitForSelector('[data-check="interruptions.downloads"][data-status=pass]', { timeout: 10_000 });
    expect(await pageError(page)).toBeNull();
    await page.evaluate(async () => {
      // @ts-expect-error: the WebExtension global of an extension page.
      await browser.permissions.remove({ permissions: ['downloads'] });
    });
    await page.close();
  });

  it('leaves lighting out of an audio session', async () => {
    const page = await openPopup();
    await page.click('input[name=sessionFormat][value=audio]');
    await page.waitForFunction(() => !document.querySelector('[data-check="room.lighting"]'));
    await page.click('[data-testid=start-fresh]');
    await page.waitForSelector('[data-check="room.lighting"]');
    await page.close();
  });

  it('has no serious accessibility problems (axe-core)', async () => {
    const page = await openPopup();
    expect(await seriousA11yFindings(page)).toEqual([]);
    await page.close();
  });
});
