import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { drivers, type Driver } from './harness/driver';

/**
 * Issue 6: the contract defaults saved on the options page are what the checklist's backup-plan
 * item shows before a session — end to end, through storage, in both browsers.
 */
const PLAN = 'If we lose each other, I will ring your mobile within 3 minutes.';
const BACKUP = 'Phone call to the number on your intake form';

async function replace(page: Page, name: string, value: string) {
  await page.$eval(
    `[name="${name}"]`,
    (el, text) => {
      const control = el as HTMLInputElement | HTMLTextAreaElement;
      control.value = text;
      control.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value.slice(0, -1),
  );
  await page.type(`[name="${name}"]`, value.slice(-1));
}

describe.each(drivers)('contract defaults reach the checklist in %s', (_name, launch) => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await launch();
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('shows the saved disruption plan and backup platform in the backup-plan item', async () => {
    const options = await driver.extensionPage('options.html');
    await options.bringToFront();
    await options.waitForSelector('[name=disruptionPlan]');
    await replace(options, 'disruptionPlan', PLAN);
    await replace(options, 'backupPlatform', BACKUP);
    await options.click('[data-testid=save]');
    await options.waitForFunction(() => document.querySelector('[data-testid=save-status]')?.getAttribute('data-state') === 'saved', { timeout: 10_000 });

    const popup = await driver.extensionPage('popup.html');
    await popup.bringToFront();
    const item = await popup.waitForSelector('[data-check="plan.backup"]', { timeout: 10_000 });
    await expect.poll(() => item!.evaluate((el) => el.textContent ?? ''), { timeout: 5000 }).toContain(PLAN);
    expect(await item!.evaluate((el) => el.textContent ?? '')).toContain(BACKUP);
  });
});
