import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, openFirefoxExtensionPage, type FirefoxSession } from './harness/browsers';
import { fixturesDir } from './harness/paths';
import { attr, fill, saveAndWait, text, valueOf } from './harness/forms';

/**
 * The contract-defaults page and the printable agreement in real Firefox. WebDriver BiDi does
 * not report errors from extension pages, so each test ends by checking the page's own error
 * notice instead.
 */

let session: FirefoxSession;
beforeAll(async () => {
  session = await launchFirefox();
});
afterAll(async () => {
  await session?.browser.close();
});

interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  clear(): Promise<void>;
}
type StorageApi = { storage: Record<'sync' | 'local', StorageArea> };

/** A value straight from extension storage, read inside the page. */
function stored(page: Page, area: 'sync' | 'local', key: string): Promise<unknown> {
  return page.evaluate(
    async (area, key) => {
      const scope = globalThis as unknown as { browser?: StorageApi; chrome: StorageApi };
      const api = scope.browser ?? scope.chrome;
      return (await api.storage[area].get(key))[key] ?? null;
    },
    area,
    key,
  );
}

async function open(file: string, ready: string): Promise<Page> {
  const page = await openFirefoxExtensionPage(session, file);
  await page.bringToFront();
  await page.waitForSelector(ready);
  return page;
}

const openOptions = () => open('options.html', '[name=sessionMinutes]');


async function expectNoPageError(page: Page): Promise<void> {
  expect(await page.$('[data-testid=page-error]')).toBeNull();
}

describe('contract defaults in Firefox', () => {
  it('keeps saved values when the page is opened again', async () => {
    const page = await openOptions();
    await fill(page, 'sessionMinutes', '55');
    await fill(page, 'backupPlatform', 'Landline call to the number on your intake form');
    await fill(page, 'therapist.name', 'Sam Okafor');
    await page.select('[name=jurisdiction]', 'eu-gdpr');
    await saveAndWait(page, 'saved');

    const area = (await stored(page, 'sync', 'contract')) === null ? 'local' : 'sync';
    expect(await stored(page, area, 'contract')).toMatchObject({
      sessionMinutes: 55,
      backupPlatform: 'Landline call to the number on your intake form',
      jurisdiction: 'eu-gdpr',
    });
    await expectNoPageError(page);
    await page.close();

    const again = await openOptions();
    expect(await valueOf(again, 'sessionMinutes')).toBe('55');
    expect(await valueOf(again, 'backupPlatform')).toBe('Landline call to the number on your intake form');
    expect(await valueOf(again, 'jurisdiction')).toBe('eu-gdpr');
    expect(await valueOf(again, 'therapist.name')).toBe('Sam Okafor');
    await expectNoPageError(again);
    await again.close();
  });

  it('refuses a 5-minute session and saves nothing', async () => {
    const page = await openOptions();
    const before = [await stored(page, 'sync', 'contract'), await stored(page, 'local', 'contract')];
    await fill(page, 'sessionMinutes', '5');
    await fill(page, 'backupPlatform', 'This must not be saved');
    await saveAndWait(page, 'invalid');

    expect(await attr(page, '[name=sessionMinutes]', 'aria-invalid')).toBe('true');
    const errorId = ((await attr(page, '[name=sessionMinutes]', 'aria-describedby')) ?? '').split(' ').pop()!;
    expect(await text(page, `#${errorId}`)).toContain('between 10 and 180 minutes');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('sessionMinutes');
    expect([await stored(page, 'sync', 'contract'), await stored(page, 'local', 'contract')]).toEqual(before);
    await expectNoPageError(page);
    await page.close();
  });

  it('shows the saved settings in the printable agreement', async () => {
    const page = await open('agreement.html', '[data-testid=agreement]');
    const agreement = await text(page, '[data-testid=agreement]');
    expect(agreement).toContain('Our backup way to meet: Landline call to the number on your intake form.');
    expect(agreement).toContain('Sessions last 55 minutes');
    expect(agreement).toContain('the GDPR');
    expect(await text(page, '.byline')).toContain('Sam Okafor');
    await expectNoPageError(page);
    await page.close();

    const sheet = await open('client-sheet.html', '[data-testid=client-sheet]');
    expect(await text(sheet, '[data-testid=client-sheet]')).toContain('Landline call to the number on your intake form');
    await expectNoPageError(sheet);
    await sheet.close();
  });

  it('refuses a malformed settings file and changes nothing', async () => {
    const page = await openOptions();
    const before = [await stored(page, 'sync', 'contract'), await stored(page, 'local', 'contract')];
    const input = (await page.$('input[type=file][name=importSettings]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(`${fixturesDir}/pages/settings-malformed.json`);
    await page.waitForSelector('[data-testid=import-report] [role=alert]');
    expect(await text(page, '[data-testid=import-report] [role=alert]')).toMatch(/nothing was changed/);
    expect([await stored(page, 'sync', 'contract'), await stored(page, 'local', 'contract')]).toEqual(before);
    expect(await valueOf(page, 'backupPlatform')).toBe('Landline call to the number on your intake form');
    await expectNoPageError(page);
    await page.close();
  });

  it('records a practice-readiness confirmation in storage.local', async () => {
    const page = await openOptions();
    await page.waitForSelector('[data-readiness=supervision]');
    await page.click('[data-readiness=supervision] button');
    await page.waitForSelector('[data-readiness=supervision][data-state=confirmed]');
    const state = (await stored(page, 'local', 'practiceReadiness')) as Record<string, string | null>;
    expect(state.supervision).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expectNoPageError(page);
    await page.close();
  });
});
