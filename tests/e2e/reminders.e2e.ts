import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Page } from 'puppeteer';
import { launchDriver, type Driver } from './harness/driver';
import { send } from './harness/extension';
import { browserTable } from './harness/matrix';
import { screenshotFailures } from './harness/page-files';
import { seriousA11yFindings } from './harness/axe';
import { NotesPage, VAULT_WAIT } from './pages/notes-page';

/**
 * Session reminders and the silence follow-up in the real build: the alarm the browser holds,
 * what the background keeps in clear in its own IndexedDB (never the client's label unless asked
 * for; never anything in extension storage, which content scripts can read), and the flag with
 * the contract's "checking in" message on the notes page. The notification's text is a unit test
 * (tests/unit/reminders): the browser's alarm clock cannot be fast-forwarded from here.
 */

const PASSPHRASE = 'quiet harbour lantern seventeen';
const CLIENT = `L.M. reminders ${Date.now().toString(36)}`;

type Alarm = { name: string; scheduledTime: number };

/** The WebExtension global of an extension page: `browser` in Firefox, `chrome` in Chromium. */
type Api = {
  alarms: { getAll(): Promise<Alarm[]> };
  storage: Record<'local' | 'sync' | 'session', { get(keys: null): Promise<Record<string, unknown>> }>;
  runtime: { getManifest(): { permissions?: string[] } };
};

const alarms = (page: Page) =>
  page.evaluate(() => {
    const { browser, chrome } = globalThis as unknown as { browser?: Api; chrome: Api };
    return (browser ?? chrome).alarms.getAll();
  });
const sessionAlarms = async (page: Page) => (await alarms(page)).filter((alarm) => alarm.name.startsWith('anteroom-session:'));

/** Every extension storage area, as text: none may hold anything of the reminders. */
const inExtensionStorage = (page: Page) =>
  page.evaluate(async () => {
    const { browser, chrome } = globalThis as unknown as { browser?: Api; chrome: Api };
    const { storage } = browser ?? chrome;
    return JSON.stringify(await Promise.all([storage.local.get(null), storage.sync.get(null), storage.session.get(null)]));
  });

/** The reminders' clear copy, read from the extension's own IndexedDB (lib/reminders/README.md): key → value. */
const storedClear = (page: Page) =>
  page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((db) => db.name === 'anteroom-reminders')) return {} as Record<string, unknown>;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('anteroom-reminders');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      const rows = await new Promise<{ key: string; value: unknown }[]>((resolve, reject) => {
        const request = db.transaction('entries').objectStore('entries').getAll();
        request.onsuccess = () => resolve(request.result as { key: string; value: unknown }[]);
        request.onerror = () => reject(request.error);
      });
      return Object.fromEntries(rows.map((row) => [row.key, row.value])) as Record<string, unknown>;
    } finally {
      db.close();
    }
  });

/** Polls a check made from the test (the background answers the page after it wrote). */
async function until(check: () => Promise<boolean>, timeout = VAULT_WAIT) {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the background');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(browserTable())('session reminders and the silence follow-up in %s', (browser, test) => {
  let driver: Driver;
  let notes: NotesPage;
  let page: Page;
  let clientId = '';

  /** Date and time inputs take typed text in the locale's order; set their values as a picker would. */
  async function setValue(selector: string, value: string) {
    await page.$eval(
      selector,
      (el, v) => {
        (el as HTMLInputElement).value = v;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      },
      value,
    );
  }

  /** The browser's local date (YYYY-MM-DD) and time (HH:MM) `minutes` from now, rounded up to the minute. */
  const localInputsIn = (minutes: number) =>
    page.evaluate((m) => {
      const when = new Date(Date.now() + m * 60_000);
      when.setSeconds(0, 0);
      const pad = (n: number) => String(n).padStart(2, '0');
      return {
        date: `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`,
        time: `${pad(when.getHours())}:${pad(when.getMinutes())}`,
        startsAt: when.getTime(),
      };
    }, minutes);

  async function scheduleSession(minutesAhead: number, remindBefore: number, showLabel: boolean) {
    const count = (await page.$$('[data-testid=reminder-item]')).length;
    await notes.click('[data-testid=new-reminder]');
    const when = await localInputsIn(minutesAhead);
    await setValue('input[name=reminderDate]', when.date);
    await setValue('input[name=reminderTime]', when.time);
    await notes.typeInto('input[name=remindMinutesBefore]', String(remindBefore));
    if (showLabel) await page.click('input[name=reminderShowLabel]');
    await notes.click('[data-testid=schedule-reminder]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=reminder-item]').length === n + 1, { timeout: VAULT_WAIT }, count);
    return when.startsAt;
  }

  beforeAll(async () => {
    driver = await launchDriver(browser);
    notes = await NotesPage.open(driver);
    page = notes.page;
    await notes.createVault(PASSPHRASE);
    await notes.addClient(CLIENT);
    const view = await page.waitForSelector('[data-testid=client-view]', { timeout: VAULT_WAIT });
    clientId = (await view!.evaluate((v) => v.getAttribute('data-client-id'))) ?? '';
  });
  afterAll(async () => {
    await driver?.close();
  });
  screenshotFailures(`reminders-${browser}`, () => page);

  test('asks for the notifications permission', async () => {
    const permissions = await page.evaluate(() => {
      const { browser, chrome } = globalThis as unknown as { browser?: Api; chrome: Api };
      return (browser ?? chrome).runtime.getManifest().permissions ?? [];
    });
    expect(permissions).toContain('notifications');
  });

  test('scheduling a session a few minutes ahead sets an alarm; storage holds no label', async () => {
    const startsAt = await scheduleSession(3, 1, false);
    const set = await sessionAlarms(page);
    expect(set).toHaveLength(1);
    expect(set[0]!.scheduledTime).toBe(startsAt - 60_000);
    const clear = await storedClear(page);
    expect(JSON.stringify(clear)).not.toContain(CLIENT);
    expect(JSON.stringify(clear)).not.toContain(clientId);
    const entries = clear.sessions as Record<string, Record<string, unknown>>;
    expect(Object.values(entries)).toEqual([{ fireAt: startsAt - 60_000, minutesBefore: 1 }]);
    const stored = await inExtensionStorage(page);
    expect(stored).not.toContain(Object.keys(entries)[0]);
    expect(stored).not.toContain('reminders.');
  });

  test('the default is 10 minutes before, without the client’s name, and the form says what the name choice means', async () => {
    await notes.click('[data-testid=new-reminder]');
    expect(await page.$eval('input[name=remindMinutesBefore]', (el) => (el as HTMLInputElement).value)).toBe('10');
    expect(await page.$eval('input[name=reminderShowLabel]', (el) => (el as HTMLInputElement).checked)).toBe(false);
    expect(await page.$eval('#reminder-label-help', (el) => el.textContent)).toMatch(/kept unencrypted/);
    await page.click('.reminder-form button[type=button]');
  });

  test('a reminder that shows the name keeps it in clear only until it is cancelled', async () => {
    await scheduleSession(120, 10, true);
    expect(JSON.stringify(await storedClear(page))).toContain(CLIENT);
    expect(await inExtensionStorage(page)).not.toContain(CLIENT);
    const items = await page.$$('[data-testid=reminder-item]');
    const withName = items[items.length - 1]!;
    expect(await withName.evaluate((li) => li.textContent)).toMatch(/showing the client’s name/);
    await (await withName.$('[data-testid=cancel-reminder]'))!.click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=reminder-item]').length === 1, { timeout: VAULT_WAIT });
    expect(JSON.stringify(await storedClear(page))).not.toContain(CLIENT);
    expect(await sessionAlarms(page)).toHaveLength(1);
  });

  test('flags a client not heard from for longer than the agreement, with the message filled in', async () => {
    const longAgo = await page.evaluate(() => {
      const d = new Date();
      d.setDate(d.getDate() - 30);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    expect(await send(page, { type: 'vault:record-heard-from', clientId, date: longAgo })).toMatchObject({ ok: true });
    await notes.reload();
    await notes.waitForState('unlocked');
    await page.waitForSelector('[data-testid=client-item][data-silence=overdue]', { timeout: VAULT_WAIT });
    await notes.click('[data-testid=client-item]');
    const flag = await page.waitForSelector('[data-testid=silence-flag]', { timeout: VAULT_WAIT });
    expect(await flag!.evaluate((f) => f.querySelector('h3')?.textContent)).toBe('No word for 30 days — your agreement says to check in after 7 days');
    const template = await page.$eval('[data-testid=silence-template]', (t) => (t as HTMLTextAreaElement).value);
    expect(template).toContain("I haven't heard from you for 7 days");
    expect(template).not.toContain('{{');
    expect(template).not.toContain(CLIENT);
  });

  test('copies the message with one click', async () => {
    await notes.click('[data-testid=copy-silence-template]');
    await page.waitForFunction(() => /Copied|Selected/.test(document.querySelector('[data-testid=silence-flag] [role=status]')?.textContent ?? ''), { timeout: VAULT_WAIT });
  });

  test('keeps only an opaque id and a due time in clear, never the label', async () => {
    const clear = await storedClear(page);
    expect(JSON.stringify(clear)).not.toContain(CLIENT);
    expect(await inExtensionStorage(page)).not.toContain(clientId);
    const index = clear.silence as { followUpDays: number; entries: Record<string, Record<string, unknown>> };
    expect(index.followUpDays).toBe(7);
    expect(Object.keys(index.entries)).toEqual([clientId]);
    expect(Object.keys(index.entries[clientId]!)).toEqual(['dueAt']);
    expect((await alarms(page)).some((alarm) => alarm.name === 'anteroom-silence-check')).toBe(true);
  });

  test('"name the clients" is kept by the background: the label joins the clear copy, never extension storage, and leaves when turned off', async () => {
    const box = 'input[name=silenceShowsNames]';
    await page.waitForSelector(`${box}:not([disabled])`, { timeout: VAULT_WAIT });
    expect(await page.$eval(box, (el) => (el as HTMLInputElement).checked)).toBe(false);
    await page.click(box);
    await page.waitForFunction(() => (document.querySelector('input[name=silenceShowsNames]') as HTMLInputElement).checked);
    // The choice is written, then the background rebuilds its copy from the unlocked vault.
    await until(async () => {
      const clear = await storedClear(page);
      return clear.silenceShowsNames === true && JSON.stringify(clear.silence).includes(CLIENT);
    });
    const stored = await inExtensionStorage(page);
    expect(stored).not.toContain(CLIENT);
    expect(stored).not.toContain('silenceShowsNames');

    await page.click(box);
    await page.waitForFunction(() => !(document.querySelector('input[name=silenceShowsNames]') as HTMLInputElement).checked);
    await until(async () => {
      const clear = await storedClear(page);
      return clear.silenceShowsNames === undefined && !JSON.stringify(clear).includes(CLIENT);
    });
    expect(await inExtensionStorage(page)).not.toContain(CLIENT);
  });

  test('has no serious accessibility problems with the flag and the reminder form open', async () => {
    await notes.click('[data-testid=new-reminder]');
    expect(await seriousA11yFindings(page)).toEqual([]);
    await page.click('.reminder-form button[type=button]');
  });

  test('"Heard from them today" clears the flag', async () => {
    await notes.click('[data-testid=heard-today]');
    await page.waitForSelector('[data-testid=silence-flag]', { hidden: true, timeout: VAULT_WAIT });
    expect(await page.$('[data-testid=client-item][data-silence=overdue]')).toBeNull();
    expect(JSON.stringify(await storedClear(page))).not.toContain(CLIENT);
  });

  test('deleting the client leaves nothing of theirs in clear, and no reminder alarm', async () => {
    await notes.click('[data-testid=delete-client]');
    await notes.typeInto('input[name=confirmClientLabel]', CLIENT);
    // Deleting renews the data key, which needs the passphrase.
    await notes.typeInto('input[name=deleteClientPassphrase]', PASSPHRASE);
    await notes.click('[data-testid=confirm-delete-client]');
    await page.waitForFunction(() => !document.querySelector('[data-testid=client-item]'), { timeout: VAULT_WAIT });
    const stored = JSON.stringify(await storedClear(page)) + (await inExtensionStorage(page));
    expect(stored).not.toContain(clientId);
    expect(stored).not.toContain(CLIENT);
    expect(Object.keys(await storedClear(page))).not.toContain('sessions');
    expect(await sessionAlarms(page)).toEqual([]);
  });

  test('printed nothing to the console, threw nothing, and showed no error', async () => {
    expect(await notes.problems()).toEqual([]);
  });
});
