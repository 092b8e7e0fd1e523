import type { Page } from 'puppeteer';
import { errorsOn, watchErrors } from '../harness/errors';

/** What every page of ours offers a spec, in both browsers. */
export class ExtensionPage {
  /** Errors the driver heard since this object was made (Chromium; Firefox hears none from our pages). */
  readonly heard: string[];

  constructor(readonly page: Page) {
    this.heard = watchErrors(page);
  }

  close(): Promise<void> {
    return this.page.close();
  }

  /** Reloads the page the way F5 does (Firefox's driver will not navigate a moz-extension page itself). */
  async reload(timeout = 60_000): Promise<void> {
    await this.page.evaluate(() => {
      (globalThis as { beforeReload?: boolean }).beforeReload = true;
      setTimeout(() => location.reload(), 0);
    });
    await this.page.waitForFunction(() => !(globalThis as { beforeReload?: boolean }).beforeReload && document.readyState === 'complete', { timeout });
  }

  /** Clicks a control once it is enabled. */
  async click(selector: string, timeout = 60_000): Promise<void> {
    const button = await this.page.waitForSelector(`${selector}:not([disabled])`, { timeout });
    await button!.click();
  }

  textOf(selector: string): Promise<string> {
    return this.page.$eval(selector, (el) => el.textContent ?? '');
  }

  async waitForText(selector: string, text: string, timeout = 60_000): Promise<void> {
    await this.page.waitForFunction(
      (sel, wanted) => [...document.querySelectorAll(sel)].some((el) => el.textContent?.includes(wanted)),
      { timeout },
      selector,
      text,
    );
  }

  /** Every error the page had: what the driver heard, and the page's own error notice. */
  problems(): Promise<string[]> {
    return errorsOn(this.page, this.heard);
  }
}
