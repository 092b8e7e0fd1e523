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
