import type { Table } from 'dexie';
import type { AnteroomVaultDb, RenewalMark } from './db';
import { resealRecord, type SealedRecord } from './envelope';
import { VaultLockedError } from './operation-errors';
import { isDamage } from './sealed-rows';
import { withStorage } from './storage-errors';

/**
 * The long part of a key renewal (key-renewal.ts): every sealed row moved from one client key to
 * the other, a batch at a time. Each batch is read, sealed again outside any transaction (crypto
 * inside one would commit it early), then written in one transaction that first checks each row
 * is still what was read. A row carries the renewal's `epoch` exactly when it is sealed under the
 * client's new key, so after a stop at any point the rows say which key opens each of them.
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

interface SealedTable {
  name: 'clients' | 'sessions' | 'notes' | 'drafts';
  /** The record id in the AAD (drafts are filed under their client's id). */
  idOf(row: SealedRow): string;
  clientOf(row: SealedRow): string;
}

export const SEALED_TABLES: readonly SealedTable[] = [
  { name: 'clients', idOf: (row) => row.id ?? '', clientOf: (row) => row.id ?? '' },
  { name: 'sessions', idOf: (row) => row.id ?? '', clientOf: (row) => row.clientId ?? '' },
  { name: 'notes', idOf: (row) => row.id ?? '', clientOf: (row) => row.clientId ?? '' },
  { name: 'drafts', idOf: (row) => row.clientId ?? '', clientOf: (row) => row.clientId ?? '' },
];

export const DEFAULT_BATCH = 500;

export function tableOf(db: AnteroomVaultDb, name: SealedTable['name']): Table<SealedRow, string> {
  return db.table(name);
}

/** Whether a row still has to move in this direction. */
export function needsMove(row: RenewalMark, epoch: string, direction: RenewalDirection): boolean {
  return direction === 'forward' ? row.epoch !== epoch : row.epoch === epoch;
}

function moved(row: SealedRow, sealed: SealedRecord, epoch: string, direction: RenewalDirection): SealedRow {
  const { epoch: _old, ...rest } = row;
  return direction === 'forward' ? { ...rest, sealed, epoch } : { ...rest, sealed };
}

export async function countSealedRows(db: AnteroomVaultDb): Promise<number> {
  const counts = await withStorage(() => Promise.all(SEALED_TABLES.map((table) => tableOf(db, table.name).count())));
  return counts.reduce((sum, count) => sum + count, 0);
}

/**
 * Moves every row that needs it. A row that does not open under its key (damaged before the
 * renewal began) is carried over as it is: it could not be read before and cannot be after.
 * Returns how many rows were carried over that way.
 */
export async function resealRows(
  db: AnteroomVaultDb,
  keys: ReadonlyMap<string, ClientKeyPair>,
  epoch: string,
  direction: RenewalDirection,
  progress: RenewalProgress,
  options: ResealOptions,
): Promise<number> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  let carried = 0;
  for (const spec of SEALED_TABLES) {
    const table = tableOf(db, spec.name);
    let last: string | undefined;
    for (;;) {
      const after = last;
      const rows = await withStorage(() =>
        (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(batchSize).toArray(),
      );
      if (rows.length === 0) break;
      last = spec.name === 'drafts' ? rows.at(-1)!.clientId : rows.at(-1)!.id;
      const changes: { key: string; before: SealedRow; after: SealedRow }[] = [];
      for (const row of rows) {
        if (!needsMove(row, epoch, direction)) continue;
        const pair = keys.get(spec.clientOf(row));
        const [from, to] = direction === 'forward' ? [pair?.current, pair?.next] : [pair?.next, pair?.current];
        let sealed = row.sealed;
        if (from && to) {
          try {
            sealed = resealRecord(from, to, { table: spec.name, id: spec.idOf(row) }, row.sealed);
          } catch (error) {
            if (!isDamage(error)) throw error;
            carried += 1;
          }
        } else {
          carried += 1;
        }
        changes.push({ key: spec.name === 'drafts' ? spec.idOf(row) : row.id!, before: row, after: moved(row, sealed, epoch, direction) });
      }
      if (changes.length > 0) {
        await withStorage(() =>
          db.transaction('rw', table, async () => {
            const now = await table.bulkGet(changes.map((change) => change.key));
            // A row written since it was read is left for the next pass (finishRenewal counts them).
            const writes = changes.filter(({ before }, i) => now[i]?.sealed.c === before.sealed.c && now[i]?.epoch === before.epoch);
            await table.bulkPut(writes.map((change) => change.after));
          }),
        );
        await options.afterStep?.(`${spec.name} batch ending ${last}`);
      }
      progress.done = Math.min(progress.total, progress.done + rows.length);
      options.onProgress?.({ ...progress });
      if (options.stopped?.()) throw new VaultLockedError();
    }
  }
  return carried;
}
