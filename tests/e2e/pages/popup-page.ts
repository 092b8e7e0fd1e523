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
    await popup.loaded(timeout);
    return popup;
  }

  /** The list is drawn and every measured item has reported. */
  async loaded(timeout = 30_000): Promise<void> {
    await this.page.waitForSelector('[data-testid=checklist][data-loaded=true]', { timeout });
    await this.settled(timeout);
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

  status(id: string): Promise<string | null> {
    return this.page.$eval(`[data-check="${id}"]`, (el) => el.getAttribute('data-status'));
  }

  async waitStatus(id: string, status: string, timeout = 30_000): Promise<void> {
    await this.page.waitForSelector(`[data-check="${id}"][data-status="${status}"]`, { timeout });
  }

  /** The verdict: 'ready' or 'not-ready'. */
  readiness(): Promise<string | null> {
    return this.page.$eval('[data-testid=readiness]', (el) => el.getAttribute('data-state'));
  }

  /** The ids of the items shown, in order. */
  shownIds(): Promise<(string | null)[]> {
    return this.page.$$eval('[data-check]', (els) => els.map((el) => el.getAttribute('data-check')));
  }

  /** Ticks the first checkbox of every asked item still to do, one at a time (each tick re-renders). */
  async confirmAll(): Promise<void> {
    for (let i = 0; i < 30; i++) {
      const box = await this.page.$('[data-check][data-status=todo] input[type=checkbox]');
      if (!box) return;
      await box.click();
    }
    throw new Error('asked items kept appearing');
  }

  /** Presses "Start fresh" and waits until the cleared preparation is stored. */
  async startFresh(timeout = 30_000): Promise<void> {
    await this.page.click('[data-testid=start-fresh]');
    await this.page.waitForFunction(
      async () => {
        // @ts-expect-error: the WebExtension global of an extension page.
        const api = globalThis.browser ?? globalThis.chrome;
        const state = (await api.storage.session.get('checklistState')).checklistState;
        return state && Object.keys(state.answers).length === 0 && state.format === null;
      },
      { timeout },
    );
  }
}
