import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Page } from 'puppeteer';
import { launchDriver, type Driver } from './harness/driver';
import { errorsOn, watchErrors } from './harness/errors';
import { send, storedLocal, storeLastBackup } from './harness/extension';
import { browserTable } from './harness/matrix';
import { screenshotFailures } from './harness/page-files';
import { VAULT_WAIT } from './pages/notes-page';

/**
 * Automatic encrypted backups: the background writes the backup into a folder of its own under
 * the profile's download folder (a temporary directory), keeps the newest five it made and
 * deletes only its own older ones, and a backup that falls due while the notes are locked is
 * made at the next unlock. Chrome's service worker writes the file from a data URL, Firefox's
 * background page from a blob URL. The `downloads` permission: Chromium gets it from the
 * manifest of a copy of the build; Firefox's click really asks, answered by the no-prompt pref.
 */
const PASSPHRASE = 'quiet harbour lantern seventeen';
const DAY = 24 * 60 * 60 * 1000;
const MARKER = `auto-backup-marker-${Date.now().toString(36)}-tern`;
/** Large enough that the file is several MB, as a real practice's backup is. */
const NOTE_COUNT = 6;

describe.each(browserTable())('automatic encrypted backups (%s)', (browser, test) => {
  let driver: Driver;
  let folder: string;
  let options: Page;
  let errors: string[];

  const backupFiles = () => (existsSync(folder) ? readdirSync(folder).filter((name) => /^anteroom-backup-.*\.json$/.test(name)) : []);

  /** Waits until the options page's status line reports an attempt made after `since`. */
  async function nextAttempt(since: number): Promise<string | null> {
    await options.waitForFunction(
      async (after) => {
        // @ts-expect-error: the WebExtension global of an extension page.
        const api = globalThis.browser ?? globalThis.chrome;
        const log = (await api.storage.local.get('autoBackupLog')).autoBackupLog;
        return (log?.last?.at ?? 0) >= after;
      },
      { timeout: VAULT_WAIT, polling: 100 },
      since,
    );
    return options.$eval('[data-testid=auto-backup-status]', (el) => el.getAttribute('data-outcome'));
  }

  async function saveOneNow(): Promise<void> {
    const button = await options.waitForSelector('[data-testid=auto-backup-now]:not([disabled])', { timeout: VAULT_WAIT });
    await button!.click();
  }

  beforeAll(async () => {
    const downloads = mkdtempSync(join(tmpdir(), `anteroom-auto-backup-${browser.toLowerCase()}-`));
    folder = join(downloads, 'Anteroom backups');
    driver = await launchDriver(browser, { downloads, grant: ['downloads'] });
    options = await driver.extensionPage('options.html');
    errors = watchErrors(options);
    await options.waitForSelector('[name=autoBackup]:not([disabled])', { timeout: VAULT_WAIT });
    expect(await send(options, { type: 'vault:create', passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    const client = await send<{ id: string }>(options, { type: 'vault:save-client', input: { label: MARKER, contactMode: 'video' } });
    if (!client.ok) throw new Error(client.error.message);
    const body = `${MARKER} ${'a long session note. '.repeat(20_000)}`;
    for (let i = 0; i < NOTE_COUNT; i++) {
      expect(await send(options, { type: 'vault:save-note', input: { clientId: client.value.id, body, tags: [] } })).toMatchObject({ ok: true });
    }
  });
  afterAll(async () => {
    await driver?.close();
  });
  screenshotFailures(`auto-backup-${browser}`, () => options);

  test('turning it on asks for downloads and makes the first backup at once, into a folder of its own, encrypted', async () => {
    const since = Date.now();
    await options.click('[name=autoBackup]');
    expect(await nextAttempt(since)).toBe('saved');
    const files = backupFiles();
    expect(files).toHaveLength(1);
    const raw = readFileSync(join(folder, files[0]!), 'utf8');
    expect(raw.length).toBeGreaterThan(2_000_000);
    const backup = JSON.parse(raw) as { format: string; records: unknown[] };
    expect(backup.format).toBe('anteroom-backup');
    expect(backup.records.length).toBe(NOTE_COUNT + 1);
    expect(raw).not.toContain(MARKER);
    expect(await options.$eval('[data-testid=auto-backup-status]', (el) => el.textContent)).toContain(`Anteroom backups/${files[0]}`);
    // The notes page's reminder now counts this backup.
    const last = await storedLocal<{ kind: string; at: number }>(options, 'lastBackup');
    expect(last).toMatchObject({ kind: 'automatic' });
    expect(Date.now() - last!.at).toBeLessThan(VAULT_WAIT);
  });

  test('keeps the newest five it made and never deletes another file in the folder', async () => {
    writeFileSync(join(folder, 'my-own-file.json'), '{"mine":true}');
    for (let i = 0; i < 6; i++) {
      const since = Date.now();
      await saveOneNow();
      expect(await nextAttempt(since)).toBe('saved');
    }
    expect(backupFiles()).toHaveLength(5);
    expect(readFileSync(join(folder, 'my-own-file.json'), 'utf8')).toBe('{"mine":true}');
    for (const name of backupFiles()) expect(readFileSync(join(folder, name), 'utf8')).not.toContain(MARKER);
  }, 300_000);

  test('a backup due while the notes are locked waits, and is made at the next unlock', async () => {
    await storeLastBackup(options, Date.now() - 8 * DAY);
    await send(options, { type: 'vault:lock', reason: 'user' });
    let since = Date.now();
    await saveOneNow();
    expect(await nextAttempt(since)).toBe('waiting-for-unlock');
    expect(await options.$eval('[data-testid=auto-backup-status]', (el) => el.textContent)).toContain('next unlock');

    const before = backupFiles();
    since = Date.now();
    expect(await send(options, { type: 'vault:unlock', passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    expect(await nextAttempt(since)).toBe('saved');
    expect(backupFiles()).toHaveLength(5);
    expect(backupFiles()).not.toEqual(before);
    expect(await errorsOn(options, errors)).toEqual([]);
  }, 120_000);
});
