import { storage } from 'wxt/utils/storage';
import { contractMigrations } from './migrations';
import { CONTRACT_VERSION, defaultContract, repairContract, validateContract, type Contract } from './schema';

/**
 * Where the contract lives. It prefers storage.sync so the therapist's defaults follow them to
 * another computer, and falls back to storage.local when sync is not there or refuses the write
 * (Firefox with sync turned off; Chrome's 8 KB-per-item sync quota, which long templates can
 * pass: https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync).
 *
 * Items are defined on use, not at module top level: @wxt-dev/storage starts an item's
 * migrations inside defineItem, so a top-level item would read storage on import (in Node at
 * build time, and in tests before the fake browser is reset).
 */

export type ContractArea = 'sync' | 'local';

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
  const copies = (await Promise.all([readCopy('sync'), readCopy('local')])).filter(
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
  | { ok: true; value: Contract; area: ContractArea }
  | { ok: false; errors: Record<string, string> };

async function writeCopy(area: ContractArea, value: Contract, savedAt: string): Promise<void> {
  // One storage write for the value and its version: a reader in another page must never see
  // the new value without its version, or WXT would migrate it again as a v1 value.
  await storage.setItems([
    { key: `${area}:contract`, value },
    { key: `${area}:contract$`, value: { v: CONTRACT_VERSION, savedAt } },
  ]);
}

/**
 * Validates, then writes to sync, or to local when sync throws. An invalid contract writes
 * nothing and returns the errors per field. Rejects only when neither area can be written.
 */
export async function saveContract(input: unknown, now: Date = new Date()): Promise<SaveResult> {
  const checked = validateContract(input);
  if (!checked.ok) return checked;
  const savedAt = now.toISOString();
  try {
    await writeCopy('sync', checked.value, savedAt);
    // A stale local copy from an earlier failed sync write is no longer needed.
    await storage.removeItem('local:contract', { removeMeta: true }).catch(() => undefined);
    return { ok: true, value: checked.value, area: 'sync' };
  } catch {
    await writeCopy('local', checked.value, savedAt);
    return { ok: true, value: checked.value, area: 'local' };
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
