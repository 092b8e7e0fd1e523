import { randomBytes } from '@noble/ciphers/utils.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { KEY_BYTES } from '../crypto/aead';
import type { AnteroomVaultDb, ClientKeyRow, HeaderRow } from '../store/db';
import { ConflictError, NoVaultError, PassphrasePolicyError, WrongPassphraseError } from '../errors';
import { withStorage } from '../store/storage-failures';
import { readHeaderSlots } from './header-slots';
import { createClientKey, rewrapDek, unwrapClientKey, unwrapDek, unwrapRenewalKey, wrapRenewalKey } from '../crypto/keys';
import {
  countSealedRows,
  resealRows,
  rowsAddedSincePass,
  SEALED_TABLES,
  tableOf,
  type ClientKeyPair,
  type PassedKeys,
  type RenewalDirection,
  type ResealOptions,
} from './key-renewal-rows';
import { checkPassphrase } from '../crypto/passphrase';
import { isDamage } from '../store/sealed-rows';
import { wipe } from '../crypto/wipe';

/**
 * Renewing the keys with a passphrase change: a new data key, a new key for every client, and
 * every record sealed again. Crash-safe in the way of the two header slots: at every moment
 * either the old passphrase or the new one opens the vault, and every record opens.
 *
 *   1. begin   one transaction writes the `renewal` slot (the new header, and the two data keys
 *              each wrapped under the other) and each client's new key as `next` beside its key.
 *   2. reseal  batches of rows move to the new client keys, each row read once and written once.
 *   3. switch  one transaction checks that every client has its `next` and that no row was added
 *              since the pass went by, makes each `next` the client key, puts the new header in
 *              `current` and drops `renewal`. It rewrites no record.
 *
 * Until (3) the current header still opens with the old passphrase; the `renewal` slot opens with
 * the new one. Unlocking while a `renewal` slot exists settles it first: the old passphrase undoes
 * the renewal (rows move back), the new one finishes it. After (3) only the new passphrase opens.
 * Which key seals a row is told by the row itself: it authenticates under one of the two
 * (key-renewal-rows.ts), so nothing about the renewal is written beside the records.
 */

export interface RenewalOptions extends ResealOptions {
  /**
   * Called with the new data key just before the switch, for the background to hold it: if the
   * worker stops after the switch, what it held must be the key the vault now has. (Before the
   * switch either key settles the renewal.)
   */
  beforeSwitch?: (nextDek: Uint8Array) => Promise<void>;
}

export interface RenewalOutcome {
  /** The new data key (the caller's to hold and wipe). */
  dek: Uint8Array;
  /** Records that were already damaged and were carried over unopened. */
  carried: number;
}

/** A switch found rows not yet moved (written while the batches ran): another pass, then again. */
const SWITCH_ATTEMPTS = 3;

class RowsLeftBehind extends Error {}

export async function renewStoredKeys(
  db: AnteroomVaultDb,
  currentPassphrase: string,
  nextPassphrase: string,
  options: RenewalOptions = {},
): Promise<RenewalOutcome> {
  // Checked first so a too-short new passphrase costs no derivation and no failed attempt.
  const policy = checkPassphrase(nextPassphrase);
  if (!policy.ok) throw new PassphrasePolicyError(policy.problems);
  const slots = await readHeaderSlots(db);
  if (!slots.current) throw new NoVaultError();
  const dek = await unwrapDek(slots.current, currentPassphrase);
  try {
    // One left by a crash is undone first (the current passphrase is the one typed).
    if (slots.renewal) await settleRenewal(db, dek, options);
    const nextDek = randomBytes(KEY_BYTES);
    try {
      const header = await rewrapDek(slots.current, nextDek, nextPassphrase);
      const slot = await beginRenewal(db, dek, nextDek, header);
      await options.afterStep?.('begin');
      const carried = await runRenewal(db, slot, dek, nextDek, 'forward', options);
      return { dek: nextDek, carried };
    } catch (error) {
      wipe(nextDek);
      throw error;
    }
  } finally {
    wipe(dek);
  }
}

/**
 * Finishes or undoes a renewal left unfinished (a crash, a lock, a failed write), with whichever
 * data key is at hand: the current one undoes it, the new one finishes it. Either way `dek` stays
 * the key the vault opens with. False when there was nothing to settle; WrongPassphraseError when
 * `dek` is neither key.
 */
export async function settleRenewal(db: AnteroomVaultDb, dek: Uint8Array, options: ResealOptions = {}): Promise<boolean> {
  const slot = await withStorage(() => db.meta.get('renewal'));
  if (!slot?.renewal) return false;
  const { epoch, nextDek, currentDek } = slot.renewal;
  const next = unwrapRenewalKey(dek, nextDek, 'next', epoch);
  if (next) {
    try {
      await runRenewal(db, slot, dek, next, 'back', options);
    } finally {
      wipe(next);
    }
    return true;
  }
  const current = unwrapRenewalKey(dek, currentDek, 'current', epoch);
  if (!current) throw new WrongPassphraseError();
  try {
    await runRenewal(db, slot, current, dek, 'forward', options);
  } finally {
    wipe(current);
  }
  return true;
}

/**
 * Whether `dek` is the vault's data key: it opens a client key (true too when there is none). A
 * worker stopped between a deletion's commit and taking the new key would come back holding the
 * old one (storage.session); this tells the background to lock rather than show every client as damaged.
 */
export async function dataKeyOpensVault(db: AnteroomVaultDb, dek: Uint8Array): Promise<boolean> {
  const rows = await withStorage(() => db.clientKeys.toArray());
  if (rows.length === 0) return true;
  return rows.some((row) => {
    try {
      wipe(unwrapClientKey(dek, row.clientId, row.wrapped));
      return true;
    } catch (error) {
      if (!isDamage(error)) throw error;
      return false;
    }
  });
}

/** Step 1, in one transaction. Refuses (changing nothing) if the clients changed since they were read. */
async function beginRenewal(db: AnteroomVaultDb, dek: Uint8Array, nextDek: Uint8Array, header: HeaderRow['header']): Promise<HeaderRow> {
  const epoch = bytesToHex(randomBytes(16));
  const slot: HeaderRow = {
    key: 'renewal',
    header,
    writtenAt: Date.now(),
    renewal: {
      epoch,
      nextDek: wrapRenewalKey(dek, nextDek, 'next', epoch),
      currentDek: wrapRenewalKey(nextDek, dek, 'current', epoch),
    },
  };
  const keyRows = await withStorage(() => db.clientKeys.toArray());
  const withNext = keyRows.map((row): ClientKeyRow => {
    try {
      wipe(unwrapClientKey(dek, row.clientId, row.wrapped));
    } catch (error) {
      if (!isDamage(error)) throw error;
      // Already unreadable: carried over as it is, and stays unreadable.
      return { clientId: row.clientId, wrapped: row.wrapped, next: row.wrapped };
    }
    const fresh = createClientKey(nextDek, row.clientId);
    wipe(fresh.key);
    return { clientId: row.clientId, wrapped: row.wrapped, next: fresh.wrapped };
  });
  await withStorage(() =>
    db.transaction('rw', db.meta, db.clientKeys, async () => {
      const now = await db.clientKeys.toArray();
      const same = now.length === keyRows.length && now.every((row, i) => row.clientId === keyRows[i]?.clientId && row.wrapped.ct === keyRows[i]?.wrapped.ct);
      if (!same || (await db.meta.get('renewal'))) throw new ConflictError('client');
      await db.meta.put(slot);
      await db.meta.delete('pending');
      await db.clientKeys.bulkPut(withNext);
    }),
  );
  return slot;
}

/** Steps 2 and 3 in either direction, from whatever state the rows are in. */
async function runRenewal(
  db: AnteroomVaultDb,
  slot: HeaderRow,
  currentDek: Uint8Array,
  nextDek: Uint8Array,
  direction: RenewalDirection,
  options: RenewalOptions,
): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    // Each attempt: a client added since the last one (by a writer the background did not hold
    // back) gets its new key, and its rows are moved with it.
    if (direction === 'forward') await addMissingNextKeys(db, nextDek);
    const keys = await clientKeyPairs(db, currentDek, nextDek);
    try {
      const progress = { done: 0, total: await countSealedRows(db) };
      const { carried, passed } = await resealRows(db, keys, direction, progress, options);
      if (direction === 'forward') await options.beforeSwitch?.(nextDek);
      await switchOver(db, slot, direction, passed);
      await options.afterStep?.(direction === 'forward' ? 'switch' : 'undo');
      return carried;
    } catch (error) {
      if (!(error instanceof RowsLeftBehind) || attempt >= SWITCH_ATTEMPTS) throw error;
    } finally {
      for (const pair of keys.values()) wipe(pair.current, pair.next);
    }
  }
}

/** A client added after step 1 (by a writer the background did not hold back) gets its new key too. */
async function addMissingNextKeys(db: AnteroomVaultDb, nextDek: Uint8Array): Promise<void> {
  const missing = (await withStorage(() => db.clientKeys.toArray())).filter((row) => !row.next);
  if (missing.length === 0) return;
  const added = missing.map((row) => {
    const fresh = createClientKey(nextDek, row.clientId);
    wipe(fresh.key);
    return { ...row, next: fresh.wrapped };
  });
  await withStorage(() =>
    db.transaction('rw', db.clientKeys, async () => {
      for (const row of added) {
        const now = await db.clientKeys.get(row.clientId);
        if (now && !now.next && now.wrapped.ct === row.wrapped.ct) await db.clientKeys.put(row);
      }
    }),
  );
}

async function clientKeyPairs(db: AnteroomVaultDb, currentDek: Uint8Array, nextDek: Uint8Array): Promise<Map<string, ClientKeyPair>> {
  const rows = await withStorage(() => db.clientKeys.toArray());
  const unwrap = (dek: Uint8Array, row: ClientKeyRow, wrapped: ClientKeyRow['wrapped'] | undefined) => {
    if (!wrapped) return undefined;
    try {
      return unwrapClientKey(dek, row.clientId, wrapped);
    } catch (error) {
      if (!isDamage(error)) throw error;
      return undefined;
    }
  };
  return new Map(rows.map((row) => [row.clientId, { current: unwrap(currentDek, row, row.wrapped), next: unwrap(nextDek, row, row.next) }]));
}

/** Step 3 (or its undo), in one transaction over every table; it reads keys, not records. */
async function switchOver(db: AnteroomVaultDb, slot: HeaderRow, direction: RenewalDirection, passed: PassedKeys): Promise<void> {
  const epoch = slot.renewal!.epoch;
  const tables = SEALED_TABLES.map((spec) => tableOf(db, spec.name));
  await withStorage(() =>
    db.transaction('rw', [db.meta, db.clientKeys, ...tables], async () => {
      if ((await db.meta.get('renewal'))?.renewal?.epoch !== epoch) throw new ConflictError('client');
      const keyRows = await db.clientKeys.toArray();
      if (direction === 'forward' && keyRows.some((row) => !row.next)) throw new RowsLeftBehind();
      if (await rowsAddedSincePass(db, passed)) throw new RowsLeftBehind();
      await db.clientKeys.bulkPut(
        keyRows.map((row) => ({ clientId: row.clientId, wrapped: direction === 'forward' ? row.next! : row.wrapped })),
      );
      if (direction === 'forward') await db.meta.put({ key: 'current', header: slot.header, writtenAt: Date.now() });
      await db.meta.delete('renewal');
    }),
  );
}
