import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/browsers';
import { seriousA11yFindings } from './harness/axe';
import { watchErrors } from './harness/errors';

/**
 * Accessibility of the contract-defaults page and the client documents, checked with axe-core
 * in real Chromium: no serious or critical violation, in the states a therapist actually sees
 * (first visit, a refused save with its error messages, the printable pages).
 */

let session: ChromiumSession;
beforeAll(async () => {
  session = await launchChromium();
});
afterAll(async () => {
  await session?.browser.close();
});

/** One readable line per serious or critical axe finding, so a failure says what to fix. */
async function seriousViolations(page: Page): Promise<string[]> {
  return (await seriousA11yFindings(page)).map((f) => `${f.impact} ${f.id}: ${f.help} — ${f.targets.join(', ')}`);
}

async function open(file: string, ready: string): Promise<{ page: Page; errors: string[] }> {
  const page = await session.browser.newPage();
  const errors = watchErrors(page);
  await page.goto(session.pageUrl(file), { waitUntil: 'load' });
  await page.bringToFront();
  await page.waitForSelector(ready);
  return { page, errors };
}

describe('accessibility (axe-core, Chromium)', () => {
  it('options.html has no serious or critical violations on a first visit', async () => {
    const { page, errors } = await open('options.html', '[data-readiness]');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('options.html has none while it shows a refused save and its messages', async () => {
    const { page, errors } = await open('options.html', '[data-readiness]');
    await page.$eval('[name=sessionMinutes]', (el) => {
      (el as HTMLInputElement).value = '5';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.$eval('[name="templates.outOfHours"]', (el) => {
      (el as HTMLTextAreaElement).value += ' {{clientName}}';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.click('[data-testid=save]');
    await page.waitForSelector('[data-testid=save-status][data-state=invalid]');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    ['agreement.html', '[data-testid=agreement]'],
    ['client-sheet.html', '[data-testid=client-sheet]'],
  ])('%s has no serious or critical violations', async (file, ready) => {
    const { page, errors } = await open(file, ready);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  // Every extension page, in the light and the dark theme (prefers-color-scheme): colour contrast
  // is one of axe's serious rules, so a dark colour that fails WCAG AA fails here.
  describe.each(['light', 'dark'] as const)('in the %s theme', (scheme) => {
    it.each([
      ['options.html', '[data-readiness]'],
      ['agreement.html', '[data-testid=agreement]'],
      ['client-sheet.html', '[data-testid=client-sheet]'],
      ['popup.html', '[data-testid=checklist][data-loaded=true]'],
      ['notes.html', '[data-testid=vault-state]'],
      ['preflight.html', 'main h1'],
      ['welcome.html', '[data-testid=welcome]'],
    ])('%s has no serious or critical violations', async (file, ready) => {
      const page = await session.browser.newPage();
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      const errors = watchErrors(page);
      await page.goto(session.pageUrl(file), { waitUntil: 'load' });
      await page.bringToFront();
      await page.waitForSelector(ready);
      // The theme is really in force (otherwise this test would prove nothing).
      const paper = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      expect(paper).toBe(scheme === 'dark' ? 'rgb(22, 25, 29)' : 'rgb(251, 250, 247)');
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
