import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/browsers';
import { watchErrors } from './harness/errors';
import { fixturesDir } from './harness/paths';
import { attr, fill, saveAndWait, text, valueOf } from './harness/forms';

/**
 * The contract-defaults page, the printable agreement and the client sheet in real Chromium:
 * what a therapist saves is what every page shows, and nothing invalid is ever stored.
 */

let session: ChromiumSession;
let downloads: string;
beforeAll(async () => {
  session = await launchChromium();
  downloads = mkdtempSync(join(tmpdir(), 'anteroom-options-'));
});
afterAll(async () => {
  await session?.browser.close();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  clear(): Promise<void>;
}

/** A value straight from extension storage, read inside the page the way the extension reads it. */
function stored(page: Page, area: 'sync' | 'local', key: string): Promise<unknown> {
  return page.evaluate(
    async (area, key) => {
      const api = (globalThis as unknown as { chrome: { storage: Record<string, StorageArea> } }).chrome;
      return (await api.storage[area]!.get(key))[key] ?? null;
    },
    area,
    key,
  );
}

/** Waits until browser sync holds a contract copy (or none). */
async function syncHolds(page: Page, held: boolean): Promise<void> {
  await page.waitForFunction(async (held) => {
    const api = (globalThis as unknown as { chrome: { storage: Record<string, StorageArea> } }).chrome;
    return ((await api.storage.sync!.get('contract')).contract !== undefined) === held;
  }, {}, held);
}

async function clearStorage(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: Record<string, StorageArea> } }).chrome;
    await Promise.all([api.storage.sync!.clear(), api.storage.local!.clear()]);
  });
}

/** Opens an extension page in front: a page left behind the install tab does not render, and clicks would wait forever. */
async function open(file: string): Promise<{ page: Page; errors: string[] }> {
  const page = await session.browser.newPage();
  const errors = watchErrors(page);
  await page.goto(session.pageUrl(file), { waitUntil: 'load' });
  await page.bringToFront();
  return { page, errors };
}

async function openOptions(): Promise<{ page: Page; errors: string[] }> {
  const opened = await open('options.html');
  await opened.page.waitForSelector('[name=sessionMinutes]');
  return opened;
}


async function upload(page: Page, file: string): Promise<void> {
  const input = (await page.$('input[type=file][name=importSettings]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
}

describe('contract defaults in Chromium', () => {
  it('shows a new therapist the suggested defaults and saves nothing until they press Save', async () => {
    const { page, errors } = await openOptions();
    await clearStorage(page);
    await page.reload();
    await page.waitForSelector('[data-testid=save-status][data-state=defaults]');
    expect(await valueOf(page, 'sessionMinutes')).toBe('50');
    expect(await valueOf(page, 'jurisdiction')).toBe('other');
    expect(await text(page, '[data-testid=save-status]')).toMatch(/not saved yet/i);
    expect(await stored(page, 'local', 'contract')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps saved values after a reload', async () => {
    const { page, errors } = await openOptions();
    await fill(page, 'sessionMinutes', '45');
    await fill(page, 'backupPlatform', 'Signal voice call to the number on file');
    await fill(page, 'therapist.name', 'Dr Rowan Ashby');
    await fill(page, 'disruptionPlans.battery', 'Tell me and we move to the phone.');
    await page.select('[name=jurisdiction]', 'uk-gdpr');
    expect(await attr(page, '[data-testid=save-status]', 'data-state')).toBe('unsaved');
    await saveAndWait(page, 'saved');

    const saved = (await stored(page, 'local', 'contract')) as Record<string, unknown>;
    expect(saved).toMatchObject({
      sessionMinutes: 45,
      backupPlatform: 'Signal voice call to the number on file',
      jurisdiction: 'uk-gdpr',
      therapist: { name: 'Dr Rowan Ashby' },
      disruptionPlans: { battery: 'Tell me and we move to the phone.' },
    });

    await page.reload();
    await page.waitForSelector('[data-testid=save-status][data-state=saved]');
    expect(await valueOf(page, 'sessionMinutes')).toBe('45');
    expect(await valueOf(page, 'backupPlatform')).toBe('Signal voice call to the number on file');
    expect(await valueOf(page, 'jurisdiction')).toBe('uk-gdpr');
    expect(await valueOf(page, 'therapist.name')).toBe('Dr Rowan Ashby');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a 5-minute session: marks the field, moves focus to it and saves nothing', async () => {
    const { page, errors } = await openOptions();
    const before = await stored(page, 'local', 'contract');
    await fill(page, 'sessionMinutes', '5');
    await fill(page, 'backupPlatform', 'This must not be saved');
    await saveAndWait(page, 'invalid');

    expect(await attr(page, '[name=sessionMinutes]', 'aria-invalid')).toBe('true');
    const describedBy = (await attr(page, '[name=sessionMinutes]', 'aria-describedby')) ?? '';
    const messages = await page.evaluate(
      (ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? ''),
      describedBy,
    );
    expect(messages.join(' ')).toContain('between 10 and 180 minutes');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('sessionMinutes');
    expect(await text(page, '[data-testid=save-status]')).toMatch(/not saved/i);
    expect(await stored(page, 'local', 'contract')).toEqual(before);

    // Fixing it clears the message at once, and the save then goes through.
    await fill(page, 'sessionMinutes', '60');
    expect(await attr(page, '[name=sessionMinutes]', 'aria-invalid')).toBeNull();
    await fill(page, 'backupPlatform', 'Signal voice call to the number on file');
    await saveAndWait(page, 'saved');
    expect(await stored(page, 'local', 'contract')).toMatchObject({ sessionMinutes: 60 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('flags an unknown placeholder while the template is being typed, and previews the current settings', async () => {
    const { page, errors } = await openOptions();
    const template = '[name="templates.acknowledgement"]';
    expect(await attr(page, template, 'aria-invalid')).toBeNull();
    await page.$eval(template, (el) => {
      const area = el as HTMLTextAreaElement;
      area.focus();
      area.setSelectionRange(area.value.length, area.value.length);
    });
    await page.keyboard.type(' {{clientName}}');
    expect(await attr(page, template, 'aria-invalid')).toBe('true');
    const messageId = ((await attr(page, template, 'aria-describedby')) ?? '').split(' ').pop()!;
    expect(await text(page, `#${messageId}`)).toContain('{{clientName}}');

    await fill(page, 'emailResponseHours', '24');
    expect(await text(page, '[data-testid=preview-acknowledgement]')).toContain('within 24 hours');

    // A template Anteroom cannot fill is not saved either.
    const before = await stored(page, 'local', 'contract');
    await saveAndWait(page, 'invalid');
    expect(await stored(page, 'local', 'contract')).toEqual(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('prints the saved settings in the agreement and on the client sheet', async () => {
    const { page: options } = await openOptions();
    await fill(options, 'backupPlatform', 'Signal voice call to the number on file');
    await fill(options, 'sessionMinutes', '45');
    await fill(options, 'therapist.name', 'Dr Rowan Ashby');
    await options.select('[name=jurisdiction]', 'uk-gdpr');
    await saveAndWait(options, 'saved');
    await options.close();

    const { page, errors } = await open('agreement.html');
    await page.waitForSelector('[data-testid=agreement]');
    const agreement = await text(page, '[data-testid=agreement]');
    expect(agreement).toContain('Our backup way to meet: Signal voice call to the number on file.');
    expect(agreement).toContain('Sessions last 45 minutes');
    expect(agreement).toContain('UK GDPR');
    expect(await text(page, '.byline')).toContain('Dr Rowan Ashby');
    expect(await text(page, '[data-testid=print]')).toBe('Print or save as PDF');

    // On paper: no buttons, black on white.
    await page.emulateMediaType('print');
    expect(await page.$eval('[data-testid=print]', (el) => getComputedStyle(el).display)).toBe('none');
    expect(await page.$eval('body', (el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(await page.$eval('.document h2', (el) => getComputedStyle(el).color)).toBe('rgb(0, 0, 0)');
    expect(errors).toEqual([]);
    await page.close();

    const sheet = await open('client-sheet.html');
    await sheet.page.waitForSelector('[data-testid=client-sheet]');
    expect(await text(sheet.page, '[data-testid=client-sheet]')).toContain('Signal voice call to the number on file');
    expect(sheet.errors).toEqual([]);
    await sheet.page.close();
  });

  it('records a practice-readiness confirmation and keeps it', async () => {
    const { page, errors } = await openOptions();
    await page.waitForSelector('[data-readiness=insurance][data-state=due]');
    await page.click('[data-readiness=insurance] button');
    await page.waitForSelector('[data-readiness=insurance][data-state=confirmed]');
    const state = (await stored(page, 'local', 'practiceReadiness')) as Record<string, string | null>;
    expect(state.insurance).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(state.training).toBeNull();

    await page.reload();
    await page.waitForSelector('[data-readiness=insurance][data-state=confirmed]');
    expect(await text(page, '[data-testid=readiness-state-insurance]')).toMatch(/^Confirmed on/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a malformed settings file, says why, and changes nothing', async () => {
    const { page, errors } = await openOptions();
    const before = await stored(page, 'local', 'contract');
    const form = await valueOf(page, 'backupPlatform');

    await upload(page, `${fixturesDir}/pages/settings-malformed.json`);
    await page.waitForSelector('[data-testid=import-report] [role=alert]');
    expect(await text(page, '[data-testid=import-report] [role=alert]')).toMatch(/not imported.*nothing was changed.*not valid JSON/s);

    await upload(page, `${fixturesDir}/pages/settings-invalid-values.json`);
    await page.waitForFunction(() => document.querySelector('[data-testid=import-report] [role=alert]')?.textContent?.includes('Session length'));
    const report = await text(page, '[data-testid=import-report] [role=alert]');
    expect(report).toContain('Session length must be between 10 and 180 minutes');
    expect(report).toContain('{{clientName}}');
    expect(report).toContain('Choose a jurisdiction');

    expect(await stored(page, 'local', 'contract')).toEqual(before);
    expect(await valueOf(page, 'backupPlatform')).toBe(form);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exports the settings to a file and imports them back', async () => {
    const { page, errors } = await openOptions();
    await fill(page, 'backupPlatform', 'Signal voice call to the number on file');
    await saveAndWait(page, 'saved');
    const cdp = await page.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    await page.click('[data-testid=export-settings]');
    const deadline = Date.now() + 10_000;
    let files: string[] = [];
    while (Date.now() < deadline && files.length === 0) {
      files = readdirSync(downloads).filter((name) => name.endsWith('.json'));
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(files[0]).toMatch(/^anteroom-settings-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync(join(downloads, files[0]!), 'utf8')) as Record<string, unknown>;
    expect(exported).toMatchObject({ format: 'anteroom-settings', version: 2 });
    expect(exported.contract).toEqual(await stored(page, 'local', 'contract'));

    await fill(page, 'backupPlatform', 'A setting the import will undo');
    await saveAndWait(page, 'saved');

    const copy = join(downloads, 'copy.json');
    writeFileSync(copy, JSON.stringify(exported));
    await upload(page, copy);
    await page.waitForFunction(() => document.querySelector('[data-testid=import-report] [role=status]')?.textContent?.includes('Imported'));
    expect(await valueOf(page, 'backupPlatform')).toBe('Signal voice call to the number on file');
    expect(await stored(page, 'local', 'contract')).toEqual(exported.contract);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the contract off browser sync unless the therapist turns syncing on, and removes it when they turn it off', async () => {
    const { page, errors } = await openOptions();
    await fill(page, 'sessionMinutes', '55');
    await saveAndWait(page, 'saved');
    expect(await stored(page, 'local', 'contract')).toMatchObject({ sessionMinutes: 55 });
    expect(await stored(page, 'sync', 'contract')).toBeNull();
    expect(await page.$eval('input[name=contractSync]', (el) => (el as HTMLInputElement).checked)).toBe(false);

    await page.click('input[name=contractSync]');
    await syncHolds(page, true);
    expect(await stored(page, 'sync', 'contract')).toMatchObject({ sessionMinutes: 55 });

    await page.click('input[name=contractSync]');
    await syncHolds(page, false);
    expect(await stored(page, 'local', 'contract')).toMatchObject({ sessionMinutes: 55 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows which stored settings were unreadable and reset', async () => {
    const { page, errors } = await openOptions();
    await page.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, Record<string, unknown>>>; set(v: object): Promise<void> } } } }).chrome;
      const { contract } = await api.storage.local.get('contract');
      await api.storage.local.set({ contract: { ...contract, autoLockMinutes: 'soon' } });
    });
    await page.reload();
    await page.waitForSelector('[data-testid=reset-notice]');
    expect(await text(page, '[data-testid=reset-notice]')).toContain('Auto-lock');
    expect(await valueOf(page, 'autoLockMinutes')).toBe('15');
    expect(errors).toEqual([]);
    await page.close();
  });
});
