import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { createBackup, serializeBackup, type BackupRecord } from '@/lib/vault/backup/backup-format';
import { prepareImport } from '@/lib/vault/backup/backup-import';
import { sealRecord } from '@/lib/vault/crypto/envelope';
import { createClientKey, createVault } from '@/lib/vault/crypto/keys';
import { launchDriver, type Driver } from './harness/driver';
import { putVaultRow } from './harness/extension';
import { browserTable } from './harness/matrix';
import { finishedDownloads, screenshotFailures } from './harness/page-files';
import { NotesPage, VAULT_WAIT } from './pages/notes-page';

/**
 * "Every backup restores", through the real notes page: a genuine backup holding a record this
 * version refuses (a session an older build recorded for a call left open two days) restores
 * everything else and says what it skipped; and a vault holding such a record downloads a
 * backup that names what it left out and restores in full.
 */

const PASSPHRASE = 'quiet harbour lantern seventeen';
const CLIENT = 'M.J. (Thursday)';
const NOTE = `kept-note-${Date.now().toString(36)}`;
const LONG_CALL_STARTED = Date.UTC(2025, 0, 6, 9);
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
async function backupWithARefusedSession(): Promise<{ text: string; clientKey: Uint8Array }> {
  const vault = await createVault(PASSPHRASE);
  const client = createClientKey(vault.dek, clientId);
  const sealed = (table: string, id: string, contents: Parameters<typeof sealRecord>[2]): BackupRecord => ({
    table,
    id,
    clientId,
    sealed: sealRecord(client.key, { table, id }, contents),
  });
  const records = [
    sealed('clients', clientId, { label: CLIENT, contactMode: 'video', updatedAt: Date.UTC(2025, 0, 2) }),
    sealed('notes', 'n1', { body: NOTE, tags: ['sleep'], updatedAt: Date.UTC(2025, 0, 7) }),
    sealed('sessions', 's1', { date: '2025-01-13T09:00:00.000Z', startedAt: Date.UTC(2025, 0, 13, 9), durationMinutes: 50, platform: 'zoom', checklistSnapshot: {} }),
    sealed('sessions', 's-long', longCall()),
  ];
  const backup = await createBackup({ header: vault.header, dek: vault.dek, records, clientKeys: [{ clientId, wrapped: client.wrapped }] });
  return { text: serializeBackup(backup), clientKey: client.key };
}

describe.each(browserTable())('every backup restores (%s)', (browser, test) => {
  let driver: Driver;
  let notes: NotesPage;
  let downloads: string;
  let clientKey: Uint8Array;

  beforeAll(async () => {
    downloads = mkdtempSync(join(tmpdir(), `anteroom-backup-restores-${browser.toLowerCase()}-`));
    driver = await launchDriver(browser, { downloads });
    notes = await NotesPage.open(driver);
  });
  afterAll(async () => {
    await driver?.close();
  });
  screenshotFailures(`backup-restores-${browser}`, () => notes?.page);

  test('restores a genuine backup holding a refused session: the rest comes back and the skip is reported', async () => {
    const backup = await backupWithARefusedSession();
    clientKey = backup.clientKey;
    const file = join(mkdtempSync(join(tmpdir(), 'anteroom-backup-in-')), 'anteroom-backup-2025-02-01.json');
    writeFileSync(file, backup.text);

    await notes.openRestoreInstead();
    await notes.restore(file, PASSPHRASE);
    await notes.waitForState('unlocked');
    await notes.waitForText('[role=status].notes-ok', 'Not restored');
    const notice = await notes.textOf('[role=status].notes-ok');
    expect(notice).toContain('Restored 1 client, 1 note and 1 session');
    expect(notice).toContain('Not restored: 1 session, which this version of Anteroom cannot read');
    expect(notice).not.toContain('zoom');

    await notes.chooseClient();
    await notes.waitForText('[data-testid=note-item]', NOTE);
  }, 120_000);

  test('downloads a backup that leaves out a refused session, names it, and restores in full', async () => {
    // The same refused session, written straight into the vault as an older build would have.
    const sealed = sealRecord(clientKey, { table: 'sessions', id: 's-long' }, longCall());
    await putVaultRow(notes.page, 'sessions', { id: 's-long', clientId, sealed });

    await notes.downloadBackup();
    const report = await notes.page.waitForSelector('[data-testid=export-left-out]', { timeout: VAULT_WAIT });
    const items = await notes.page.$$eval('[data-testid=export-left-out-item]', (els) => els.map((el) => el.textContent ?? ''));
    const day = await notes.page.evaluate((at) => new Date(at).toLocaleDateString(undefined, { dateStyle: 'medium' }), LONG_CALL_STARTED);
    expect(items).toEqual([`A session of ${CLIENT} held on ${day} was saved by another version of Anteroom in a form this one cannot restore; if you also use a newer Anteroom, it may read it. Delete this session…`]);
    expect(await report!.evaluate((el) => el.textContent)).toMatch(/1 record is not in this backup.*delete it, so that your next backup holds everything/s);
    expect(await notes.textOf('[data-testid=export-report]')).toMatch(/^Downloaded anteroom-backup-/);

    const files = await finishedDownloads(downloads, '.json', VAULT_WAIT);
    expect(files).toHaveLength(1);
    const prepared = await prepareImport(readFileSync(files[0]!, 'utf8'), PASSPHRASE);
    expect(prepared.counts).toEqual({ clients: 1, notes: 1, sessions: 1, skipped: { clients: 0, notes: 0, sessions: 0, other: 0 } });
  });

  test('deletes the left-out session from the report, after a second press, and the next download leaves nothing out', async () => {
    await notes.click('[data-testid=export-left-out-delete]');
    await notes.click('[data-testid=export-left-out-confirm]');
    await notes.waitForText('[data-testid=export-left-out-item]', 'Deleted.');
    await notes.downloadBackup();
    await notes.page.waitForSelector('[data-testid=export-left-out]', { hidden: true, timeout: VAULT_WAIT });
    await notes.page.waitForFunction(() => document.querySelector('[data-testid=export-report]')?.textContent?.startsWith('Downloaded'), { timeout: VAULT_WAIT });
  });

  test('printed nothing to the console and threw nothing', async () => {
    expect(await notes.problems()).toEqual([]);
  });
});
