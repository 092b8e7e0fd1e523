import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { launchDriver, type Driver } from './harness/driver';
import { clearStorage, storeLocal, stored, syncHolds } from './harness/extension';
import { browserTable } from './harness/matrix';
import { finishedDownloads, screenshotFailures } from './harness/page-files';
import { fixturesDir } from './harness/paths';
import { ExtensionPage } from './pages/extension-page';
import { OptionsPage } from './pages/options-page';

/**
 * The contract-defaults page, the printable agreement and the client sheet: what a therapist
 * saves is what every page shows, and nothing invalid is ever stored.
 */

describe.each(
  browserTable({
    Firefox: {
      'prints the saved settings in the agreement and on the client sheet, black on white on paper':
        'Firefox’s driver (BiDi) cannot emulate the print media type; the screen part runs in “shows the saved settings in the agreement and on the client sheet”',
    },
    Chromium: {
      'shows the saved settings in the agreement and on the client sheet': 'covered with the print check in “prints the saved settings…”',
    },
  }),
)('contract defaults in %s', (browser, test) => {
  let driver: Driver;
  let downloads: string;
  let current: OptionsPage | undefined;
  beforeAll(async () => {
    downloads = mkdtempSync(join(tmpdir(), `anteroom-options-${browser.toLowerCase()}-`));
    driver = await launchDriver(browser, { downloads });
  });
  afterAll(async () => {
    await driver?.close();
  });
  screenshotFailures(`options-${browser}`, () => current?.page);

  const openOptions = async () => (current = await OptionsPage.open(driver));
  async function openPage(file: string, ready: string): Promise<ExtensionPage> {
    const page = new ExtensionPage(await driver.extensionPage(file));
    await page.page.bringToFront();
    await page.page.waitForSelector(ready);
    return page;
  }
  /** Saves the settings the agreement tests read. */
  async function saveAgreementSettings(): Promise<void> {
    const options = await openOptions();
    await options.fill('backupPlatform', 'Signal voice call to the number on file');
    await options.fill('sessionMinutes', '45');
    await options.fill('therapist.name', 'Dr Rowan Ashby');
    await options.choose('jurisdiction', 'uk-gdpr');
    await options.save('saved');
    await options.close();
  }
  async function expectAgreementShowsThem(): Promise<ExtensionPage> {
    const page = await openPage('agreement.html', '[data-testid=agreement]');
    const agreement = await page.textOf('[data-testid=agreement]');
    expect(agreement).toContain('Our backup way to meet: Signal voice call to the number on file.');
    expect(agreement).toContain('Sessions last 45 minutes');
    expect(agreement).toContain('UK GDPR');
    expect(await page.textOf('.byline')).toContain('Dr Rowan Ashby');
    expect(await page.textOf('[data-testid=print]')).toBe('Print or save as PDF');
    return page;
  }
  async function expectClientSheetShowsThem(): Promise<void> {
    const sheet = await openPage('client-sheet.html', '[data-testid=client-sheet]');
    expect(await sheet.textOf('[data-testid=client-sheet]')).toContain('Signal voice call to the number on file');
    expect(await sheet.problems()).toEqual([]);
    await sheet.close();
  }

  test('shows a new therapist the suggested defaults and saves nothing until they press Save', async () => {
    const options = await openOptions();
    await clearStorage(options.page);
    await options.reload();
    await options.page.waitForSelector('[data-testid=save-status][data-state=defaults]');
    expect(await options.value('sessionMinutes')).toBe('50');
    expect(await options.value('jurisdiction')).toBe('other');
    expect(await options.textOf('[data-testid=save-status]')).toMatch(/not saved yet/i);
    expect(await stored(options.page, 'local', 'contract')).toBeNull();
    expect(await options.problems()).toEqual([]);
    await options.close();
  });

  test('keeps saved values after a reload', async () => {
    const options = await openOptions();
    await options.fill('sessionMinutes', '45');
    await options.fill('backupPlatform', 'Signal voice call to the number on file');
    await options.fill('therapist.name', 'Dr Rowan Ashby');
    await options.fill('disruptionPlans.battery', 'Tell me and we move to the phone.');
    await options.choose('jurisdiction', 'uk-gdpr');
    expect(await options.saveState()).toBe('unsaved');
    await options.save('saved');

    expect(await stored(options.page, 'local', 'contract')).toMatchObject({
      sessionMinutes: 45,
      backupPlatform: 'Signal voice call to the number on file',
      jurisdiction: 'uk-gdpr',
      therapist: { name: 'Dr Rowan Ashby' },
      disruptionPlans: { battery: 'Tell me and we move to the phone.' },
    });

    await options.reload();
    await options.page.waitForSelector('[data-testid=save-status][data-state=saved]');
    expect(await options.value('sessionMinutes')).toBe('45');
    expect(await options.value('backupPlatform')).toBe('Signal voice call to the number on file');
    expect(await options.value('jurisdiction')).toBe('uk-gdpr');
    expect(await options.value('therapist.name')).toBe('Dr Rowan Ashby');
    expect(await options.problems()).toEqual([]);
    await options.close();
  });

  test('refuses a 5-minute session: marks the field, moves focus to it and saves nothing', async () => {
    const options = await openOptions();
    const before = [await stored(options.page, 'sync', 'contract'), await stored(options.page, 'local', 'contract')];
    await options.fill('sessionMinutes', '5');
    await options.fill('backupPlatform', 'This must not be saved');
    await options.save('invalid');

    expect(await options.isInvalid('sessionMinutes')).toBe(true);
    expect(await options.messagesFor('sessionMinutes')).toContain('between 10 and 180 minutes');
    expect(await options.focusedName()).toBe('sessionMinutes');
    expect(await options.textOf('[data-testid=save-status]')).toMatch(/not saved/i);
    expect([await stored(options.page, 'sync', 'contract'), await stored(options.page, 'local', 'contract')]).toEqual(before);

    // Fixing it clears the message at once, and the save then goes through.
    await options.fill('sessionMinutes', '60');
    expect(await options.isInvalid('sessionMinutes')).toBe(false);
    await options.fill('backupPlatform', 'Signal voice call to the number on file');
    await options.save('saved');
    expect(await stored(options.page, 'local', 'contract')).toMatchObject({ sessionMinutes: 60 });
    expect(await options.problems()).toEqual([]);
    await options.close();
  });

  test('flags an unknown placeholder while the template is being typed, and previews the current settings', async () => {
    const options = await openOptions();
    const page = options.page;
    const template = '[name="templates.acknowledgement"]';
    expect(await options.isInvalid('templates.acknowledgement')).toBe(false);
    await page.$eval(template, (el) => {
      const area = el as HTMLTextAreaElement;
      area.focus();
      area.setSelectionRange(area.value.length, area.value.length);
    });
    await page.keyboard.type(' {{clientName}}');
    expect(await options.isInvalid('templates.acknowledgement')).toBe(true);
    expect(await options.messagesFor('templates.acknowledgement')).toContain('{{clientName}}');

    await options.fill('emailResponseHours', '24');
    expect(await options.textOf('[data-testid=preview-acknowledgement]')).toContain('within 24 hours');

    // A template Anteroom cannot fill is not saved either.
    const before = await stored(page, 'local', 'contract');
    await options.save('invalid');
    expect(await stored(page, 'local', 'contract')).toEqual(before);
    expect(await options.problems()).toEqual([]);
    await options.close();
  });

  test('prints the saved settings in the agreement and on the client sheet, black on white on paper', async () => {
    await saveAgreementSettings();
    const agreement = await expectAgreementShowsThem();
    // On paper: no buttons, black on white.
    await agreement.page.emulateMediaType('print');
    expect(await agreement.page.$eval('[data-testid=print]', (el) => getComputedStyle(el).display)).toBe('none');
    expect(await agreement.page.$eval('body', (el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(await agreement.page.$eval('.document h2', (el) => getComputedStyle(el).color)).toBe('rgb(0, 0, 0)');
    expect(await agreement.problems()).toEqual([]);
    await agreement.close();
    await expectClientSheetShowsThem();
  });

  test('shows the saved settings in the agreement and on the client sheet', async () => {
    await saveAgreementSettings();
    const agreement = await expectAgreementShowsThem();
    expect(await agreement.problems()).toEqual([]);
    await agreement.close();
    await expectClientSheetShowsThem();
  });

  test('records a practice-readiness confirmation and keeps it', async () => {
    const options = await openOptions();
    await options.page.waitForSelector('[data-readiness=insurance][data-state=due]');
    await options.confirmReadiness('insurance');
    const state = (await stored(options.page, 'local', 'practiceReadiness')) as Record<string, string | null>;
    expect(state.insurance).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(state.training).toBeNull();

    await options.reload();
    await options.page.waitForSelector('[data-readiness=insurance][data-state=confirmed]');
    expect(await options.textOf('[data-testid=readiness-state-insurance]')).toMatch(/^Confirmed on/);
    expect(await options.problems()).toEqual([]);
    await options.close();
  });

  test('refuses a malformed settings file, says why, and changes nothing', async () => {
    const options = await openOptions();
    const before = [await stored(options.page, 'sync', 'contract'), await stored(options.page, 'local', 'contract')];
    const form = await options.value('backupPlatform');

    await options.importSettings(`${fixturesDir}/pages/settings-malformed.json`);
    await options.page.waitForSelector('[data-testid=import-report] [role=alert]');
    expect(await options.textOf('[data-testid=import-report] [role=alert]')).toMatch(/not imported.*nothing was changed.*not valid JSON/s);

    await options.importSettings(`${fixturesDir}/pages/settings-invalid-values.json`);
    await options.waitForText('[data-testid=import-report] [role=alert]', 'Session length');
    const report = await options.textOf('[data-testid=import-report] [role=alert]');
    expect(report).toContain('Session length must be between 10 and 180 minutes');
    expect(report).toContain('{{clientName}}');
    expect(report).toContain('Choose a jurisdiction');

    expect([await stored(options.page, 'sync', 'contract'), await stored(options.page, 'local', 'contract')]).toEqual(before);
    expect(await options.value('backupPlatform')).toBe(form);
    expect(await options.problems()).toEqual([]);
    await options.close();
  });

  test('exports the settings to a file and imports them back', async () => {
    const options = await openOptions();
    await options.fill('backupPlatform', 'Signal voice call to the number on file');
    await options.save('saved');
    await options.click('[data-testid=export-settings]');
    const [file] = await finishedDownloads(downloads, '.json', 30_000);
    expect(basename(file!)).toMatch(/^anteroom-settings-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync(file!, 'utf8')) as Record<string, unknown>;
    expect(exported).toMatchObject({ format: 'anteroom-settings', version: 2 });
    expect(exported.contract).toEqual(await stored(options.page, 'local', 'contract'));

    await options.fill('backupPlatform', 'A setting the import will undo');
    await options.save('saved');

    const copy = join(mkdtempSync(join(tmpdir(), 'anteroom-settings-in-')), 'copy.json');
    writeFileSync(copy, JSON.stringify(exported));
    await options.importSettings(copy);
    await options.waitForText('[data-testid=import-report] [role=status]', 'Imported');
    expect(await options.value('backupPlatform')).toBe('Signal voice call to the number on file');
    expect(await stored(options.page, 'local', 'contract')).toEqual(exported.contract);
    expect(await options.problems()).toEqual([]);
    await options.close();
  });

  test('keeps the contract off browser sync unless the therapist turns syncing on, and removes it when they turn it off', async () => {
    const options = await openOptions();
    await options.fill('sessionMinutes', '55');
    await options.save('saved');
    expect(await stored(options.page, 'local', 'contract')).toMatchObject({ sessionMinutes: 55 });
    expect(await stored(options.page, 'sync', 'contract')).toBeNull();
    expect(await options.page.$eval('input[name=contractSync]', (el) => (el as HTMLInputElement).checked)).toBe(false);

    await options.page.click('input[name=contractSync]');
    await syncHolds(options.page, 'contract', true);
    expect(await stored(options.page, 'sync', 'contract')).toMatchObject({ sessionMinutes: 55 });

    await options.page.click('input[name=contractSync]');
    await syncHolds(options.page, 'contract', false);
    expect(await stored(options.page, 'local', 'contract')).toMatchObject({ sessionMinutes: 55 });
    expect(await options.problems()).toEqual([]);
    await options.close();
  });

  test('shows which stored settings were unreadable and reset', async () => {
    const options = await openOptions();
    const contract = await stored<Record<string, unknown>>(options.page, 'local', 'contract');
    await storeLocal(options.page, { contract: { ...contract, autoLockMinutes: 'soon' } });
    await options.reload();
    await options.page.waitForSelector('[data-testid=reset-notice]');
    expect(await options.textOf('[data-testid=reset-notice]')).toContain('Auto-lock');
    expect(await options.value('autoLockMinutes')).toBe('15');
    expect(await options.problems()).toEqual([]);
    await options.close();
  });
});
