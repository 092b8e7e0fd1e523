import type { Table } from 'dexie';
import type { AnteroomVaultDb, RenewalMark } from '../store/db';
import { isSealedUnder, resealRecord, type SealedRecord } from '../crypto/envelope';
import { VaultLockedError } from '../errors';
import { withStorage } from '../store/storage-failures';
import { isDamage } from '../store/sealed-rows';

/**
 * The long part of a key renewal (key-renewal.ts): every sealed row moved from one client key to
 * the other, a batch at a time. Each batch is read once, sealed again outside any transaction
 * (crypto inside one would commit it early), and written once, in one transaction.
 *
 * No row says which key seals it: the row itself tells, by which of its client's two keys it
 * authenticates under. So a pass after a stop at any point (in either direction) simply tries
 * the key it moves from, then the one it moves to, and the switch needs to rewrite nothing.
 *
 * While a renewal runs, no store writes a row of a client whose key has a `next` beside it
 * (sealed-rows.ts, assertSameClientKey), so a row read here cannot change before it is written
 * back; a row deleted meanwhile is not written back (the batch checks which keys still exist);
 * and a row added meanwhile is found by the switch, which then asks for another pass.
 */

/** 'forward' moves rows to the new client keys; 'back' returns them to the current ones. */
export type RenewalDirection = 'forward' | 'back';

/** A client's two keys; undefined where the wrapped key does not open (it was damaged already). */
export interface ClientKeyPair {
  current?: Uint8Array;
  next?: Uint8Array;
}

export interface RenewalProgress {
  done: number;
  total: number;
}

export interface ResealOptions {
  batchSize?: number;
  onProgress?: (progress: RenewalProgress) => void;
  /** Called after each step is on disk; a throw stops the renewal there, as a crash would (tests). */
  afterStep?: (step: string) => void | Promise<void>;
  /** True once the vault has locked: the renewal stops between batches, and the next unlock settles it. */
  stopped?: () => boolean;
}

interface SealedRow extends RenewalMark {
  sealed: SealedRecord;
  id?: string;
  clientId?: string;
}

type SealedTableName = 'clients' | 'sessions' | 'notes' | 'drafts';

interface SealedTable {
  name: SealedTableName;
  /** The row's primary key. */
  keyOf(row: SealedRow): string;
  /** The record id in the AAD (drafts are filed under their client's id). */
  idOf(row: SealedRow): string;
  clientOf(row: SealedRow): string;
}

export const SEALED_TABLES: readonly SealedTable[] = [
  { name: 'clients', keyOf: (row) => row.id ?? '', idOf: (row) => row.id ?? '', clientOf: (row) => row.id ?? '' },
  { name: 'sessions', keyOf: (row) => row.id ?? '', idOf: (row) => row.id ?? '', clientOf: (row) => row.clientId ?? '' },
  { name: 'notes', keyOf: (row) => row.id ?? '', idOf: (row) => row.id ?? '', clientOf: (row) => row.clientId ?? '' },
  { name: 'drafts', keyOf: (row) => row.clientId ?? '', idOf: (row) => row.clientId ?? '', clientOf: (row) => row.clientId ?? '' },
];

export const DEFAULT_BATCH = 500;

/** The primary keys one pass went through, per table: the switch compares them with the tables. */
export type PassedKeys = ReadonlyMap<SealedTableName, ReadonlySet<string>>;

export interface PassResult {
  /** Rows that open under neither key (damaged before the renewal began): carried over as they are. */
  carried: number;
  passed: PassedKeys;
}

export function tableOf(db: AnteroomVaultDb, name: SealedTableName): Table<SealedRow, string> {
  return db.table(name);
}

export async function countSealedRows(db: AnteroomVaultDb): Promise<number> {
  const counts = await withStorage(() => Promise.all(SEALED_TABLES.map((table) => tableOf(db, table.name).count())));
  return counts.reduce((sum, count) => sum + count, 0);
}

type Outcome = { sealed: SealedRecord } | 'in-place' | 'no-key' | 'damaged';

/**
 * What one row needs: sealed again; nothing (already under `to`); nothing yet ('no-key': its
 * client has no key on the `to` side, a client added after the renewal began, and the switch
 * waits for that key); or nothing it can have (it opens under neither key).
 */
function moveOne(spec: SealedTable, row: SealedRow, from: Uint8Array | undefined, to: Uint8Array | undefined): Outcome {
  const ref = { table: spec.name, id: spec.idOf(row) };
  if (from && to) {
    try {
      return { sealed: resealRecord(from, to, ref, row.sealed) };
    } catch (error) {
      if (!isDamage(error)) throw error;
    }
  }
  if (to && isSealedUnder(to, ref, row.sealed)) return 'in-place';
  if (!to && from && isSealedUnder(from, ref, row.sealed)) return 'no-key';
  return 'damaged';
}

/** One batch of rows, sealed again and ready to be written. */
interface Batch {
  first: string;
  last: string;
  count: number;
  writes: SealedRow[];
}

/**
 * Moves every row that needs it, one read and (at most) one write per row. A row that opens
 * under neither key (damaged before the renewal began) is carried over as it is: it could not be
 * read before and cannot be after.
 *
 * Each batch is written while the next is read and sealed again: IndexedDB does its work in the
 * browser's own process, so the crypto here runs beside it instead of after it.
 */
export async function resealRows(
  db: AnteroomVaultDb,
  keys: ReadonlyMap<string, ClientKeyPair>,
  direction: RenewalDirection,
  progress: RenewalProgress,
  options: ResealOptions,
): Promise<PassResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const passed = new Map<SealedTableName, Set<string>>();
  let carried = 0;
  for (const spec of SEALED_TABLES) {
    const table = tableOf(db, spec.name);
    const seen = new Set<string>();
    passed.set(spec.name, seen);
    const readAfter = (after: string | undefined) =>
      withStorage(() => (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(batchSize).toArray());
    const prepare = (rows: SealedRow[]): Batch | undefined => {
      if (rows.length === 0) return undefined;
      const writes: SealedRow[] = [];
      for (const row of rows) {
        seen.add(spec.keyOf(row));
        const pair = keys.get(spec.clientOf(row));
        const [from, to] = direction === 'forward' ? [pair?.current, pair?.next] : [pair?.next, pair?.current];
        const outcome = moveOne(spec, row, from, to);
        if (outcome === 'damaged') carried += 1;
        // A mark left by an older build (rows once carried the renewal's epoch) goes with the write.
        const { epoch, ...rest } = row;
        if (typeof outcome === 'object') writes.push({ ...rest, sealed: outcome.sealed });
        else if (epoch !== undefined) writes.push(rest);
      }
      return { first: spec.keyOf(rows[0]!), last: spec.keyOf(rows.at(-1)!), count: rows.length, writes };
    };
    const write = ({ first, last, writes }: Batch) =>
      writes.length === 0
        ? Promise.resolve()
        : withStorage(() =>
            db.transaction('rw', table, async () => {
              // Keys only: a row deleted since it was read is not brought back.
              const still = new Set(await table.where(':id').between(first, last, true, true).primaryKeys());
              await table.bulkPut(writes.filter((row) => still.has(spec.keyOf(row))));
            }),
          );

    let batch = prepare(await readAfter(undefined));
    while (batch) {
      // Read first: the write, over the same table, then waits for the read, not the other way round.
      const reading = readAfter(batch.last).then(prepare);
      const [written, next] = await Promise.allSettled([write(batch), reading]);
      if (written.status === 'rejected') throw written.reason;
      if (next.status === 'rejected') throw next.reason;
      if (batch.writes.length > 0) await options.afterStep?.(`${spec.name} batch ending ${batch.last}`);
      progress.done = Math.min(progress.total, progress.done + batch.count);
      options.onProgress?.({ ...progress });
      if (options.stopped?.()) throw new VaultLockedError();
      batch = next.value;
    }
  }
  return { carried, passed };
}

/**
 * Inside the switch's transaction: whether some row is in a table that the pass did not go
 * through (added since, by a writer the background did not hold back).
 */
export async function rowsAddedSincePass(db: AnteroomVaultDb, passed: PassedKeys): Promise<boolean> {
  for (const spec of SEALED_TABLES) {
    const seen = passed.get(spec.name);
    const keys = await tableOf(db, spec.name).toCollection().primaryKeys();
    if (keys.some((key) => !seen?.has(key))) return true;
  }
  return false;
}
