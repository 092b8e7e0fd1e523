import type { Page } from 'puppeteer';

/**
 * Collects uncaught exceptions and console errors from a page, so every test can end with
 * "and nothing went wrong". Host fixture pages are ours, so any error there is ours too.
 */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${(error as Error).message ?? String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return errors;
}

/**
 * What went wrong on a page of ours: the errors watchErrors collected, plus the page's own error
 * notice (components/page-errors.ts), the only sign Firefox's driver gives of an error in an
 * extension page.
 */
export async function errorsOn(page: Page, watched: readonly string[]): Promise<string[]> {
  const notice = await page.$eval('[data-testid=page-error]', (el) => el.textContent ?? '').catch(() => null);
  return notice === null ? [...watched] : [...watched, `page-error: ${notice}`];
}
