import { storage } from 'wxt/utils/storage';
import { contractMigrations } from './migrations';
import { CONTRACT_VERSION, defaultContract, repairContract, validateContract, type Contract } from './schema';

/**
 * Where the contract lives: storage.local, on this device. storage.sync would carry it to the
 * browser vendor's servers with the therapist's account, against the promise that everything
 * stays on the device, so syncing is an opt-in (`setContractSync`). With it on, each save also
 * writes a sync copy and the newer copy wins on read; sync refusing a write (Firefox with sync
 * off; Chrome's 8 KB-per-item quota, which long templates can pass:
 * https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync) costs only
 * the sync copy. Earlier versions wrote to sync by default: the first read moves that copy here.
 *
 * Items are defined on use, not at module top level: @wxt-dev/storage starts an item's
 * migrations inside defineItem, so a top-level item would read storage on import (in Node at
 * build time, and in tests before the fake browser is reset).
 */

export type ContractArea = 'sync' | 'local';

/** The therapist's choice: true syncs the contract through the browser account. Absent until the move below ran. */
const SYNC_CHOICE_KEY = 'local:contractSync' as const;

async function syncChosen(): Promise<boolean | undefined> {
  const choice = await storage.getItem<boolean>(SYNC_CHOICE_KEY);
  return typeof choice === 'boolean' ? choice : undefined;
}

/** Whether the therapist asked for the contract to be synced through their browser account. */
export async function isContractSyncOn(): Promise<boolean> {
  return (await syncChosen()) === true;
}

/**
 * Moves a contract that an earlier version wrote to storage.sync onto this device, once, and
 * removes it from sync. A local copy that is newer is kept. Never throws: a failed move leaves
 * the sync copy where it was and is tried again on the next read.
 */
async function moveOutOfSync(): Promise<void> {
  if ((await syncChosen()) !== undefined) return;
  try {
    const synced = await readCopy('sync');
    const local = await readCopy('local');
    if (synced && (!local || synced.savedAt > local.savedAt)) {
      await writeCopy('local', synced.value, new Date(synced.savedAt || Date.now()).toISOString());
    }
    if (synced) await storage.removeItem('sync:contract', { removeMeta: true });
    await storage.setItem(SYNC_CHOICE_KEY, false);
  } catch {
    // Storage refused: nothing was lost, and the next read tries again.
  }
}

interface ContractMeta extends Record<string, unknown> {
  /** ISO time of the last save; with two copies, the newer one wins. */
  savedAt?: string;
}

/** The versioned storage item for one area. Values are `unknown` until repairContract reads them. */
export function defineContractItem(area: ContractArea) {
  return storage.defineItem<unknown, ContractMeta>(`${area}:contract`, {
    version: CONTRACT_VERSION,
    migrations: contractMigrations,
  });
}

interface StoredCopy {
  area: ContractArea;
  value: unknown;
  savedAt: number;
}

async function readCopy(area: ContractArea): Promise<StoredCopy | undefined> {
  try {
    // Probe first: a missing or disabled area must not reach defineItem, whose background
    // read would otherwise fail as an unhandled rejection.
    await storage.getItem(`${area}:contract`);
    const item = defineContractItem(area);
    const value = await item.getValue();
    if (value === null || value === undefined) return undefined;
    const savedAt = Date.parse((await item.getMeta()).savedAt ?? '');
    return { area, value, savedAt: Number.isNaN(savedAt) ? 0 : savedAt };
  } catch {
    return undefined;
  }
}

export interface LoadedContract {
  value: Contract;
  /** Field paths that were stored but unreadable and now hold their default. */
  resetFields: string[];
  /** Where the value came from; 'defaults' when nothing is stored yet. */
  source: ContractArea | 'defaults';
}

/** Reads the newest stored copy, migrated and repaired field by field. Never throws. */
export async function loadContract(): Promise<LoadedContract> {
  await moveOutOfSync();
  const areas: ContractArea[] = (await isContractSyncOn().catch(() => false)) ? ['sync', 'local'] : ['local'];
  const copies = (await Promise.all(areas.map(readCopy))).filter(
    (copy): copy is StoredCopy => copy !== undefined,
  );
  // Sync first, so it wins a tie.
  const newest = copies.reduce<StoredCopy | undefined>(
    (best, copy) => (best === undefined || copy.savedAt > best.savedAt ? copy : best),
    undefined,
  );
  if (!newest) return { value: defaultContract(), resetFields: [], source: 'defaults' };
  const { value, resetFields } = repairContract(newest.value);
  return { value, resetFields, source: newest.area };
}

export type SaveResult =
  /** `syncRefused`: syncing is on, but the browser refused the sync copy (this device has the save). */
  | { ok: true; value: Contract; syncRefused: boolean }
  | { ok: false; errors: Record<string, string> };

async function writeCopy(area: ContractArea, value: unknown, savedAt: string): Promise<void> {
  // One storage write for the value and its version: a reader in another page must never see
  // the new value without its version, or WXT would migrate it again as a v1 value.
  await storage.setItems([
    { key: `${area}:contract`, value },
    { key: `${area}:contract$`, value: { v: CONTRACT_VERSION, savedAt } },
  ]);
}

/**
 * Validates, then writes to this device (and to sync when the therapist chose it). An invalid
 * contract writes nothing and returns the errors per field. Rejects when local storage refuses.
 */
export async function saveContract(input: unknown, now: Date = new Date()): Promise<SaveResult> {
  const checked = validateContract(input);
  if (!checked.ok) return checked;
  const savedAt = now.toISOString();
  await moveOutOfSync();
  await writeCopy('local', checked.value, savedAt);
  if (!(await isContractSyncOn())) return { ok: true, value: checked.value, syncRefused: false };
  try {
    await writeCopy('sync', checked.value, savedAt);
    return { ok: true, value: checked.value, syncRefused: false };
  } catch {
    return { ok: true, value: checked.value, syncRefused: true };
  }
}

/**
 * Turns syncing through the browser account on (a sync copy of the current contract is written
 * now) or off (the sync copy is removed, so it leaves the account too).
 */
export async function setContractSync(on: boolean): Promise<void> {
  await moveOutOfSync();
  await storage.setItem(SYNC_CHOICE_KEY, on);
  if (on) {
    const local = await readCopy('local');
    if (local) await writeCopy('sync', local.value, new Date(local.savedAt || Date.now()).toISOString());
  } else {
    await storage.removeItem('sync:contract', { removeMeta: true });
  }
}

/** Calls back with the freshly loaded contract whenever either copy changes. Returns unwatch. */
export function watchContract(onChange: (loaded: LoadedContract) => void): () => void {
  const reload = () => {
    void loadContract().then(onChange);
  };
  const unwatchers = (['sync', 'local'] as const).map((area) => {
    try {
      return storage.watch(`${area}:contract`, reload);
    } catch {
      return () => undefined;
    }
  });
  return () => unwatchers.forEach((unwatch) => unwatch());
}
