import type { Driver } from '../harness/driver';
import { ExtensionPage } from './extension-page';

/** scrypt at N=2^17 takes about a second per unlock here, more under load: every vault wait is generous. */
export const VAULT_WAIT = 60_000;

/**
 * The notes page as a therapist uses it: the steps a spec reads as ("unlock", "choose a client",
 * "download a backup"), written once over the page's test hooks (DESIGN.md).
 */
export class NotesPage extends ExtensionPage {
  static async open(driver: Driver): Promise<NotesPage> {
    return new NotesPage(await driver.extensionPage('notes.html'));
  }

  async waitForState(state: 'none' | 'locked' | 'unlocked'): Promise<void> {
    await this.page.waitForSelector(`[data-testid=vault-state][data-state=${state}]`, { timeout: VAULT_WAIT });
  }

  state(): Promise<string | null> {
    return this.page.$eval('[data-testid=vault-state]', (el) => el.getAttribute('data-state'));
  }

  /** Replaces a field's text by typing, as a person who selected it all would. */
  async typeInto(selector: string, text: string): Promise<void> {
    const field = await this.page.waitForSelector(selector, { timeout: VAULT_WAIT });
    await field!.click({ count: 3 });
    // Select everything and delete it with a key press, so the page hears the change as it
    // would from a person; writing `value` directly is undone by any re-render in between.
    await field!.evaluate((el) => (el as HTMLInputElement).select());
    await this.page.keyboard.press('Backspace');
    await field!.type(text);
  }

  /** From the "no notes yet" screen: sets the passphrase and waits for the open notes. */
  async createVault(passphrase: string): Promise<void> {
    await this.waitForState('none');
    await this.typeInto('input[name=passphrase]', passphrase);
    await this.typeInto('input[name=passphraseConfirm]', passphrase);
    await this.click('[data-testid=create-vault]');
    await this.waitForState('unlocked');
  }

  /** Adds a client by its label and waits for their view to open. */
  async addClient(label: string): Promise<void> {
    await this.click('[data-testid=new-client]');
    await this.typeInto('input[name=clientLabel]', label);
    await this.click('[data-testid=save-client]');
    await this.page.waitForFunction((wanted) => document.querySelector('#client-heading')?.textContent === wanted, { timeout: VAULT_WAIT }, label);
  }

  async unlock(passphrase: string): Promise<void> {
    await this.typeInto('input[name=passphrase]', passphrase);
    await this.click('[data-testid=unlock]');
  }

  async chooseClient(index = 0): Promise<void> {
    const items = await this.page.$$('[data-testid=client-item]');
    await items[index]!.click();
  }

  noteItems(): Promise<string[]> {
    return this.page.$$eval('[data-testid=note-item]', (items) => items.map((item) => item.textContent ?? ''));
  }

  /** Clicks "Download encrypted backup". */
  async downloadBackup(): Promise<void> {
    await this.click('[data-testid=export]');
  }

  /** The backup reminder: whether a backup is due, and what it says. */
  async backupReminder(): Promise<{ due: string | null; text: string }> {
    const notice = await this.page.waitForSelector('[data-testid=backup-age]', { timeout: VAULT_WAIT });
    return notice!.evaluate((el) => ({ due: el.getAttribute('data-due'), text: el.textContent ?? '' }));
  }

  async waitForBackupDue(due: boolean): Promise<void> {
    await this.page.waitForSelector(`[data-testid=backup-age][data-due=${due}]`, { timeout: VAULT_WAIT });
  }

  /** From the "no notes yet" screen: "Restore from an encrypted backup instead". */
  async openRestoreInstead(): Promise<void> {
    const restore = await this.page.waitForSelector('::-p-text(Restore from an encrypted backup instead)', { timeout: VAULT_WAIT });
    await restore!.click();
  }

  /** Chooses a backup file in the restore form and confirms it with its passphrase. */
  async restore(file: string, passphrase: string): Promise<void> {
    const input = await this.page.waitForSelector('input[type=file][name=import]', { timeout: VAULT_WAIT });
    await input!.uploadFile(file);
    await this.typeInto('#import-passphrase', passphrase);
    await this.click('[data-testid=import-confirm]');
  }
}
