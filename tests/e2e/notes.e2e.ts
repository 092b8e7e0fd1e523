import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Page } from 'puppeteer';
import { seriousA11yFindings } from './harness/axe';
import { launchDriver, type Driver } from './harness/driver';
import { errorsOn, watchErrors } from './harness/errors';
import { send } from './harness/extension';
import { browserTable } from './harness/matrix';
import { finishedDownloads, screenshotFailures } from './harness/page-files';
import { NotesPage, VAULT_WAIT } from './pages/notes-page';

/**
 * Encrypted session notes through the real notes page, as a therapist uses it: create, write,
 * search, lock, unlock, drafts, two windows at once, backup, Markdown export, delete, restore.
 */
const PASSPHRASE = 'quiet harbour lantern seventeen';
const CLIENT = 'R.K. (Tuesday)';
const MARKER = `marker-${Date.now().toString(36)}-owl`;
const DRAFT = `draft-${Date.now().toString(36)}-heron`;

describe.each(browserTable())('encrypted notes in %s', (browser, test) => {
  let driver: Driver;
  let notes: NotesPage;
  let page: Page;
  let downloads: string;

  beforeAll(async () => {
    downloads = mkdtempSync(join(tmpdir(), `anteroom-notes-${browser.toLowerCase()}-`));
    driver = await launchDriver(browser, { downloads });
    notes = await NotesPage.open(driver);
    page = notes.page;
  });
  afterAll(async () => {
    await driver?.close();
  });
  screenshotFailures(`notes-${browser}`, () => page);

  const stateOf = (target: Page = page) => target.$eval('[data-testid=vault-state]', (el) => el.getAttribute('data-state'));
  const waitForState = (state: 'none' | 'locked' | 'unlocked', target: Page = page) => new NotesPage(target).waitForState(state);

  /** Everything a person or a script could read from the page: markup plus the values of form controls. */
  const pageText = (target: Page = page) =>
    target.evaluate(
      () =>
        document.documentElement.outerHTML +
        [...document.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement).value).join('\n'),
    );

  const typeInto = (selector: string, text: string, target: Page = page) => new NotesPage(target).typeInto(selector, text);
  const click = (selector: string, target: Page = page) => new NotesPage(target).click(selector, VAULT_WAIT);
  const noteItemsText = (target: Page = page) => new NotesPage(target).noteItems();
  const unlock = (passphrase: string) => notes.unlock(passphrase);

  /** A second notes page (another tab, or the side panel), unlocked, on the same client's notes. */
  async function openSecondNotesPage(): Promise<{ other: Page; otherErrors: string[] }> {
    const other = await driver.extensionPage('notes.html');
    const heard = watchErrors(other);
    await waitForState('unlocked', other);
    await click('[data-testid=client-item]', other);
    await other.waitForSelector('[data-testid=note-item]', { timeout: VAULT_WAIT });
    return { other, otherErrors: heard };
  }

  /** Chooses the backup this spec downloaded, in the restore form. */
  async function chooseDownloadedBackup() {
    const [file] = readdirSync(downloads).filter((f) => f.endsWith('.json'));
    const input = await page.waitForSelector('input[type=file][name=import]');
    await input!.uploadFile(join(downloads, file!));
  }

  async function submitImportPassphrase(passphrase: string) {
    await typeInto('input[name=passphrase]', passphrase);
    await click('[data-testid=import-confirm]');
  }

  test('starts with no vault and explains that a forgotten passphrase cannot be recovered', async () => {
    await waitForState('none');
    expect(await page.$eval('main', (m) => m.textContent)).toMatch(/cannot be recovered/);
    expect(await page.title()).toBe('Anteroom — session notes');
  });

  test('refuses a short passphrase and a mismatched confirmation, creating nothing', async () => {
    // Sent with Enter from the confirmation box: the strength meter can appear under the first box
    // while the typing goes on, moving the button between where a click is aimed and where it lands.
    await typeInto('input[name=passphrase]', 'too short');
    await typeInto('input[name=passphraseConfirm]', 'too short');
    await page.keyboard.press('Enter');
    await page.waitForSelector('input[name=passphrase][aria-invalid=true]');
    expect(await page.$eval('#create-form', (f) => f.textContent)).toMatch(/at least 16 characters/);
    await typeInto('input[name=passphrase]', PASSPHRASE);
    await typeInto('input[name=passphraseConfirm]', `${PASSPHRASE}!`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('input[name=passphraseConfirm][aria-invalid=true]');
    expect(await stateOf()).toBe('none');
  });

  test('shows the strength of the passphrase with a hint while it is typed', async () => {
    await typeInto('input[name=passphrase]', PASSPHRASE);
    const meter = await page.waitForSelector('[data-testid=passphrase-strength][data-score]', { timeout: 15_000 });
    expect(await meter!.evaluate((m) => m.textContent)).toMatch(/Strength: \w+/);
  });

  test('creates the vault and leaves it unlocked, saying when it locks itself', async () => {
    await typeInto('input[name=passphraseConfirm]', PASSPHRASE);
    await click('[data-testid=create-vault]');
    await waitForState('unlocked');
    expect(await page.$eval('[data-testid=vault-state]', (el) => el.textContent)).toMatch(/Locks after \d+ minutes? without activity/);
  });

  test('asks the browser to keep the notes through storage pressure, and says what it answered', async () => {
    const shown = await page.waitForSelector('[data-testid=storage-persistence]', { timeout: 10_000 });
    // The browser decides (headless Chromium here says no); the page must say what it decided.
    const persisted = await page.evaluate(() => navigator.storage.persisted());
    expect(await shown!.evaluate((el) => el.getAttribute('data-persistence'))).toBe(persisted ? 'kept' : 'not-kept');
    expect(await shown!.evaluate((el) => el.textContent)).toMatch(persisted ? /agreed to keep your notes/ : /may delete your notes .* Keep a recent backup/);
  });

  test('adds a client with a contact mode and contract exceptions', async () => {
    await click('[data-testid=new-client]');
    await typeInto('input[name=clientLabel]', CLIENT);
    await page.select('select[name=contactMode]', 'phone');
    await typeInto('textarea[name=contractExceptions]', 'May email between sessions');
    await click('[data-testid=save-client]');
    await page.waitForFunction((label) => document.querySelector('#client-heading')?.textContent === label, {}, CLIENT);
    expect(await page.$eval('[data-testid=client-view]', (v) => v.textContent)).toContain('Phone');
  });

  test('writes a note with tags and lists it under the client', async () => {
    await click('[data-testid=new-note]');
    await typeInto('textarea[name=noteBody]', `Session went well. ${MARKER} Discussed sleep.`);
    await typeInto('input[name=noteTags]', 'sleep, review');
    await click('[data-testid=save-note]');
    await page.waitForFunction(
      (marker) => [...document.querySelectorAll('[data-testid=note-item]')].some((n) => n.textContent?.includes(marker)),
      { timeout: VAULT_WAIT },
      MARKER,
    );
    expect((await noteItemsText()).join()).toContain('review');
  });

  test('edits the note', async () => {
    await click('[data-testid=edit-note]');
    const area = await page.waitForSelector('textarea[name=noteBody]');
    await area!.type(' Edited.');
    await click('[data-testid=save-note]');
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-testid=note-item]')].some((n) => n.textContent?.includes('Edited.')),
      { timeout: VAULT_WAIT },
    );
    expect(await page.$('textarea[name=noteBody]')).toBeNull();
  });

  test('refuses to save over a newer version from another window, and keeps the typed text', async () => {
    // The notes page open twice (a tab and the side panel), on the same client.
    const { other, otherErrors } = await openSecondNotesPage();
    await page.bringToFront();
    await click('[data-testid=edit-note]');
    await (await page.waitForSelector('textarea[name=noteBody]'))!.type(' Typed in the tab.');

    await other.bringToFront();
    await click('[data-testid=edit-note]', other);
    await (await other.waitForSelector('textarea[name=noteBody]'))!.type(' Saved from the side panel.');
    await click('[data-testid=save-note]', other);
    await other.waitForFunction(
      () => [...document.querySelectorAll('[data-testid=note-item]')].some((n) => n.textContent?.includes('Saved from the side panel.')),
      { timeout: VAULT_WAIT },
    );
    expect(await errorsOn(other, otherErrors)).toEqual([]);
    await other.close();

    await page.bringToFront();
    await click('[data-testid=save-note]');
    await page.waitForFunction(
      () => [...document.querySelectorAll('.note-editor [role=alert]')].some((a) => a.textContent?.includes('changed in another Anteroom window')),
      { timeout: VAULT_WAIT },
    );
    expect(await page.$eval('.note-editor [role=alert]', (a) => a.getAttribute('data-code'))).toBe('conflict');
    expect(await page.$eval('textarea[name=noteBody]', (t) => (t as HTMLTextAreaElement).value)).toMatch(/Edited\. Typed in the tab\.$/);
    // Nothing was overwritten: the search (fresh from the vault) finds the side panel's words, not the tab's.
    await page.click('.note-editor .notes-actions button:not([type=submit])');
    await click('[data-testid=discard-note]');
    await page.waitForSelector('textarea[name=noteBody]', { hidden: true });
    await typeInto('input[name=search]', 'Saved from the side panel');
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-testid=search-results] [data-testid=note-item]')].some((n) => n.textContent?.includes('Saved from the side panel.')),
      { timeout: VAULT_WAIT },
    );
    expect((await noteItemsText()).join()).not.toContain('Typed in the tab.');
  });

  test('finds the note by full-text search', async () => {
    await typeInto('input[name=search]', MARKER);
    await page.waitForFunction(
      (marker) =>
        [...document.querySelectorAll('[data-testid=search-results] [data-testid=note-item]')].some((n) => n.textContent?.includes(marker)),
      { timeout: VAULT_WAIT },
      MARKER,
    );
    await typeInto('input[name=search]', 'no-such-word-anywhere');
    await page.waitForFunction(() => document.querySelector('#search-summary')?.textContent?.startsWith('No notes'), { timeout: VAULT_WAIT });
  });

  test('has no serious accessibility problems while unlocked', async () => {
    expect(await seriousA11yFindings(page)).toEqual([]);
  });

  test('lays out in a 320-pixel side panel without sideways scrolling', async () => {
    await page.setViewport({ width: 320, height: 700 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: '/tmp/notes-narrow-unlocked.png', fullPage: true });
    await page.setViewport({ width: 1100, height: 900 });
    await page.screenshot({ path: '/tmp/notes-wide-unlocked.png', fullPage: true });
  });

  test('locks: the note text is gone from the page at once', async () => {
    await typeInto('input[name=search]', MARKER);
    await page.waitForSelector('[data-testid=search-results]', { timeout: VAULT_WAIT });
    await click('[data-testid=lock]');
    await waitForState('locked');
    const text = await pageText();
    expect(text).not.toContain(MARKER);
    expect(text).not.toContain(CLIENT);
    expect(await page.$('[data-testid=note-item]')).toBeNull();
  });

  test('a wrong passphrase shows an error and changes nothing', async () => {
    await unlock('this is not the right passphrase');
    const alert = await page.waitForSelector('[role=alert]', { timeout: VAULT_WAIT });
    expect((await alert!.evaluate((a) => a.textContent))?.length).toBeGreaterThan(10);
    // Back in the emptied box, ready for another try from the keyboard (not on the page's body).
    await page.waitForFunction(() => document.activeElement?.id === 'unlock-passphrase', { timeout: VAULT_WAIT });
    expect(await stateOf()).toBe('locked');
    expect(await pageText()).not.toContain(MARKER);
    await page.screenshot({ path: '/tmp/notes-wrong-passphrase.png', fullPage: true });
  });

  test('after repeated wrong passphrases, shows the wait and keeps the button disabled until it passes', async () => {
    for (const attempt of ['second wrong passphrase', 'third wrong passphrase']) {
      await unlock(attempt);
      await page.waitForFunction(
        (typed) => (document.querySelector('input[name=passphrase]') as HTMLInputElement | null)?.value !== typed,
        { timeout: VAULT_WAIT },
        attempt,
      );
    }
    const wait = await page.waitForSelector('[data-testid=unlock-wait]', { timeout: VAULT_WAIT });
    expect(await wait!.evaluate((w) => w.textContent)).toMatch(/try again in \d+ seconds?/);
    expect(await page.$('[data-testid=unlock]:disabled')).not.toBeNull();
    await page.screenshot({ path: '/tmp/notes-backoff.png' });
    await page.waitForSelector('[data-testid=unlock]:not(:disabled)', { timeout: VAULT_WAIT });
    expect(await stateOf()).toBe('locked');
  });

  test('unlocks with the right passphrase (after any back-off) and the note is back', async () => {
    await unlock(PASSPHRASE);
    await waitForState('unlocked');
    await page.waitForFunction(
      (marker) => [...document.querySelectorAll('[data-testid=note-item]')].some((n) => n.textContent?.includes(marker)),
      { timeout: VAULT_WAIT },
      MARKER,
    );
  });

  test('keeps a draft through a lock and brings it back after unlocking', async () => {
    await click('[data-testid=new-note]');
    await typeInto('textarea[name=noteBody]', `Half-written thought ${DRAFT}`);
    await page.waitForSelector('[data-testid=draft-state][data-state=saved]', { timeout: VAULT_WAIT });
    await click('[data-testid=lock]');
    await waitForState('locked');
    expect(await pageText()).not.toContain(DRAFT);
    await unlock(PASSPHRASE);
    await waitForState('unlocked');
    await page.waitForFunction(
      (draft) => (document.querySelector('textarea[name=noteBody]') as HTMLTextAreaElement | null)?.value.includes(draft),
      { timeout: VAULT_WAIT },
      DRAFT,
    );
    expect(await page.$('[data-testid=draft-restored]')).not.toBeNull();
  });

  test('keeps a draft typed just before "Lock now", without waiting for the pause', async () => {
    const area = await page.waitForSelector('textarea[name=noteBody]');
    await area!.type(' and one more line');
    await click('[data-testid=lock]');
    await waitForState('locked');
    await unlock(PASSPHRASE);
    await waitForState('unlocked');
    await page.waitForFunction(
      () => (document.querySelector('textarea[name=noteBody]') as HTMLTextAreaElement | null)?.value.endsWith('and one more line'),
      { timeout: VAULT_WAIT },
    );
    await click('[data-testid=save-note]');
    await page.waitForFunction(
      (draft) => [...document.querySelectorAll('[data-testid=note-item]')].some((n) => n.textContent?.includes(draft)),
      { timeout: VAULT_WAIT },
      DRAFT,
    );
  });

  test('shows the locked state at once in another open notes page when the vault locks', async () => {
    const { other, otherErrors } = await openSecondNotesPage();
    // Lock from the first page while the other one sits in a background tab.
    await page.bringToFront();
    await click('[data-testid=lock]');
    await waitForState('locked');
    await other.waitForFunction(() => document.querySelector('[data-testid=vault-state]')?.getAttribute('data-state') === 'locked', {
      polling: 100,
      timeout: 5_000,
    });
    expect(await pageText(other)).not.toContain(MARKER);
    expect(await errorsOn(other, otherErrors)).toEqual([]);
    await other.close();
    await page.bringToFront();
    await unlock(PASSPHRASE);
    await waitForState('unlocked');
    // The client that was open comes back; wait for it so later clicks do not land mid-layout.
    await page.waitForSelector('[data-testid=note-item]', { timeout: VAULT_WAIT });
  });

  test('downloads an encrypted backup that does not contain the note text', async () => {
    await click('[data-testid=export]');
    await page.waitForFunction(() => document.querySelector('[data-testid=export-report]')?.textContent?.startsWith('Downloaded'), {
      timeout: VAULT_WAIT,
    });
    const files = await finishedDownloads(downloads, '.json', VAULT_WAIT);
    expect(files).toHaveLength(1);
    const text = readFileSync(files[0]!, 'utf8');
    expect(text.length).toBeGreaterThan(100);
    expect(text).not.toContain(MARKER);
    expect(text).not.toContain(CLIENT);
  });

  test('asks before a Markdown export and warns that the file is not encrypted', async () => {
    await click('[data-testid=export-markdown]');
    const panel = await page.waitForSelector('[data-testid=markdown-export]');
    expect(await panel!.evaluate((p) => p.textContent)).toMatch(/NOT encrypted/);
    expect(await page.$('[data-testid=confirm-export-markdown]:disabled')).not.toBeNull();
    await page.click('[data-testid=markdown-export] input[type=checkbox]');
    await click('[data-testid=confirm-export-markdown]');
    await page.waitForFunction(() => document.querySelector('[data-testid=markdown-export] [role=status]')?.textContent?.includes('.md'), {
      timeout: VAULT_WAIT,
    });
    await page.click('[data-testid=markdown-export] .notes-actions button:not(.danger)');
    await page.waitForSelector('[data-testid=markdown-export]', { hidden: true });
  });

  test('over notes that exist, says a wrong passphrase before asking to replace anything, and Cancel keeps them', async () => {
    await chooseDownloadedBackup();
    await submitImportPassphrase('wrong backup passphrase');
    await page.waitForSelector('[data-testid=import-error]', { timeout: VAULT_WAIT });
    await page.waitForFunction(() => document.activeElement?.id === 'import-passphrase', { timeout: VAULT_WAIT });
    expect(await page.$('[data-testid=import-replace]')).toBeNull();
    await submitImportPassphrase(PASSPHRASE);
    const question = await page.waitForSelector('[role=group]:has([data-testid=import-replace])', { timeout: VAULT_WAIT });
    expect(await question!.evaluate((q) => q.textContent)).toContain('opens with that passphrase and is intact');
    await page.click('[role=group]:has([data-testid=import-replace]) button:not(.danger)');
    await page.waitForSelector('[data-testid=import-replace]', { hidden: true });
    expect(await pageText()).toContain(CLIENT);
  });

  test('deletes a client only after its name is typed, and its notes go with it', async () => {
    await click('[data-testid=delete-client]');
    const summary = await page.waitForSelector('[data-testid=delete-client-summary]');
    expect(await summary!.evaluate((s) => s.textContent)).toMatch(/2 notes/);
    expect(await page.$('[data-testid=confirm-delete-client]:disabled')).not.toBeNull();
    await typeInto('input[name=confirmClientLabel]', 'someone else');
    expect(await page.$('[data-testid=confirm-delete-client]:disabled')).not.toBeNull();
    await typeInto('input[name=confirmClientLabel]', CLIENT);
    // Deleting renews the data key, which needs the passphrase.
    await typeInto('input[name=deleteClientPassphrase]', PASSPHRASE);
    await click('[data-testid=confirm-delete-client]');
    await page.waitForFunction(() => !document.querySelector('[data-testid=client-item]'), { timeout: VAULT_WAIT });
    expect(await pageText()).not.toContain(MARKER);
    await typeInto('input[name=search]', MARKER);
    await page.waitForFunction(() => document.querySelector('#search-summary')?.textContent?.startsWith('No notes'), { timeout: VAULT_WAIT });
    expect(await noteItemsText()).toEqual([]);
  });

  test('restores the backup: counts reported, the client and note come back', async () => {
    await chooseDownloadedBackup();
    await submitImportPassphrase('wrong backup passphrase');
    await page.waitForSelector('[data-testid=import-error]', { timeout: VAULT_WAIT });
    await page.waitForFunction(() => document.activeElement?.id === 'import-passphrase', { timeout: VAULT_WAIT });
    expect(await page.$('[data-testid=client-item]')).toBeNull();
    await submitImportPassphrase(PASSPHRASE);
    const replace = await Promise.race([
      page.waitForSelector('[data-testid=import-replace]', { timeout: VAULT_WAIT }).then(() => true),
      page.waitForFunction(() => document.querySelector('[data-testid=import-report]')?.textContent?.startsWith('Restored'), { timeout: VAULT_WAIT }).then(() => false),
    ]);
    if (replace) await click('[data-testid=import-replace]');
    await page.waitForFunction(() => document.querySelector('[data-testid=import-report]')?.textContent?.match(/Restored 1 client, 2 notes/), {
      timeout: VAULT_WAIT,
    });
    await click('[data-testid=client-item]');
    await page.waitForFunction(
      (marker) => [...document.querySelectorAll('[data-testid=note-item]')].some((n) => n.textContent?.includes(marker)),
      { timeout: VAULT_WAIT },
      MARKER,
    );
  });

  test('locks with a broadcast that comes from the background itself, and a locked vault answers "locked"', async () => {
    const other = await driver.extensionPage('popup.html');
    const clients = await send<Array<{ id: string }>>(other, { type: 'vault:list-clients' });
    if (!clients.ok) throw new Error(clients.error.message);
    const clientId = clients.value[0]!.id;
    await other.evaluate(() => {
      type Sender = { id?: string; url?: string; tab?: unknown };
      const g = globalThis as unknown as {
        browser?: unknown;
        chrome: unknown;
        heardLock?: boolean;
        lockSender?: { ours: boolean; tab: boolean; onOurOrigin: boolean };
      };
      const api = (g.browser ?? g.chrome) as { runtime: { id: string; getURL(path: string): string; onMessage: { addListener(l: (m: { type?: string }, sender: Sender) => void): void } } };
      api.runtime.onMessage.addListener((m, sender) => {
        if (m?.type !== 'vault:locked') return;
        g.heardLock = true;
        g.lockSender = {
          ours: sender.id === api.runtime.id,
          tab: sender.tab !== undefined,
          onOurOrigin: typeof sender.url === 'string' && sender.url.startsWith(api.runtime.getURL('/')),
        };
      });
    });
    expect(await send(other, { type: 'vault:lock', reason: 'user' })).toEqual({ ok: true });
    await other.waitForFunction(() => (globalThis as unknown as { heardLock?: boolean }).heardLock === true, { timeout: 10_000 });
    // What the notes page's client requires of the sender (isOwnBackground), as each browser reports it.
    expect(await other.evaluate(() => (globalThis as unknown as { lockSender?: object }).lockSender)).toEqual({ ours: true, tab: false, onOurOrigin: true });
    expect(await send(other, { type: 'vault:list-notes', clientId })).toMatchObject({ ok: false, error: { code: 'locked' } });
    await waitForState('locked');

    expect(await send(other, { type: 'vault:unlock', passphrase: PASSPHRASE })).toEqual({ ok: true });
    const listed = await send<Array<{ body: string }>>(other, { type: 'vault:list-notes', clientId });
    expect(listed.ok && listed.value.map((n) => n.body).join()).toContain(MARKER);
    await other.close();
  }, 120_000);

  test('printed nothing to the console and threw nothing', async () => {
    expect(await notes.problems()).toEqual([]);
  });
});
