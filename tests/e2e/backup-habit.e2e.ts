import { mkdtempSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { launchDriver, type Driver } from './harness/driver';
import { send, storedLocal, storeLastBackup } from './harness/extension';
import { browserTable } from './harness/matrix';
import { finishedDownloads, screenshotFailures } from './harness/page-files';
import { NotesPage, VAULT_WAIT } from './pages/notes-page';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';

/**
 * Backups as a habit: the notes page and the checklist say when the last backup is older than
 * the therapist's interval (or was never made), a download resets it, the interval is a
 * validated option, and a restore that replaces the notes first downloads a backup of them.
 * Time passing is simulated by storing an older backup time.
 */
const PASSPHRASE = 'quiet harbour lantern seventeen';
const DAY = 24 * 60 * 60 * 1000;
/** Typed into the vault as a client's name and a note: a backup file must never contain it. */
const MARKER = `backup-marker-${Date.now().toString(36)}-wren`;

describe.each(browserTable())('backups as a habit (%s)', (browser, test) => {
  let driver: Driver;
  let downloads: string;
  /** The backup downloaded by hand, restored over the notes at the end. */
  let firstBackup = '';
  let current: NotesPage | undefined;

  beforeAll(async () => {
    downloads = mkdtempSync(join(tmpdir(), `anteroom-backup-habit-${browser.toLowerCase()}-`));
    driver = await launchDriver(browser, { downloads });
  });
  afterAll(async () => {
    await driver?.close();
  });
  screenshotFailures(`backup-habit-${browser}`, () => current?.page);

  async function openNotes(): Promise<NotesPage> {
    current = await NotesPage.open(driver);
    return current;
  }

  /** The checklist's notes.backup item once it has reported. */
  async function backupItem() {
    const popup = await PopupPage.open(driver, VAULT_WAIT);
    const item = await popup.item('notes.backup', VAULT_WAIT);
    await popup.close();
    return item;
  }

  test('the checklist has nothing to say about backups while no notes are kept', async () => {
    expect(await backupItem()).toMatchObject({ status: 'pass', action: null });
  });

  test('with a vault and no backup yet, the notes page and the checklist both warn', async () => {
    const notes = await openNotes();
    await notes.waitForState('none');
    expect(await send(notes.page, { type: 'vault:create', passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    const client = await send<{ id: string }>(notes.page, { type: 'vault:save-client', input: { label: MARKER, contactMode: 'video' } });
    if (!client.ok) throw new Error(client.error.message);
    expect(await send(notes.page, { type: 'vault:save-note', input: { clientId: client.value.id, body: `${MARKER} said a lot`, tags: [] } })).toMatchObject({ ok: true });
    await notes.reload();
    await notes.waitForState('unlocked');
    const notice = await notes.backupReminder();
    expect(notice.due).toBe('true');
    expect(notice.text).toContain('No backup of your notes has been downloaded');
    expect(notice.text).toContain('every 7 days');

    const item = await backupItem();
    expect(item).toMatchObject({ status: 'warn', action: 'open-notes' });
    expect(item.detail).toContain('No backup of your notes has been downloaded');
    await notes.close();
  }, 120_000);

  test('the checklist item opens the notes page', async () => {
    const popup = await PopupPage.open(driver, VAULT_WAIT);
    const opened = driver.waitForExtensionPage('notes.html');
    await popup.act('notes.backup', 'open-notes', VAULT_WAIT);
    const notes = new NotesPage(await opened);
    await notes.waitForState('unlocked');
    await notes.close();
    await popup.close();
  });

  test('downloading a backup makes both quiet, and the file is an encrypted backup', async () => {
    const notes = await openNotes();
    await notes.waitForState('unlocked');
    await notes.waitForBackupDue(true);
    await notes.downloadBackup();
    await notes.waitForBackupDue(false);
    expect((await notes.backupReminder()).text).toContain('downloaded today');

    const added = await finishedDownloads(downloads, '.json', VAULT_WAIT);
    expect(added).toHaveLength(1);
    // Moved aside as a therapist would file it: the browser may reuse the name for the next download of the day.
    firstBackup = join(downloads, 'filed-backup.json');
    renameSync(added[0]!, firstBackup);
    const raw = readFileSync(firstBackup, 'utf8');
    const backup = JSON.parse(raw) as Record<string, unknown>;
    expect(backup.format).toBe('anteroom-backup');
    // The client and the note are in it (sealed), and their text is not.
    expect((backup.records as unknown[]).length).toBeGreaterThanOrEqual(2);
    expect(raw).not.toContain(MARKER);
    expect(raw).not.toContain(PASSPHRASE);

    expect(await backupItem()).toMatchObject({ status: 'pass', action: null });
    expect(await notes.problems()).toEqual([]);
    await notes.close();
  }, 120_000);

  test('a backup older than the interval is reported on the locked notes page and in the checklist', async () => {
    const notes = await openNotes();
    await storeLastBackup(notes.page, Date.now() - 10 * DAY);
    await send(notes.page, { type: 'vault:lock', reason: 'user' });
    await notes.reload();
    await notes.waitForState('locked');
    const notice = await notes.backupReminder();
    expect(notice).toMatchObject({ due: 'true' });
    expect(notice.text).toContain('10 days ago; you asked for one every 7 days');
    expect(notice.text).toContain('Unlock to download');

    const item = await backupItem();
    expect(item.status).toBe('warn');
    expect(item.detail).toContain('10 days ago');
    await notes.close();
  });

  test('the interval is an option: a bad value is refused with a clear message, a good one changes what is due', async () => {
    const options = await OptionsPage.open(driver, '[name=backupIntervalDays]', VAULT_WAIT);
    await options.fill('backupIntervalDays', '0');
    await options.save('invalid');
    expect(await options.isInvalid('backupIntervalDays')).toBe(true);
    expect(await options.text()).toContain('Backup reminder must be between 1 and 90 days');

    await options.fill('backupIntervalDays', '30');
    await options.save('saved');

    expect(await backupItem()).toMatchObject({ status: 'pass' });
    const notes = await openNotes();
    expect(await notes.backupReminder()).toMatchObject({ due: 'false' });
    await options.close();
    await notes.close();
  });

  test('a restore that replaces the notes first downloads a backup of them', async () => {
    const notes = await openNotes();
    expect(await send(notes.page, { type: 'vault:unlock', passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    const SECOND = `${MARKER}-second`;
    expect(await send(notes.page, { type: 'vault:save-client', input: { label: SECOND, contactMode: 'phone' } })).toMatchObject({ ok: true });
    await notes.reload();
    await notes.waitForState('unlocked');
    const before = readdirSync(downloads);

    await notes.restore(firstBackup, PASSPHRASE);
    const replace = await notes.page.waitForSelector('[data-testid=import-replace]:not([disabled])', { timeout: VAULT_WAIT });
    expect(await notes.textOf('.import-step')).toContain('first downloads an encrypted backup of what is here');
    await replace!.click();
    await notes.waitForText('[data-testid=import-report]', 'Restored');

    const [safety] = await finishedDownloads(downloads, '.json', VAULT_WAIT, before);
    expect(safety).toBeDefined();
    const raw = readFileSync(safety!, 'utf8');
    const copy = JSON.parse(raw) as { format: string; records: unknown[] };
    expect(copy.format).toBe('anteroom-backup');
    // Both clients and the note that were here, sealed: the second client's name is nowhere in it.
    expect(copy.records.length).toBe(3);
    expect(raw).not.toContain(SECOND);
    expect(await notes.textOf('[data-testid=import-report]')).toContain(`first downloaded as ${basename(safety!)}`);
    expect(await storedLocal<{ kind: string }>(notes.page, 'lastBackup')).toMatchObject({ kind: 'before-restore' });
    // And the restore happened: the second client is gone.
    const clients = await send<unknown[]>(notes.page, { type: 'vault:list-clients' });
    expect(clients.ok && clients.value).toHaveLength(1);
    expect(await notes.problems()).toEqual([]);
    await notes.close();
  }, 180_000);
});
