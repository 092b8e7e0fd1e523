import { browser } from 'wxt/browser';
import {
  parseSessionEntries,
  parseSilenceIndex,
  SESSION_REMINDERS_KEY,
  SILENCE_INDEX_KEY,
  SILENCE_NAMES_KEY,
  type SessionEntries,
  type SilenceIndex,
} from './clear-data';

/** Reads and writes the clear reminder data in storage.local (shapes and reasons: clear-data.ts). */

async function read(key: string): Promise<unknown> {
  return (await browser.storage.local.get(key))[key];
}

export const readSessionEntries = async (): Promise<SessionEntries> => parseSessionEntries(await read(SESSION_REMINDERS_KEY));

/** An empty set is removed rather than stored, so nothing lingers once the last reminder is gone. */
export async function writeSessionEntries(entries: SessionEntries): Promise<void> {
  if (Object.keys(entries).length === 0) await browser.storage.local.remove(SESSION_REMINDERS_KEY);
  else await browser.storage.local.set({ [SESSION_REMINDERS_KEY]: entries });
}

export const readSilenceIndex = async (): Promise<SilenceIndex | undefined> => parseSilenceIndex(await read(SILENCE_INDEX_KEY));

export async function writeSilenceIndex(index: SilenceIndex): Promise<void> {
  if (Object.keys(index.entries).length === 0) await browser.storage.local.remove(SILENCE_INDEX_KEY);
  else await browser.storage.local.set({ [SILENCE_INDEX_KEY]: index });
}

/** Whether the silence notification may name clients: only an explicit `true` counts. */
export const readSilenceShowsNames = async (): Promise<boolean> => (await read(SILENCE_NAMES_KEY)) === true;

export async function writeSilenceShowsNames(show: boolean): Promise<void> {
  if (show) await browser.storage.local.set({ [SILENCE_NAMES_KEY]: true });
  else await browser.storage.local.remove(SILENCE_NAMES_KEY);
}

/** Calls back with the new choice whenever it changes (from any page). Returns the unwatch. */
export function watchSilenceShowsNames(onChange: (show: boolean) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SILENCE_NAMES_KEY in changes) onChange(changes[SILENCE_NAMES_KEY]?.newValue === true);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
