import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { createBackup, serializeBackup, type BackupRecord } from '@/lib/vault/backup/backup-format';
import { prepareImport } from '@/lib/vault/backup/backup-import';
import { sealRecord } from '@/lib/vault/crypto/envelope';
import { createClientKey, createVault } from '@/lib/vault/crypto/keys';
import { launchChromium, type ChromiumSession } from './harness/browsers';
import { watchErrors } from './harness/errors';
import { downloadsFolder, finishedDownloads, screenshotFailures } from './harness/page-files';

/**
 * "Every backup restores", through the real notes page: a genuine backup holding a record this
 * version refuses (a session an older build recorded for a call left open two days) restores
 * everything else and says what it skipped; and a vault holding such a record downloads a
 * backup that names what it left out and restores in full.
 */

const VAULT_WAIT = 60_000;
const PASSPHRASE = 'quiet harbour lantern seventeen';
const CLIENT = 'M.J. (Thursday)';
const NOTE = `kept-note-${Date.now().toString(36)}`;
const LONG_CALL_STARTED = Date.UTC(2025, 0, 6, 9);

let session: ChromiumSession;
let page: Page;
let errors: string[];
let downloads: string;
let dek: Uint8Array;
let clientKey: Uint8Array;
const clientId = 'c0ffee00c0ffee00c0ffee00c0ffee00';

/** What an older build wrote for a call left open for two days: this version's schema refuses it. */
const longCall = () => ({
  date: new Date(LONG_CALL_STARTED).toISOString(),
  startedAt: LONG_CALL_STARTED,
  durationMinutes: 2 * 24 * 60,
  platform: 'zoom',
  checklistSnapshot: {},
});

/** A genuine backup, made with the vault's own functions: one client, one note, one good and one refused session. */
async function backupWithARefusedSession(): Promise<string> {
  const vault = await createVault(PASSPHRASE);
  dek = vault.dek;
  const client = createClientKey(dek, clientId);
  clientKey = client.key;
  const sealed = (table: string, id: string, contents: Parameters<typeof sealRecord>[2]): BackupRecord => ({
    table,
    id,
    clientId,
    sealed: sealRecord(clientKey, { table, id }, contents),
  });
  const records = [
    sealed('clients', clientId, { label: CLIENT, contactMode: 'video', updatedAt: Date.UTC(2025, 0, 2) }),
    sealed('notes', 'n1', { body: NOTE, tags: ['sleep'], updatedAt: Date.UTC(2025, 0, 7) }),
    sealed('sessions', 's1', { date: '2025-01-13T09:00:00.000Z', startedAt: Date.UTC(2025, 0, 13, 9), durationMinutes: 50, platform: 'zoom', checklistSnapshot: {} }),
    sealed('sessions', 's-long', longCall()),
  ];
  const backup = await createBackup({ header: vault.header, dek, records, clientKeys: [{ clientId, wrapped: client.wrapped }] });
  return serializeBackup(backup);
}

beforeAll(async () => {
  session = await launchChromium();
  page = await session.browser.newPage();
  errors = watchErrors(page);
  downloads = await downloadsFolder(page, 'backup-restores');
  await page.goto(session.pageUrl('notes.html'));
});
afterAll(async () => {
  await session?.browser.close();
});
screenshotFailures('backup-restores', () => page);

const textOf = (selector: string) => page.$eval(selector, (el) => el.textContent ?? '');

describe('every backup restores (Chromium)', () => {
  it('restores a genuine backup holding a refused session: the rest comes back and the skip is reported', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'anteroom-backup-in-')), 'anteroom-backup-2025-02-01.json');
    writeFileSync(file, await backupWithARefusedSession());

    const restore = await page.waitForSelector('::-p-text(Restore from an encrypted backup instead)', { timeout: VAULT_WAIT });
    await restore!.click();
    const input = await page.waitForSelector('input[type=file][name=import]');
    await input!.uploadFile(file);
    const passphrase = await page.waitForSelector('#import-passphrase');
    await passphrase!.type(PASSPHRASE);
    await page.click('[data-testid=import-confirm]');
    await page.waitForSelector('[data-testid=vault-state][data-state=unlocked]', { timeout: VAULT_WAIT });
    await page.waitForFunction(() => document.body.textContent?.includes('Not restored'), { timeout: VAULT_WAIT });
    const notice = await page.$eval('[role=status].notes-ok', (el) => el.textContent ?? '');
    expect(notice).toContain('Restored 1 client, 1 note and 1 session');
    expect(notice).toContain('Not restored: 1 session, which this version of Anteroom cannot read');
    expect(notice).not.toContain('zoom');

    await page.click('[data-testid=client-item]');
    await page.waitForFunction((note) => [...document.querySelectorAll('[data-testid=note-item]')].some((n) => n.textContent?.includes(note)), { timeout: VAULT_WAIT }, NOTE);
  });

  it('downloads a backup that leaves out a refused session, names it, and restores in full', async () => {
    // The same refused session, written straight into the vault as an older build would have.
    const sealed = sealRecord(clientKey, { table: 'sessions', id: 's-long' }, longCall());
    await page.evaluate(
      (row) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('anteroom-vault');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('sessions', 'readwrite');
            tx.objectStore('sessions').put(row);
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
      { id: 's-long', clientId, sealed },
    );

    await page.click('[data-testid=export]');
    const report = await page.waitForSelector('[data-testid=export-left-out]', { timeout: VAULT_WAIT });
    const items = await page.$$eval('[data-testid=export-left-out-item]', (els) => els.map((el) => el.textContent ?? ''));
    const day = await page.evaluate((at) => new Date(at).toLocaleDateString(undefined, { dateStyle: 'medium' }), LONG_CALL_STARTED);
    expect(items).toEqual([`A session of ${CLIENT} held on ${day} was saved by another version of Anteroom in a form this one cannot restore; if you also use a newer Anteroom, it may read it. Delete this session…`]);
    expect(await report!.evaluate((el) => el.textContent)).toMatch(/1 record is not in this backup.*delete it, so that your next backup holds everything/s);
    expect(await textOf('[data-testid=export-report]')).toMatch(/^Downloaded anteroom-backup-/);

    const files = await finishedDownloads(downloads, '.json');
    expect(files).toHaveLength(1);
    const prepared = await prepareImport(readFileSync(files[0]!, 'utf8'), PASSPHRASE);
    expect(prepared.counts).toEqual({ clients: 1, notes: 1, sessions: 1, skipped: { clients: 0, notes: 0, sessions: 0, other: 0 } });
  });

  it('deletes the left-out session from the report, after a second press, and the next download leaves nothing out', async () => {
    await page.click('[data-testid=export-left-out-delete]');
    await page.click('[data-testid=export-left-out-confirm]');
    await page.waitForFunction(() => document.querySelector('[data-testid=export-left-out-item]')?.textContent?.includes('Deleted.'), { timeout: VAULT_WAIT });
    await page.click('[data-testid=export]');
    await page.waitForSelector('[data-testid=export-left-out]', { hidden: true, timeout: VAULT_WAIT });
    await page.waitForFunction(() => document.querySelector('[data-testid=export-report]')?.textContent?.startsWith('Downloaded'), { timeout: VAULT_WAIT });
  });

  it('printed nothing to the console and threw nothing', () => {
    expect(errors).toEqual([]);
  });
});
