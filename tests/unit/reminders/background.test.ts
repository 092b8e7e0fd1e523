import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SESSION_REMINDERS_KEY, SILENCE_INDEX_KEY, SILENCE_NAMES_KEY } from '@/lib/reminders/clear-data';
import type { ClientForReminders } from '@/lib/reminders/clear-state';
import { fireDueAlarms, notifications, restartBrowser, startReminders, storedLocal } from './harness';

const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const LABEL = 'R.K. (Tuesday)';
const SESSION = at(2025, 5, 20, 14);

const withSession = (showLabel = false, startsAt = SESSION): ClientForReminders => ({
  id: 'client-1',
  label: LABEL,
  reminders: [{ id: 'reminder-1', startsAt, remindMinutesBefore: 10, showLabel }],
});

beforeEach(() => {
  fakeBrowser.reset();
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
    expect((await fakeBrowser.storage.local.get(SESSION_REMINDERS_KEY))[SESSION_REMINDERS_KEY]).toEqual({
      'reminder-1': { fireAt: at(2025, 5, 20, 13, 50), minutesBefore: 10 },
    });
    expect(await storedLocal()).not.toContain(LABEL);
    expect(await storedLocal()).not.toContain('client-1');
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
    expect(Object.keys((await fakeBrowser.storage.local.get(SESSION_REMINDERS_KEY))[SESSION_REMINDERS_KEY] as object)).toEqual(['reminder-2']);
    vi.setSystemTime(at(2025, 5, 20, 14, 53) + 1_000);
    await fireDueAlarms(reminders);
    expect((await notifications()).map((n) => n.message)).toEqual(['A session starts in 7 minutes — open the pre-session checklist']);

    vi.setSystemTime(at(2025, 5, 20, 15, 1));
    await reminders.restore();
    expect(await fakeBrowser.storage.local.get(SESSION_REMINDERS_KEY)).toEqual({});
  });

  it('a cancelled reminder loses its alarm and its clear entry', async () => {
    const { vaultChanged } = startReminders();
    await vaultChanged([withSession()]);
    await vaultChanged([{ ...withSession(), reminders: [] }]);
    expect(await fakeBrowser.alarms.get('anteroom-session:reminder-1')).toBeUndefined();
    expect(await fakeBrowser.storage.local.get(SESSION_REMINDERS_KEY)).toEqual({});
  });
});

describe('silence follow-up', () => {
  const quiet = (lastHeardFrom: string, id = 'client-1', label = LABEL): ClientForReminders => ({ id, label, lastHeardFrom });

  it('is due after exactly silenceFollowUpDays, and notifies once per due date', async () => {
    const { reminders, vaultChanged } = startReminders({ followUpDays: 7 });
    await vaultChanged([quiet('2025-05-14')]);
    expect((await fakeBrowser.storage.local.get(SILENCE_INDEX_KEY))[SILENCE_INDEX_KEY]).toEqual({
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
    expect(await storedLocal()).not.toContain(LABEL);
    await reminders.checkSilence();
    expect((await notifications())[0]?.message).toBe("2 clients' agreed silence periods have passed — open your notes");

    await fakeBrowser.storage.local.set({ [SILENCE_NAMES_KEY]: true });
    await vi.waitFor(async () => expect(await storedLocal()).toContain(LABEL));
    await vaultChanged([quiet('2025-05-03'), quiet('2025-05-04', 'client-2', 'J.S.')]);
    await reminders.checkSilence();
    expect((await notifications())[0]?.message).toBe(`The agreed silence period has passed for ${LABEL} and J.S. — open your notes`);

    await fakeBrowser.storage.local.remove(SILENCE_NAMES_KEY);
    await vi.waitFor(async () => expect(await storedLocal()).not.toContain(LABEL));
    expect(await storedLocal()).not.toContain('J.S.');
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
    expect(await storedLocal()).toContain('client-1');
    await vaultChanged([]);
    const stored = await storedLocal();
    for (const trace of ['client-1', 'reminder-1', LABEL]) expect(stored).not.toContain(trace);
  });
});
