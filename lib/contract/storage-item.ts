import * as v from 'valibot';
import { contractItems, contractMetaSchema, contractSyncItem } from '@/lib/storage/items/contract';
import { defaultContract, validateContract, type Contract } from './schema';

/**
 * Where the contract lives: storage.local, on this device. storage.sync would carry it to the
 * browser vendor's servers with the therapist's account, against the promise that everything
 * stays on the device, so syncing is an opt-in (`setContractSync`). With it on, each save also
 * writes a sync copy and the newer copy wins on read; sync refusing a write (Firefox with sync
 * off; Chrome's 8 KB-per-item quota, which long templates can pass:
 * https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync) costs only
 * the sync copy. Earlier versions wrote to sync by default: the first read moves that copy here.
 * The items, their version and migrations: lib/storage/items/contract.ts.
 */

export type ContractArea = 'sync' | 'local';

/** The therapist's choice: true syncs the contract through the browser account. Absent until the move below ran. */
const syncChosen = (): Promise<boolean | undefined> => contractSyncItem.get();

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
      await writeCopy('local', synced.stored, new Date(synced.savedAt || Date.now()).toISOString());
    }
    if (synced) await contractItems.sync.remove();
    await contractSyncItem.set(false);
  } catch {
    // Storage refused: nothing was lost, and the next read tries again.
  }
}

interface StoredCopy {
  area: ContractArea;
  /** As stored, so a copy that moves keeps its unreadable fields and they are still named when read. */
  stored: unknown;
  value: Contract;
  resetFields: string[];
  savedAt: number;
}

async function readCopy(area: ContractArea): Promise<StoredCopy | undefined> {
  try {
    const item = contractItems[area];
    const { stored, value, resets } = await item.read();
    if (value === null) return undefined;
    const { savedAt } = v.parse(contractMetaSchema, await item.meta());
    return { area, stored, value, resetFields: resets, savedAt };
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

/** Reads the newest stored copy, migrated and read field by field. Never throws. */
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
  return { value: newest.value, resetFields: newest.resetFields, source: newest.area };
}

export type SaveResult =
  /** `syncRefused`: syncing is on, but the browser refused the sync copy (this device has the save). */
  | { ok: true; value: Contract; syncRefused: boolean }
  | { ok: false; errors: Record<string, string> };

/** The value and its version and save time, in one storage write (see StoredItem.set). */
const writeCopy = (area: ContractArea, value: unknown, savedAt: string): Promise<void> =>
  // A checked contract, or a copy moving as it was stored (see StoredCopy).
  contractItems[area].set(value as Contract, { savedAt });

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
  await contractSyncItem.set(on);
  if (on) {
    const local = await readCopy('local');
    if (local) await writeCopy('sync', local.stored, new Date(local.savedAt || Date.now()).toISOString());
  } else {
    await contractItems.sync.remove();
  }
}

/** Calls back with the freshly loaded contract whenever either copy changes. Returns unwatch. */
export function watchContract(onChange: (loaded: LoadedContract) => void): () => void {
  const reload = () => {
    void loadContract().then(onChange);
  };
  const unwatchers = (['sync', 'local'] as const).map((area) => contractItems[area].watch(reload));
  return () => unwatchers.forEach((unwatch) => unwatch());
}
