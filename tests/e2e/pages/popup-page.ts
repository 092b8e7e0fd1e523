import type { Driver } from '../harness/driver';
import { ExtensionPage } from './extension-page';

export interface CheckItem {
  status: string | null;
  detail: string;
  /** The item's button, by its data-action, if it offers one. */
  action: string | null;
}

/** The pre-session checklist (popup.html, opened in a tab), as the therapist reads and uses it. */
export class PopupPage extends ExtensionPage {
  /** Opens the checklist and waits until every measured item has reported. */
  static async open(driver: Driver, timeout = 30_000): Promise<PopupPage> {
    const popup = new PopupPage(await driver.extensionPage('popup.html'));
    await popup.page.waitForSelector('[data-testid=checklist][data-loaded=true]', { timeout });
    await popup.settled(timeout);
    return popup;
  }

  async settled(timeout = 30_000): Promise<void> {
    await this.page.waitForFunction(() => document.querySelectorAll('[data-check]').length > 0 && !document.querySelector('[data-check][aria-busy=true]'), { timeout });
  }

  /** One item once it has reported (not "Checking…"). */
  async item(id: string, timeout = 30_000): Promise<CheckItem> {
    const item = await this.page.waitForSelector(`[data-check="${id}"][aria-busy=false]`, { timeout });
    return item!.evaluate((el) => ({
      status: el.getAttribute('data-status'),
      detail: el.querySelector('.detail')?.textContent ?? '',
      action: el.querySelector('button[data-action]')?.getAttribute('data-action') ?? null,
    }));
  }

  /** Clicks an item's button (data-action) once it is enabled. */
  async act(id: string, action: string, timeout = 30_000): Promise<void> {
    const button = await this.page.waitForSelector(`[data-check="${id}"] button[data-action=${action}]:not([disabled])`, { timeout });
    await button!.click();
  }
}
