import type { ElementHandle } from 'puppeteer';
import type { Driver } from '../harness/driver';
import { attr, fill, saveAndWait, valueOf } from '../harness/forms';
import { ExtensionPage } from './extension-page';

/** The options page as the therapist uses it: fill a setting, save, read what it says. */
export class OptionsPage extends ExtensionPage {
  /** Opens the options page in front (a page behind another does not render, and clicks would wait). */
  static async open(driver: Driver, ready = '[name=sessionMinutes]', timeout = 30_000): Promise<OptionsPage> {
    const options = new OptionsPage(await driver.extensionPage('options.html'));
    await options.page.bringToFront();
    await options.page.waitForSelector(ready, { timeout });
    return options;
  }

  /** Replaces a setting's text the way typing would. */
  fill(name: string, value: string): Promise<void> {
    return fill(this.page, name, value);
  }

  async choose(name: string, value: string): Promise<void> {
    await this.page.select(`[name="${name}"]`, value);
  }

  value(name: string): Promise<string> {
    return valueOf(this.page, name);
  }

  /** Clicks Save and waits for this save's own answer. */
  save(expect: 'saved' | 'invalid' = 'saved'): Promise<void> {
    return saveAndWait(this.page, expect);
  }

  saveState(): Promise<string | null> {
    return attr(this.page, '[data-testid=save-status]', 'data-state');
  }

  isInvalid(name: string): Promise<boolean> {
    return attr(this.page, `[name="${name}"]`, 'aria-invalid').then((value) => value === 'true');
  }

  /** The messages a field points to with aria-describedby, as a screen reader would read them. */
  messagesFor(name: string): Promise<string> {
    return this.page.$eval(`[name="${name}"]`, (el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
  }

  focusedName(): Promise<string | null | undefined> {
    return this.page.evaluate(() => document.activeElement?.getAttribute('name'));
  }

  /** Chooses a settings file to import. */
  async importSettings(file: string): Promise<void> {
    const input = (await this.page.$('input[type=file][name=importSettings]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
  }

  /** Presses a practice-readiness item's confirm button and waits for it to read confirmed. */
  async confirmReadiness(id: string): Promise<void> {
    await this.page.click(`[data-readiness=${id}] button`);
    await this.page.waitForSelector(`[data-readiness=${id}][data-state=confirmed]`);
  }

  text(): Promise<string> {
    return this.textOf('body');
  }
}
