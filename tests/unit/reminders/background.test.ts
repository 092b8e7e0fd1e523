import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBus } from '@/lib/background/bus';
import { SESSION_REMINDERS_KEY, SILENCE_INDEX_KEY, SILENCE_NAMES_KEY } from '@/lib/reminders/clear-data';
import type { ClientForReminders } from '@/lib/reminders/clear-state';
import { CONTENT_SCRIPT, OTHER_EXTENSION, PAGE, PAGE_IN_TAB } from '../vault-service/harness';
import {
  clearStore,
  fireDueAlarms,
  freshClearStore,
  notifications,
  restartBrowser,
  startReminders,
  storedClear,
  storedInBrowserStorage,
  storedLocal,
} from './harness';

const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const LABEL = 'R.K. (Tuesday)';
const SESSION = at(2025, 5, 20, 14);

const withSession = (showLabel = false, startsAt = SESSION): ClientForReminders => ({
  id: 'client-1',
  label: LABEL,
  reminders: [{ id: 'reminder-1', startsAt, remindMinutesBefore: 10, showLabel }],
});

const quiet = (lastHeardFrom: string, id = 'client-1', label = LABEL): ClientForReminders => ({ id, label, lastHeardFrom });

const setNames = (show: boolean, sender: object = PAGE) =>
  fakeBrowser.runtime.onMessage.trigger({ type: 'reminders:set-silence-names', show }, sender as never).then((answers) => answers.find((a) => a !== undefined));
const getNames = (sender: object = PAGE) =>
  fakeBrowser.runtime.onMessage.trigger({ type: 'reminders:get-silence-names' }, sender as never).then((answers) => answers.find((a) => a !== undefined));

beforeEach(() => {
  fakeBrowser.reset();
  freshClearStore();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at(2025, 5, 20, 9));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('session reminders', () => {
  it('a scheduled session gets an alarm at its reminder time, and nothing readable in clear', async () => {
    const { vaultChanged } = startReminders();
    await vaultChanged([withSession()]);
    expect(await fakeBrowser.alarms.get('anteroom-session:reminder-1')).toMatchObject({ scheduledTime: at(2025, 5, 20, 13, 50) });
    expect(await clearStore().readSessionEntries()).toEqual({
      'reminder-1': { fireAt: at(2025, 5, 20, 13, 50), minutesBefore: 10 },
    });
    expect(await storedClear()).not.toContain(LABEL);
    expect(await storedClear()).not.toContain('client-1');
    expect(await storedInBrowserStorage()).not.toContain('reminder-1');
  });

  it('fires at the right time, once, with no label, and a click opens the checklist', async () => {
    const { reminders, vaultChanged } = startReminders();
    await vaultChanged([withSession()]);
    vi.setSystemTime(at(2025, 5, 20, 13, 49));
    expect(await fireDueAlarms(reminders)).not.toContain('anteroom-session:reminder-1');
    expect(await notifications()).toEqual([]);

    vi.setSystemTime(at(2025, 5, 20, 13, 50));
    expect(await fireDueAlarms(reminders)).toContain('anteroom-session:reminder-1');
    const [shown] = await notifications();
    expect(shown?.message).toBe('A session starts in 10 minutes — open the pre-session checklist');
    expect(JSON.stringify(shown)).not.toContain(LABEL);

    // A later rebuild (the therapist edits the client) does not bring the reminder back.
    await vaultChanged([withSession()]);
    expect(await fakeBrowser.alarms.get('anteroom-session:reminder-1')).toBeUndefined();

    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger('anteroom-session:reminder-1');
    await vi.waitFor(() => expect(tabs).toHaveBeenCalledWith({ url: 'chrome-extension://test-extension-id/popup.html' }));
  });

  it('names the client only when the therapist opted in for that reminder', async () => {
    const { reminders, vaultChanged } = startReminders();
    await vaultChanged([withSession(true)]);
    vi.setSystemTime(at(2025, 5, 20, 13, 50));
    await fireDueAlarms(reminders);
    expect((await notifications())[0]?.message).toBe(`Your session with ${LABEL} starts in 10 minutes — open the pre-session checklist`);
  });

  it('alarms come back after a browser restart that dropped them', async () => {
    const { vaultChanged } = startReminders();
    await vaultChanged([withSession()]);
    await restartBrowser();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);

    const { reminders } = startReminders();
    await reminders.settled();
    expect(await fakeBrowser.alarms.get('anteroom-session:reminder-1')).toMatchObject({ scheduledTime: at(2025, 5, 20, 13, 50) });
    expect(await fakeBrowser.alarms.get('anteroom-silence-check')).toMatchObject({ periodInMinutes: 24 * 60 });

    vi.setSystemTime(at(2025, 5, 20, 13, 50));
    await fireDueAlarms(reminders);
    expect((await notifications())[0]?.message).toMatch(/^A session starts in 10 minutes/);
  });

  it('a reminder missed while the computer slept shows at start with the minutes actually left; a past one is cleaned up', async () => {
    const { vaultChanged } = startReminders();
    await vaultChanged([{ ...withSession(), reminders: [...withSession().reminders!, { id: 'reminder-2', startsAt: at(2025, 5, 20, 15), remindMinutesBefore: 10, showLabel: false }] }]);
    await restartBrowser();

    vi.setSystemTime(at(2025, 5, 20, 14, 53));
    const { reminders } = startReminders();
    await reminders.settled();
    expect(Object.keys(await clearStore().readSessionEntries())).toEqual(['reminder-2']);
    vi.setSystemTime(at(2025, 5, 20, 14, 53) + 1_000);
    await fireDueAlarms(reminders);
    expect((await notifications()).map((n) => n.message)).toEqual(['A session starts in 7 minutes — open the pre-session checklist']);

    vi.setSystemTime(at(2025, 5, 20, 15, 1));
    await reminders.restore();
    expect(await storedClear()).toBe('[]');
  });

  it('a cancelled reminder loses its alarm and its clear entry', async () => {
    const { vaultChanged } = startReminders();
    await vaultChanged([withSession()]);
    await vaultChanged([{ ...withSession(), reminders: [] }]);
    expect(await fakeBrowser.alarms.get('anteroom-session:reminder-1')).toBeUndefined();
    expect(await storedClear()).not.toContain('reminder-1');
  });
});

describe('silence follow-up', () => {
  it('is due after exactly silenceFollowUpDays, and notifies once per due date', async () => {
    const { reminders, vaultChanged } = startReminders({ followUpDays: 7 });
    await vaultChanged([quiet('2025-05-14')]);
    expect(await clearStore().readSilenceIndex()).toEqual({
      followUpDays: 7,
      entries: { 'client-1': { dueAt: at(2025, 5, 21) } },
    });

    vi.setSystemTime(at(2025, 5, 21) - 1);
    await reminders.checkSilence();
    expect(await notifications()).toEqual([]);

    vi.setSystemTime(at(2025, 5, 21));
    await reminders.checkSilence();
    expect((await notifications()).map((n) => n.message)).toEqual(["A client's agreed silence period has passed — open your notes"]);
    await fakeBrowser.notifications.clear('anteroom-silence');
    await reminders.checkSilence();
    expect(await notifications()).toEqual([]);
  });

  it('"heard from them" resets it', async () => {
    const { reminders, vaultChanged } = startReminders({ followUpDays: 7 });
    await vaultChanged([quiet('2025-05-01')]);
    await vaultChanged([quiet('2025-05-20')]);
    await reminders.checkSilence();
    expect(await notifications()).toEqual([]);
    vi.setSystemTime(at(2025, 5, 27, 9));
    await reminders.checkSilence();
    expect(await notifications()).toHaveLength(1);
  });

  it('the daily alarm runs the check', async () => {
    const { reminders, vaultChanged } = startReminders({ followUpDays: 7 });
    await reminders.settled();
    await vaultChanged([quiet('2025-05-14')]);
    vi.setSystemTime(at(2025, 5, 21, 9));
    expect(await fireDueAlarms(reminders)).toContain('anteroom-silence-check');
    expect(await notifications()).toHaveLength(1);
  });

  it('never names a client unless the therapist opted in; opting out removes the names at once', async () => {
    const { reminders, vaultChanged } = startReminders({ followUpDays: 7 });
    await vaultChanged([quiet('2025-05-01'), quiet('2025-05-02', 'client-2', 'J.S.')]);
    expect(await storedClear()).not.toContain(LABEL);
    await reminders.checkSilence();
    expect((await notifications())[0]?.message).toBe("2 clients' agreed silence periods have passed — open your notes");

    // The notes page's checkbox (the answer comes once the names are in).
    expect(await setNames(true)).toEqual({ ok: true });
    expect(await storedClear()).toContain(LABEL);
    await vaultChanged([quiet('2025-05-03'), quiet('2025-05-04', 'client-2', 'J.S.')]);
    await reminders.checkSilence();
    expect((await notifications())[0]?.message).toBe(`The agreed silence period has passed for ${LABEL} and J.S. — open your notes`);

    expect(await setNames(false)).toEqual({ ok: true });
    expect(await storedClear()).not.toContain(LABEL);
    expect(await storedClear()).not.toContain('J.S.');
  });

  it('a click opens the notes', async () => {
    startReminders();
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger('anteroom-silence');
    await vi.waitFor(() => expect(tabs).toHaveBeenCalledWith({ url: 'chrome-extension://test-extension-id/notes.html' }));
  });

  it('a deleted client leaves nothing in clear', async () => {
    const { vaultChanged } = startReminders();
    await vaultChanged([{ ...quiet('2025-05-01'), ...withSession(true) }]);
    expect(await storedClear()).toContain('client-1');
    await vaultChanged([]);
    const stored = await storedClear();
    for (const trace of ['client-1', 'reminder-1', LABEL]) expect(stored).not.toContain(trace);
  });
});

describe('what is kept in clear, and where (lib/reminders/README.md)', () => {
  it('labels and the "name clients" choice are only in the extension’s own IndexedDB, in no chrome.storage area', async () => {
    const { vaultChanged } = startReminders({ followUpDays: 7 });
    expect(await setNames(true)).toEqual({ ok: true });
    await vaultChanged([{ ...quiet('2025-05-01'), ...withSession(true) }]);
    const kept = await storedClear();
    expect(kept).toContain(LABEL);
    expect(kept).toContain('silenceShowsNames');
    const browserStorage = await storedInBrowserStorage();
    for (const trace of [LABEL, 'client-1', 'reminder-1', 'silenceShowsNames', 'reminders.']) expect(browserStorage).not.toContain(trace);
  });

  it.each([
    ['a content script (our id, in a web page tab)', CONTENT_SCRIPT],
    ['another extension', OTHER_EXTENSION],
    ['a sender with no URL', { id: PAGE.id }],
  ])('gives %s no answer: it can neither read nor change the choice', async (_name, sender) => {
    const { reminders, vaultChanged } = startReminders({ followUpDays: 7 });
    const broadcast = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    expect(createBus([reminders.messages])({ type: 'reminders:set-silence-names', show: true }, sender as never)).toBeUndefined();
    expect(await setNames(true, sender)).toBeUndefined();
    expect(await getNames(sender)).toBeUndefined();
    await reminders.settled();
    expect(await clearStore().readSilenceShowsNames()).toBe(false);
    expect(broadcast).not.toHaveBeenCalled();
    await vaultChanged([quiet('2025-05-01')]);
    expect(await storedClear()).not.toContain(LABEL);
  });

  it('no longer takes the choice from storage.local, where a content script could have set it', async () => {
    const { reminders, vaultChanged } = startReminders({ followUpDays: 7 });
    await fakeBrowser.storage.local.set({ [SILENCE_NAMES_KEY]: true });
    await vaultChanged([quiet('2025-05-01')]);
    await reminders.checkSilence();
    expect(await storedClear()).not.toContain(LABEL);
    expect((await notifications())[0]?.message).toBe("A client's agreed silence period has passed — open your notes");
  });

  it('our notes page, in the side panel or a tab, reads and sets it; other open pages hear the change', async () => {
    startReminders();
    const broadcast = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    expect(await getNames()).toEqual({ ok: true, value: { show: false } });
    expect(await setNames(true, PAGE_IN_TAB)).toEqual({ ok: true });
    expect(await getNames()).toEqual({ ok: true, value: { show: true } });
    expect(broadcast).toHaveBeenCalledWith({ type: 'reminders:silence-names-changed', show: true });
    expect(await setNames('yes' as unknown as boolean)).toBeUndefined();
  });

  it('takes over what an older build left in storage.local: times kept, labels and the choice dropped, nothing left there', async () => {
    await fakeBrowser.storage.local.set({
      [SESSION_REMINDERS_KEY]: { 'reminder-1': { fireAt: at(2025, 5, 20, 13, 50), minutesBefore: 10, label: LABEL } },
      [SILENCE_INDEX_KEY]: { followUpDays: 7, entries: { 'client-1': { dueAt: at(2025, 5, 21), label: LABEL } } },
      [SILENCE_NAMES_KEY]: true,
    });
    const { reminders } = startReminders();
    await reminders.settled();
    expect(await storedLocal()).toBe('{}');
    expect(await clearStore().readSessionEntries()).toEqual({ 'reminder-1': { fireAt: at(2025, 5, 20, 13, 50), minutesBefore: 10 } });
    expect(await clearStore().readSilenceIndex()).toEqual({ followUpDays: 7, entries: { 'client-1': { dueAt: at(2025, 5, 21) } } });
    expect(await clearStore().readSilenceShowsNames()).toBe(false);
    expect(await fakeBrowser.alarms.get('anteroom-session:reminder-1')).toMatchObject({ scheduledTime: at(2025, 5, 20, 13, 50) });
  });
});
