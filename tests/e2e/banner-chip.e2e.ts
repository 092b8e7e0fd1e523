import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { drivers, type Driver } from './harness/driver';
import { seriousA11yFindings } from './harness/axe';
import { watchErrors } from './harness/errors';
import { serveFixtures } from './harness/fixtures';

/**
 * The platform banner as a therapist meets it every day: the full card on the first visit to a
 * platform with a verdict, a small chip afterwards that opens the card again, a corner of their
 * choosing remembered per platform, and never over the top 56 px of the page's right side where
 * call and mail apps keep their account menus.
 */
const ROUTES = { 'doxy.me': 'video-call.html', 'web.whatsapp.com': 'video-call.html', 'meet.google.com': 'video-call.html' };
const VIEWPORT = { width: 1000, height: 700 };

interface Drawn {
  look: string | null;
  corner: string | null;
  rect: { top: number; right: number; bottom: number; left: number; width: number; height: number };
  chip: string | null;
  focused: string | null;
}

async function drawn(page: Page): Promise<Drawn> {
  return page.$eval('anteroom-banner', (host) => {
    const root = host.shadowRoot!;
    const box = (root.querySelector('.card, .compact') ?? host).getBoundingClientRect();
    return {
      look: host.getAttribute('data-look'),
      corner: host.getAttribute('data-corner'),
      rect: { top: box.top, right: box.right, bottom: box.bottom, left: box.left, width: box.width, height: box.height },
      chip: root.querySelector('[data-testid=banner-chip]')?.textContent ?? null,
      focused: root.activeElement?.getAttribute('data-testid') ?? root.activeElement?.className ?? null,
    };
  });
}

/** Nothing of ours in the top 56 px of the right half of the page. */
const clearOfAccountMenus = (rect: Drawn['rect']) => rect.top >= 56 || rect.right <= VIEWPORT.width / 2;

describe.each(drivers)('the platform banner in %s', (name, launch) => {
  let driver: Driver;
  let controller: Page;
  beforeAll(async () => {
    driver = await launch();
    controller = await driver.extensionPage('options.html');
  });
  afterAll(async () => {
    await driver?.close();
  });

  async function visit(url: string): Promise<{ page: Page; errors: string[] }> {
    const page = await driver.browser.newPage();
    await page.setViewport(VIEWPORT);
    const errors = watchErrors(page);
    await serveFixtures(page, ROUTES);
    await page.goto(url);
    await page.waitForSelector('anteroom-banner[data-look]', { timeout: 15_000 });
    return { page, errors };
  }

  const waitLook = (page: Page, look: string) => page.waitForSelector(`anteroom-banner[data-look=${look}]`, { timeout: 10_000 });

  it('shows the full card on the first visit, and only a chip with the verdict and the name afterwards', async () => {
    const first = await visit('https://doxy.me/drsmith');
    const card = await drawn(first.page);
    expect(card.look).toBe('card');
    expect(clearOfAccountMenus(card.rect)).toBe(true);
    expect(await first.page.$eval('anteroom-banner', (el) => el.shadowRoot!.textContent)).toContain('Use with care for clinical work');
    await first.page.close();

    const again = await visit('https://doxy.me/drsmith');
    const chip = await drawn(again.page);
    expect(chip.look).toBe('chip');
    expect(chip.chip).toBe('! Use with care · Doxy.me');
    // About the size of a browser's own permission chip.
    expect(chip.rect.height).toBeLessThanOrEqual(40);
    expect(chip.rect.width).toBeLessThanOrEqual(260);
    expect(clearOfAccountMenus(chip.rect)).toBe(true);
    expect(again.errors).toEqual([]);
    await again.page.close();
  });

  it('opens the card from the chip by click or keyboard, and makes it small again', async () => {
    const { page, errors } = await visit('https://doxy.me/drsmith');
    await waitLook(page, 'chip');
    await (await page.waitForSelector('anteroom-banner >>> [data-testid=banner-chip]'))!.click();
    await waitLook(page, 'card');
    expect((await drawn(page)).focused).toContain('card');
    await (await page.waitForSelector('anteroom-banner >>> [data-testid=banner-collapse]'))!.click();
    await waitLook(page, 'chip');
    // Focus returns to the chip, so Enter opens the card again.
    expect((await drawn(page)).focused).toBe('banner-chip');
    await page.keyboard.press('Enter');
    await waitLook(page, 'card');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('moves to another corner and stays there for that platform only', async () => {
    const { page } = await visit('https://doxy.me/drsmith');
    await (await page.waitForSelector('anteroom-banner >>> [data-testid=banner-move]'))!.click();
    await page.waitForSelector('anteroom-banner[data-corner=bottom-right]');
    const moved = await drawn(page);
    expect(VIEWPORT.height - moved.rect.bottom).toBeLessThanOrEqual(20);
    // Keyboard focus stays on the move button, so pressing again keeps moving.
    expect(moved.focused).toBe('banner-move');
    // The choice is stored per platform (a platform id and a corner, nothing else).
    const stored = () =>
      controller.evaluate(async () => {
        // @ts-expect-error: the WebExtension global of an extension page (chrome in Chromium, browser in Firefox).
        const api = globalThis.browser ?? globalThis.chrome;
        return (await api.storage.local.get('bannerLook')).bannerLook;
      });
    await expect.poll(stored, { timeout: 5000 }).toMatchObject({ 'doxy-me': { corner: 'bottom-right', seen: ['caution'] } });
    await page.reload();
    await page.waitForSelector('anteroom-banner[data-corner=bottom-right][data-look=chip]', { timeout: 10_000 });
    await page.close();
    // Another platform keeps the default corner.
    const other = await visit('https://meet.google.com/abc-defg-hij');
    expect((await drawn(other.page)).corner).toBe('top-right');
    await other.page.close();
  });

  it('never hides a platform to avoid: no "hide" on its card, and the chip is as small as it gets', async () => {
    const first = await visit('https://web.whatsapp.com/');
    expect((await drawn(first.page)).look).toBe('card');
    expect(await first.page.$('anteroom-banner >>> [data-testid=banner-dismiss]')).toBeNull();
    await first.page.close();
    const again = await visit('https://web.whatsapp.com/');
    expect((await drawn(again.page)).chip).toBe('✕ Avoid · WhatsApp Web');
    expect(await again.page.$('anteroom-banner >>> [data-testid=banner-dismiss]')).toBeNull();
    await again.page.close();
  });

  it('has no serious accessibility problems, as a card and as a chip (axe-core)', async () => {
    const { page } = await visit('https://web.whatsapp.com/');
    await waitLook(page, 'chip');
    expect(await seriousA11yFindings(page)).toEqual([]);
    await (await page.waitForSelector('anteroom-banner >>> [data-testid=banner-chip]'))!.click();
    await waitLook(page, 'card');
    expect(await seriousA11yFindings(page)).toEqual([]);
    await page.close();
  });
  // Chromium emulates the colour scheme for a page; Firefox's driver does not.
  it.runIf(name === 'Chromium')('keeps AA contrast in the dark theme too, as a card and as a chip (axe-core)', async () => {
    const page = await driver.browser.newPage();
    await page.setViewport(VIEWPORT);
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await serveFixtures(page, ROUTES);
    await page.goto('https://web.whatsapp.com/');
    await waitLook(page, 'chip');
    const chipColour = await page.$eval('anteroom-banner', (el) => getComputedStyle(el.shadowRoot!.querySelector('.chip')!).backgroundColor);
    expect(chipColour).toBe('rgb(31, 36, 41)'); // the dark theme is in force
    expect(await seriousA11yFindings(page)).toEqual([]);
    await (await page.waitForSelector('anteroom-banner >>> [data-testid=banner-chip]'))!.click();
    await waitLook(page, 'card');
    expect(await seriousA11yFindings(page)).toEqual([]);
    await page.close();
  });
});
