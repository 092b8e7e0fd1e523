import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBus } from '@/lib/background/bus';
import { createReminders } from '@/lib/background/reminders';
import { listen } from '@/lib/bus/listen';
import type { ClientForReminders } from '@/lib/reminders/clear-state';
import { createClearStore, type ClearStore } from '@/lib/reminders/clear-store';

/**
 * The background's reminders on WXT's fake browser, with the vault's client feed played by the
 * test. fakeBrowser keeps alarms but never fires them: `fireDueAlarms` is the browser's clock.
 * The clear copy is in fake-indexeddb, a database of its own per test (freshClearStore); like
 * the real one it outlives a browser restart.
 */

export type Reminders = ReturnType<typeof createReminders>;

let storeName = '';
let store: ClearStore;

/** Call in beforeEach: an empty clear copy for the next test. */
export function freshClearStore(): ClearStore {
  storeName = `reminders-test-${crypto.randomUUID()}`;
  store = createClearStore(storeName);
  return store;
}
export const clearStore = (): ClearStore => store;

/** Every row of the reminders' own database, raw, as text. */
export async function storedClear(): Promise<string> {
  const db = new Dexie(storeName);
  try {
    await db.open();
    return JSON.stringify(db.tables.length ? await db.table('entries').toArray() : []);
  } finally {
    db.close();
  }
}

/** Every chrome.storage area (content scripts can read and write local and sync), as text. */
export const storedInBrowserStorage = async () =>
  JSON.stringify(await Promise.all([fakeBrowser.storage.local.get(null), fakeBrowser.storage.sync.get(null), fakeBrowser.storage.session.get(null)]));

export function startReminders(options: { followUpDays?: number; clients?: ClientForReminders[] } = {}) {
  let watcher: ((clients: ClientForReminders[]) => Promise<void>) | undefined;
  let clients = options.clients ?? [];
  const reminders = createReminders({
    watchClients: (next) => {
      watcher = next;
      return () => (watcher = undefined);
    },
    refreshClients: async () => watcher?.(clients),
    followUpDays: async () => options.followUpDays ?? 7,
    store,
  });
  reminders.start();
  // The background's bus, with the reminders' operations only.
  const bus = createBus([reminders.messages]);
  listen((message, sender) => bus(message, sender));
  return {
    reminders,
    /** The vault changed (unlocked, saved, deleted): the background is told every client. */
    async vaultChanged(next: ClientForReminders[]) {
      clients = next;
      await watcher?.(next);
      await reminders.settled();
    },
  };
}

/** Fires (and, like a one-shot browser alarm, removes) every alarm whose time has come. */
export async function fireDueAlarms(reminders: Reminders): Promise<string[]> {
  const due = (await fakeBrowser.alarms.getAll()).filter((alarm) => alarm.scheduledTime <= Date.now()).map((alarm) => ({ ...alarm }));
  for (const alarm of due) {
    if (!alarm.periodInMinutes) await fakeBrowser.alarms.clear(alarm.name);
    await fakeBrowser.alarms.onAlarm.trigger(alarm);
  }
  await reminders.settled();
  return due.map((alarm) => alarm.name);
}

/** A browser restart: memory, listeners and (in Firefox) every alarm are gone; IndexedDB and storage.local stay. */
export async function restartBrowser(): Promise<void> {
  fakeBrowser.alarms.onAlarm.removeAllListeners();
  fakeBrowser.notifications.onClicked.removeAllListeners();
  fakeBrowser.storage.onChanged.removeAllListeners();
  fakeBrowser.runtime.onMessage.removeAllListeners();
  await fakeBrowser.alarms.clearAll();
  await fakeBrowser.notifications.getAll().then((shown) => Promise.all(Object.keys(shown).map((id) => fakeBrowser.notifications.clear(id))));
}

export const notifications = async () => Object.values(await fakeBrowser.notifications.getAll()) as { title: string; message: string }[];
export const storedLocal = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));
