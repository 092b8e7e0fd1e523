import type { Page } from 'puppeteer';

/** Form helpers shared by the options-page tests (settings and custom platforms) of both browsers. */

/** Replaces a control's text the way typing would, then types the last part for real. */
export async function fill(page: Page, name: string, value: string): Promise<void> {
  const selector = `[name="${name}"]`;
  await page.$eval(
    selector,
    (el, text) => {
      const control = el as HTMLInputElement | HTMLTextAreaElement;
      control.value = text;
      control.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value.slice(0, -1),
  );
  await page.type(selector, value.slice(-1));
}

export const valueOf = (page: Page, name: string) => page.$eval(`[name="${name}"]`, (el) => (el as HTMLInputElement).value);
export const attr = (page: Page, selector: string, name: string) => page.$eval(selector, (el, name) => el.getAttribute(name), name);
export const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '');

/** Clicks Save and waits for this save's own answer. */
export async function saveAndWait(page: Page, state: 'saved' | 'invalid'): Promise<void> {
  // The status may already read "saved" from before; a save always passes through "saving", so
  // the page rewrites the attribute with its own answer.
  if (state === 'saved') await page.$eval('[data-testid=save-status]', (el) => el.setAttribute('data-state', 'waiting'));
  await page.click('[data-testid=save]');
  await page.waitForSelector(`[data-testid=save-status][data-state=${state}]`);
}
