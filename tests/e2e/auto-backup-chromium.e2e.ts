import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchChromium, withGrantedPermissions, type ChromiumSession } from './harness/browsers';
import { watchErrors } from './harness/errors';

/**
 * Automatic encrypted backups in Chromium: the background writes the backup into a folder of
 * its own under the download folder (the profile's download folder is a temporary directory),
 * keeps the newest five it made and deletes only its own older ones, and a backup
 * that falls due while the notes are locked is made at the next unlock. The `downloads`
 * permission is granted by the manifest of a copy of the build (withGrantedPermissions).
 */
const VAULT_WAIT = 60_000;
const PASSPHRASE = 'quiet harbour lantern seventeen';
const DAY = 24 * 60 * 60 * 1000;
const MARKER = `auto-backup-marker-${Date.now().toString(36)}-tern`;
/** Large enough that the file is several MB, as a real practice's backup is. */
const NOTE_COUNT = 6;

let session: ChromiumSession;
let downloads: string;
let folder: string;
let options: Page;
let errors: string[];

const send = (page: Page, message: unknown) =>
  page.evaluate(async (m) => {
    // @ts-expect-error: the WebExtension global of an extension page.
    return chrome.runtime.sendMessage(m);
  }, message) as Promise<{ ok?: boolean; value?: { id?: string } } | null>;

const backupFiles = () => (existsSync(folder) ? readdirSync(folder).filter((name) => /^anteroom-backup-.*\.json$/.test(name)) : []);

/** Waits until the status line reports an attempt made after `since`. */
async function nextAttempt(since: number): Promise<string | null> {
  await options.waitForFunction(
    async (after) => {
      // @ts-expect-error: the WebExtension global of an extension page.
      const log = (await chrome.storage.local.get('autoBackupLog')).autoBackupLog;
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
  downloads = mkdtempSync(join(tmpdir(), 'anteroom-auto-backup-'));
  folder = join(downloads, 'Anteroom backups');
  // The profile's own download folder, as a therapist's browser has one. (CDP's
  // Browser.setDownloadBehavior would also redirect downloads, but it overrides the file name
  // the extension asks for, which is the thing under test here.)
  const profile = mkdtempSync(join(tmpdir(), 'anteroom-auto-backup-profile-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ download: { default_directory: downloads, prompt_for_download: false } }));
  session = await launchChromium([], { extensionDir: withGrantedPermissions(['downloads']), userDataDir: profile });
  options = await session.browser.newPage();
  errors = watchErrors(options);
  await options.goto(session.pageUrl('options.html'));
  await options.waitForSelector('[name=autoBackup]:not([disabled])');
  expect(await send(options, { type: 'vault:create', passphrase: PASSPHRASE })).toMatchObject({ ok: true });
  const client = await send(options, { type: 'vault:save-client', input: { label: MARKER, contactMode: 'video' } });
  const body = `${MARKER} ${'a long session note. '.repeat(20_000)}`;
  for (let i = 0; i < NOTE_COUNT; i++) {
    expect(await send(options, { type: 'vault:save-note', input: { clientId: client?.value?.id, body, tags: [] } })).toMatchObject({ ok: true });
  }
});
afterAll(async () => {
  await session?.browser.close();
});

describe('automatic encrypted backups (Chromium)', () => {
  it('turning it on makes the first backup at once, into a folder of its own, encrypted', async () => {
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
    const last = await options.evaluate(async () => {
      // @ts-expect-error: the WebExtension global of an extension page.
      return (await chrome.storage.local.get('lastBackup')).lastBackup;
    });
    expect(last).toMatchObject({ kind: 'automatic' });
    expect(Date.now() - last.at).toBeLessThan(VAULT_WAIT);
  });

  it('keeps the newest five it made and never deletes another file in the folder', async () => {
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

  it('a backup due while the notes are locked waits, and is made at the next unlock', async () => {
    await options.evaluate(async (old) => {
      // @ts-expect-error: the WebExtension global of an extension page.
      await chrome.storage.local.set({ lastBackup: { at: old, kind: 'manual' } });
    }, Date.now() - 8 * DAY);
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
    expect(errors).toEqual([]);
  }, 120_000);
});
