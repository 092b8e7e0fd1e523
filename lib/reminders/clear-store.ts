import Dexie, { type Table } from 'dexie';
import { browser } from 'wxt/browser';
import { legacyReminderItems } from '@/lib/storage/items/legacy-reminders';
import { parseSessionEntries, parseSilenceIndex, type SessionEntries, type SilenceIndex } from './clear-data';
import { withoutLabels, withoutNames } from './clear-state';

/**
 * Where the reminders keep what they hold in clear (shapes: clear-data.ts; reasons: README.md):
 * a small IndexedDB database of the extension's own origin, read and written by the background
 * only. Content scripts run in the web page's origin and cannot open it, unlike chrome.storage,
 * which they can read and write. Nothing here runs at import time (WXT imports the background in
 * Node at build time): the database is opened on first use.
 */

export const REMINDERS_DB_NAME = 'anteroom-reminders';

/** The rows of the one table, by key. */
export const CLEAR_KEYS = { sessions: 'sessions', silence: 'silence', silenceShowsNames: 'silenceShowsNames' } as const;
type ClearKey = (typeof CLEAR_KEYS)[keyof typeof CLEAR_KEYS];

interface ClearRow {
  key: ClearKey;
  value: unknown;
}

class RemindersDb extends Dexie {
  entries!: Table<ClearRow, ClearKey>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({ entries: 'key' });
  }
}

export interface ClearStore {
  readSessionEntries(): Promise<SessionEntries>;
  /** An empty set is removed rather than stored, so nothing lingers once the last reminder is gone. */
  writeSessionEntries(entries: SessionEntries): Promise<void>;
  readSilenceIndex(): Promise<SilenceIndex | undefined>;
  writeSilenceIndex(index: SilenceIndex): Promise<void>;
  /** Whether the silence notification may name clients: only an explicit `true` counts. */
  readSilenceShowsNames(): Promise<boolean>;
  writeSilenceShowsNames(show: boolean): Promise<void>;
  /** Moves what an older build left in storage.local here, and removes it there (see below). */
  adoptLegacy(): Promise<void>;
}

export function createClearStore(name: string = REMINDERS_DB_NAME): ClearStore {
  let db: RemindersDb | undefined;
  const table = () => (db ??= new RemindersDb(name)).entries;
  const read = async (key: ClearKey) => (await table().get(key))?.value;
  const write = async (key: ClearKey, value: unknown, keep: boolean) => {
    if (keep) await table().put({ key, value });
    else await table().delete(key);
  };

  const store: ClearStore = {
    readSessionEntries: async () => parseSessionEntries(await read(CLEAR_KEYS.sessions)),
    writeSessionEntries: (entries) => write(CLEAR_KEYS.sessions, entries, Object.keys(entries).length > 0),
    readSilenceIndex: async () => parseSilenceIndex(await read(CLEAR_KEYS.silence)),
    writeSilenceIndex: (index) => write(CLEAR_KEYS.silence, index, Object.keys(index.entries).length > 0),
    readSilenceShowsNames: async () => (await read(CLEAR_KEYS.silenceShowsNames)) === true,
    writeSilenceShowsNames: (show) => write(CLEAR_KEYS.silenceShowsNames, true, show),

    /**
     * Builds before this one kept the same data in storage.local, which content scripts can
     * write: the times come over (so alarms still fire before the next unlock, which rebuilds
     * everything from the vault), but not the labels nor the "name clients" choice, which could
     * have been planted there. The therapist sets that choice again on the notes page.
     */
    async adoptLegacy() {
      const items = Object.values(legacyReminderItems);
      const legacyKeys = items.map((item) => item.name);
      const legacy = await browser.storage.local.get(legacyKeys);
      if (Object.keys(legacy).length === 0) return;
      const sessions = legacyReminderItems.sessions.parse(legacy[legacyReminderItems.sessions.name]);
      const silence = legacyReminderItems.silence.parse(legacy[legacyReminderItems.silence.name]);
      if (Object.keys(await store.readSessionEntries()).length === 0) await store.writeSessionEntries(withoutLabels(sessions));
      if (silence && !(await store.readSilenceIndex())) await store.writeSilenceIndex(withoutNames(silence));
      await browser.storage.local.remove(legacyKeys);
    },
  };
  return store;
}
