import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createReminders } from '@/lib/background/reminders';
import { createVaultService, type ClientsWatcher } from '@/lib/vault/service/vault-service';
import { createClearStore, type ClearStore } from '@/lib/reminders/clear-store';
import { cancelReminder, createVault, deleteClient, listClients, lockVault, recordHeardFrom, saveClient, scheduleReminder, unlockVault } from '@/lib/vault-client';
import { AnteroomVaultDb } from '@/lib/vault/store/db';
import { createVaultDbOpener } from '@/lib/vault/store/open-db';
import { PASSPHRASE, routeClientMessages, serve } from '../vault-service/harness';

/** The whole path: the notes page's client API → the vault → the clear copy and the alarms. */

const LABEL = 'M.T. (Thursdays)';
const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();

function value<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

let store: ClearStore;

async function start(followUpDays = 7) {
  const watchers = new Set<ClientsWatcher>();
  store = createClearStore(`reminders-clear-${crypto.randomUUID()}`);
  const service = createVaultService({ openDb: createVaultDbOpener(() => new AnteroomVaultDb(`reminders-${crypto.randomUUID()}`)), watchers });
  serve(service);
  const reminders = createReminders({
    watchClients: (watcher) => (watchers.add(watcher), () => watchers.delete(watcher)),
    refreshClients: () => service.refreshClients(),
    followUpDays: async () => followUpDays,
    store,
  });
  reminders.start();
  value(await createVault(PASSPHRASE));
  const { id } = value(await saveClient({ label: LABEL, contactMode: 'video' }));
  return { reminders, clientId: id };
}

/** Every chrome.storage area: nothing of the reminders belongs there. */
const local = async () =>
  JSON.stringify(await Promise.all([fakeBrowser.storage.local.get(null), fakeBrowser.storage.sync.get(null), fakeBrowser.storage.session.get(null)]));
const kept = async () => JSON.stringify([await store.readSessionEntries(), await store.readSilenceIndex()]);
const silenceEntries = async () => (await store.readSilenceIndex())!.entries;

beforeEach(() => {
  fakeBrowser.reset();
  routeClientMessages();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at(2025, 5, 20, 9));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('reminders through the vault', () => {
  it('a scheduled session is sealed with the client; in clear only its id and times, and an alarm', async () => {
    const { clientId } = await start();
    const { id } = value(await scheduleReminder({ clientId, startsAt: at(2025, 5, 20, 14), remindMinutesBefore: 10, showLabel: false }));
    expect(value(await listClients())[0]?.reminders).toEqual([{ id, startsAt: at(2025, 5, 20, 14), remindMinutesBefore: 10, showLabel: false }]);
    expect(await fakeBrowser.alarms.get(`anteroom-session:${id}`)).toMatchObject({ scheduledTime: at(2025, 5, 20, 13, 50) });
    expect(await store.readSessionEntries()).toEqual({
      [id]: { fireAt: at(2025, 5, 20, 13, 50), minutesBefore: 10 },
    });
    expect(await local()).not.toContain(LABEL);
    expect(await local()).not.toContain(clientId);

    value(await cancelReminder(clientId, id));
    expect(await fakeBrowser.alarms.get(`anteroom-session:${id}`)).toBeUndefined();
    expect(value(await listClients())[0]?.reminders).toBeUndefined();
  });

  it('refuses a session in the past, and drops past ones when the list is next written', async () => {
    const { clientId } = await start();
    expect(await scheduleReminder({ clientId, startsAt: at(2025, 5, 20, 8), remindMinutesBefore: 10, showLabel: false })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    value(await scheduleReminder({ clientId, startsAt: at(2025, 5, 20, 9, 5), remindMinutesBefore: 0, showLabel: false }));
    // Within the auto-lock time, after that session began.
    vi.setSystemTime(at(2025, 5, 20, 9, 10));
    value(await scheduleReminder({ clientId, startsAt: at(2025, 5, 27, 10), remindMinutesBefore: 10, showLabel: false }));
    expect(value(await listClients())[0]?.reminders?.map((r) => r.startsAt)).toEqual([at(2025, 5, 27, 10)]);
  });

  it('heard-from updates the silence due time; delete leaves nothing in clear', async () => {
    const { clientId } = await start(7);
    value(await scheduleReminder({ clientId, startsAt: at(2025, 5, 21, 10), remindMinutesBefore: 10, showLabel: true }));
    // The label the therapist asked to see is kept for the notification, in the background's database only.
    expect(await kept()).toContain(LABEL);
    expect(await local()).not.toContain(LABEL);
    value(await recordHeardFrom(clientId, '2025-04-01'));
    expect(await store.readSilenceIndex()).toEqual({
      followUpDays: 7,
      entries: { [clientId]: { dueAt: at(2025, 4, 8) } },
    });
    value(await recordHeardFrom(clientId, '2025-05-20'));
    expect((await silenceEntries())[clientId]).toEqual({ dueAt: at(2025, 5, 27) });

    value(await deleteClient(clientId, PASSPHRASE));
    expect(await store.readSessionEntries()).toEqual({});
    expect(await store.readSilenceIndex()).toBeUndefined();
    expect(await kept()).not.toContain(clientId);
    expect(await kept()).not.toContain(LABEL);
    expect(await local()).not.toContain(clientId);
    expect(await local()).not.toContain(LABEL);
    expect((await fakeBrowser.alarms.getAll()).filter((alarm) => alarm.name.startsWith('anteroom-session:'))).toEqual([]);
  });

  it('the clear copy is rebuilt on unlock (after the contract changed while locked)', async () => {
    const { clientId, reminders } = await start(7);
    value(await recordHeardFrom(clientId, '2025-05-01'));
    value(await lockVault());
    await store.writeSilenceIndex({ followUpDays: 7, entries: {} });
    value(await unlockVault(PASSPHRASE));
    await reminders.settled();
    expect((await silenceEntries())[clientId]).toEqual({ dueAt: at(2025, 5, 8) });
  });
});
