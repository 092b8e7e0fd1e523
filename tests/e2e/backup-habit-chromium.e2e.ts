import { mkdtempSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchChromium, type ChromiumSession } from './harness/browsers';
import { watchErrors } from './harness/errors';
import { attr, fill, saveAndWait, text } from './harness/forms';

/**
 * Backups as a habit, in Chromium: the notes page and the checklist say when the last backup is
 * older than the therapist's interval (or was never made), a download resets it, and the
 * interval is a validated option. Time passing is simulated by storing an older backup time.
 */
const VAULT_WAIT = 45_000;
const PASSPHRASE = 'quiet harbour lantern seventeen';
const DAY = 24 * 60 * 60 * 1000;
/** Typed into the vault as a client's name and a note: a backup file must never contain it. */
const MARKER = `backup-marker-${Date.now().toString(36)}-wren`;

let session: ChromiumSession;
let downloads: string;
let errors: string[];
/** The backup downloaded by hand, restored over the notes at the end. */
let firstBackup = '';

beforeAll(async () => {
  session = await launchChromium();
  downloads = mkdtempSync(join(tmpdir(), 'anteroom-backup-habit-'));
});
afterAll(async () => {
  await session?.browser.close();
});

async function open(file: string): Promise<Page> {
  const page = await session.browser.newPage();
  errors = watchErrors(page);
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  await page.goto(session.pageUrl(file));
  return page;
}

/** The checklist's notes.backup item once it has reported (not "Checking…"). */
async function backupItem(): Promise<{ status: string | null; detail: string; action: string | null }> {
  const popup = await open('popup.html');
  const item = await popup.waitForSelector('[data-check="notes.backup"][aria-busy=false]', { timeout: VAULT_WAIT });
  const found = await item!.evaluate((el) => ({
    status: el.getAttribute('data-status'),
    detail: el.querySelector('.detail')?.textContent ?? '',
    action: el.querySelector('button[data-action]')?.getAttribute('data-action') ?? null,
  }));
  await popup.close();
  return found;
}

async function notesNotice(page: Page): Promise<{ due: string | null; text: string }> {
  const notice = await page.waitForSelector('[data-testid=backup-age]', { timeout: VAULT_WAIT });
  return notice!.evaluate((el) => ({ due: el.getAttribute('data-due'), text: el.textContent ?? '' }));
}

const send = (page: Page, message: unknown) =>
  page.evaluate(async (m) => {
    // @ts-expect-error: the WebExtension global of an extension page.
    return chrome.runtime.sendMessage(m);
  }, message) as Promise<{ ok?: boolean; value?: { id?: string } } | null>;

/** The browser finishes writing a file on its own schedule: wait for a new, complete .json to appear. */
async function waitForNewJson(before: string[]): Promise<string> {
  const deadline = Date.now() + VAULT_WAIT;
  while (Date.now() < deadline) {
    const added = readdirSync(downloads).filter((name) => !before.includes(name) && name.endsWith('.json'));
    if (added.length === 1) return added[0]!;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('no new backup file appeared in the download folder');
}

async function storeLastBackup(page: Page, at: number): Promise<void> {
  await page.evaluate(async (when) => {
    // @ts-expect-error: the WebExtension global of an extension page.
    await chrome.storage.local.set({ lastBackup: { at: when, kind: 'manual' } });
  }, at);
}

describe('backups as a habit (Chromium)', () => {
  it('the checklist has nothing to say about backups while no notes are kept', async () => {
    expect(await backupItem()).toMatchObject({ status: 'pass', action: null });
  });

  it('with a vault and no backup yet, the notes page and the checklist both warn', async () => {
    const notes = await open('notes.html');
    await notes.waitForSelector('[data-testid=vault-state][data-state=none]', { timeout: VAULT_WAIT });
    const created = await notes.evaluate(async (passphrase) => {
      // @ts-expect-error: the WebExtension global of an extension page.
      return chrome.runtime.sendMessage({ type: 'vault:create', passphrase });
    }, PASSPHRASE);
    expect(created).toMatchObject({ ok: true });
    const filled = await notes.evaluate(async (marker) => {
      // @ts-expect-error: the WebExtension global of an extension page.
      const send = (message: unknown) => chrome.runtime.sendMessage(message);
      const client = await send({ type: 'vault:save-client', input: { label: marker, contactMode: 'video' } });
      const note = await send({ type: 'vault:save-note', input: { clientId: client.value?.id, body: `${marker} said a lot`, tags: [] } });
      return [client.ok, note.ok];
    }, MARKER);
    expect(filled).toEqual([true, true]);
    await notes.reload();
    await notes.waitForSelector('[data-testid=vault-state][data-state=unlocked]', { timeout: VAULT_WAIT });
    const notice = await notesNotice(notes);
    expect(notice.due).toBe('true');
    expect(notice.text).toContain('No backup of your notes has been downloaded');
    expect(notice.text).toContain('every 7 days');

    const item = await backupItem();
    expect(item).toMatchObject({ status: 'warn', action: 'open-notes' });
    expect(item.detail).toContain('No backup of your notes has been downloaded');
    await notes.close();
  });

  it('the checklist item opens the notes page', async () => {
    const popup = await open('popup.html');
    const button = await popup.waitForSelector('[data-check="notes.backup"] button[data-action=open-notes]:not([disabled])', { timeout: VAULT_WAIT });
    const opened = session.browser.waitForTarget((t) => t.url() === session.pageUrl('notes.html'));
    await button!.click();
    const target = await opened;
    await (await target.page())?.close();
    await popup.close();
  });

  it('downloading a backup makes both quiet, and the file is an encrypted backup', async () => {
    const notes = await open('notes.html');
    await notes.waitForSelector('[data-testid=vault-state][data-state=unlocked]', { timeout: VAULT_WAIT });
    await notes.waitForSelector('[data-testid=backup-age][data-due=true]');
    const before = readdirSync(downloads);
    const button = await notes.waitForSelector('[data-testid=export]:not([disabled])');
    await button!.click();
    await notes.waitForSelector('[data-testid=backup-age][data-due=false]', { timeout: VAULT_WAIT });
    expect((await notesNotice(notes)).text).toContain('downloaded today');

    // The browser finishes writing the file on its own schedule: wait for it to appear complete.
    const deadline = Date.now() + VAULT_WAIT;
    let added: string[] = [];
    while (Date.now() < deadline) {
      added = readdirSync(downloads).filter((name) => !before.includes(name) && name.endsWith('.json'));
      if (added.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(added).toHaveLength(1);
    // Moved aside as a therapist would file it: the browser may reuse the name for the next download of the day.
    firstBackup = join(downloads, 'filed-backup.json');
    renameSync(join(downloads, added[0]!), firstBackup);
    added = ['filed-backup.json'];
    const backup = JSON.parse(readFileSync(join(downloads, added[0]!), 'utf8')) as Record<string, unknown>;
    expect(backup.format).toBe('anteroom-backup');
    // The client and the note are in it (sealed), and their text is not.
    expect((backup.records as unknown[]).length).toBeGreaterThanOrEqual(2);
    const raw = readFileSync(join(downloads, added[0]!), 'utf8');
    expect(raw).not.toContain(MARKER);
    expect(raw).not.toContain(PASSPHRASE);

    expect(await backupItem()).toMatchObject({ status: 'pass', action: null });
    expect(errors).toEqual([]);
    await notes.close();
  });

  it('a backup older than the interval is reported on the locked notes page and in the checklist', async () => {
    const notes = await open('notes.html');
    await storeLastBackup(notes, Date.now() - 10 * DAY);
    await notes.evaluate(async () => {
      // @ts-expect-error: the WebExtension global of an extension page.
      await chrome.runtime.sendMessage({ type: 'vault:lock', reason: 'user' });
    });
    await notes.reload();
    await notes.waitForSelector('[data-testid=vault-state][data-state=locked]', { timeout: VAULT_WAIT });
    const notice = await notesNotice(notes);
    expect(notice).toMatchObject({ due: 'true' });
    expect(notice.text).toContain('10 days ago; you asked for one every 7 days');
    expect(notice.text).toContain('Unlock to download');

    const item = await backupItem();
    expect(item.status).toBe('warn');
    expect(item.detail).toContain('10 days ago');
    await notes.close();
  });

  it('the interval is an option: a bad value is refused with a clear message, a good one changes what is due', async () => {
    const options = await open('options.html');
    await options.waitForSelector('[name=backupIntervalDays]');
    await fill(options, 'backupIntervalDays', '0');
    await saveAndWait(options, 'invalid');
    expect(await attr(options, '[name=backupIntervalDays]', 'aria-invalid')).toBe('true');
    expect(await options.$eval('body', (el) => el.textContent ?? '')).toContain('Backup reminder must be between 1 and 90 days');

    await fill(options, 'backupIntervalDays', '30');
    await saveAndWait(options, 'saved');
    expect(await text(options, '[data-testid=save-status]')).not.toBe('');

    expect(await backupItem()).toMatchObject({ status: 'pass' });
    const notes = await open('notes.html');
    expect(await notesNotice(notes)).toMatchObject({ due: 'false' });
    await options.close();
    await notes.close();
  });

  it('a restore that replaces the notes first downloads a backup of them', async () => {
    const notes = await open('notes.html');
    expect(await send(notes, { type: 'vault:unlock', passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    const SECOND = `${MARKER}-second`;
    expect(await send(notes, { type: 'vault:save-client', input: { label: SECOND, contactMode: 'phone' } })).toMatchObject({ ok: true });
    await notes.reload();
    await notes.waitForSelector('[data-testid=vault-state][data-state=unlocked]', { timeout: VAULT_WAIT });
    const before = readdirSync(downloads);

    const input = await notes.waitForSelector('input[type=file][name=import]');
    await input!.uploadFile(firstBackup);
    await notes.waitForSelector('#import-passphrase');
    await notes.type('#import-passphrase', PASSPHRASE);
    await notes.click('[data-testid=import-confirm]');
    const replace = await notes.waitForSelector('[data-testid=import-replace]:not([disabled])', { timeout: VAULT_WAIT });
    expect(await notes.$eval('.import-step', (el) => el.textContent ?? '')).toContain('first downloads an encrypted backup of what is here');
    await replace!.click();
    await notes.waitForFunction(() => document.querySelector('[data-testid=import-report]')?.textContent?.includes('Restored'), { timeout: VAULT_WAIT });

    const safety = await waitForNewJson(before);
    const raw = readFileSync(join(downloads, safety), 'utf8');
    const copy = JSON.parse(raw) as { format: string; records: unknown[] };
    expect(copy.format).toBe('anteroom-backup');
    // Both clients and the note that were here, sealed: the second client's name is nowhere in it.
    expect(copy.records.length).toBe(3);
    expect(raw).not.toContain(SECOND);
    expect(await notes.$eval('[data-testid=import-report]', (el) => el.textContent ?? '')).toContain(`first downloaded as ${safety}`);
    const last = await notes.evaluate(async () => {
      // @ts-expect-error: the WebExtension global of an extension page.
      return (await chrome.storage.local.get('lastBackup')).lastBackup;
    });
    expect(last.kind).toBe('before-restore');
    // And the restore happened: the second client is gone.
    const clients = await send(notes, { type: 'vault:list-clients' });
    expect((clients as unknown as { value: unknown[] }).value).toHaveLength(1);
    await notes.close();
  });
});
