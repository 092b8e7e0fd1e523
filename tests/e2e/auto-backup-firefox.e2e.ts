import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchFirefox, openFirefoxExtensionPage, type FirefoxSession } from './harness/browsers';

/**
 * Automatic encrypted backups in Firefox, whose background page writes the file from a blob URL
 * (Chrome's service worker uses a data URL). The download folder is a temporary directory set by
 * preference; the permission prompt is answered by the harness's no-prompt preference, so the
 * click really asks for `downloads`.
 */
const VAULT_WAIT = 60_000;
const PASSPHRASE = 'quiet harbour lantern seventeen';
const MARKER = `firefox-auto-backup-${Date.now().toString(36)}-gull`;

let session: FirefoxSession;
let downloads: string;
let folder: string;
let options: Page;

const send = (page: Page, message: unknown) =>
  page.evaluate(async (m) => {
    // @ts-expect-error: the WebExtension global of an extension page.
    return browser.runtime.sendMessage(m);
  }, message) as Promise<{ ok?: boolean; value?: { id?: string } } | null>;

const backupFiles = () => (existsSync(folder) ? readdirSync(folder).filter((name) => /^anteroom-backup-.*\.json$/.test(name)) : []);

async function nextAttempt(since: number): Promise<string | null> {
  await options.waitForFunction(
    async (after) => {
      // @ts-expect-error: the WebExtension global of an extension page.
      const log = (await browser.storage.local.get('autoBackupLog')).autoBackupLog;
      return (log?.last?.at ?? 0) >= after;
    },
    { timeout: VAULT_WAIT, polling: 100 },
    since,
  );
  return options.$eval('[data-testid=auto-backup-status]', (el) => el.getAttribute('data-outcome'));
}

beforeAll(async () => {
  downloads = mkdtempSync(join(tmpdir(), 'anteroom-auto-backup-ff-'));
  folder = join(downloads, 'Anteroom backups');
  session = await launchFirefox({
    'browser.download.dir': downloads,
    'browser.download.folderList': 2,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
  });
  options = await openFirefoxExtensionPage(session, 'options.html');
  await options.waitForSelector('[name=autoBackup]:not([disabled])', { timeout: VAULT_WAIT });
  expect(await send(options, { type: 'vault:create', passphrase: PASSPHRASE })).toMatchObject({ ok: true });
  const client = await send(options, { type: 'vault:save-client', input: { label: MARKER, contactMode: 'video' } });
  expect(await send(options, { type: 'vault:save-note', input: { clientId: client?.value?.id, body: `${MARKER} note`, tags: [] } })).toMatchObject({ ok: true });
});
afterAll(async () => {
  await session?.browser.close();
});

describe('automatic encrypted backups (Firefox)', () => {
  it('turning it on asks for downloads and writes an encrypted backup into its own folder', async () => {
    const since = Date.now();
    await options.click('[name=autoBackup]');
    expect(await nextAttempt(since)).toBe('saved');
    const files = backupFiles();
    expect(files).toHaveLength(1);
    const raw = readFileSync(join(folder, files[0]!), 'utf8');
    expect((JSON.parse(raw) as { format: string; records: unknown[] }).records).toHaveLength(2);
    expect(raw).not.toContain(MARKER);
  });

  it('a backup due while locked is made at the next unlock', async () => {
    await options.evaluate(async () => {
      // @ts-expect-error: the WebExtension global of an extension page.
      await browser.storage.local.set({ lastBackup: { at: Date.now() - 30 * 24 * 60 * 60 * 1000, kind: 'manual' } });
    });
    await send(options, { type: 'vault:lock', reason: 'user' });
    let since = Date.now();
    const button = await options.waitForSelector('[data-testid=auto-backup-now]:not([disabled])');
    await button!.click();
    expect(await nextAttempt(since)).toBe('waiting-for-unlock');
    since = Date.now();
    expect(await send(options, { type: 'vault:unlock', passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    expect(await nextAttempt(since)).toBe('saved');
    expect(backupFiles()).toHaveLength(2);
  });
});
