import * as v from 'valibot';
import type { AnteroomVaultDb } from './db';
import { openRecord, sealRecord, type JsonValue, type RecordRef, type SealedRecord } from '../crypto/envelope';
import { ClientKeyTamperedError, ConflictError, InvalidInputError, NotFoundError, RecordTamperedError } from '../errors';
import { withStorage } from './storage-failures';
import type { DamagedRecord } from './views';
import type { WrappedKey } from '../crypto/wrapped-key';

/** Helpers shared by the stores: check-and-seal, open-and-check, and finding a client's wrapped key. */

/**
 * Seals a record only if its contents pass the same schema that opening it (and so restoring
 * a backup) will apply. Checking here, in the store, and not only in the message checks, means
 * no writer (the call recorder, a migration, a future feature) can store a record that every
 * later backup would carry and every restore would refuse. The error names the field, never its value.
 */
export function sealChecked<S extends v.GenericSchema<unknown, JsonValue>>(key: Uint8Array, ref: RecordRef, schema: S, value: v.InferInput<S>): SealedRecord {
  const result = v.safeParse(schema, value);
  if (!result.success) {
    const issue = result.issues[0];
    const field = issue.path?.map((step) => String(step.key)).join('.') || 'record';
    throw new InvalidInputError(`${ref.table} ${field}: ${issue.message}`);
  }
  return sealRecord(key, ref, result.output);
}

/**
 * Opens a record and checks its contents. A record that authenticates but does not match its
 * schema is treated like a tampered one: shown to nobody, named in the damage list.
 */
export function openChecked<S extends v.GenericSchema<unknown, JsonValue>>(
  key: Uint8Array,
  ref: RecordRef,
  sealed: SealedRecord,
  schema: S,
): v.InferOutput<S> {
  const result = v.safeParse(schema, openRecord(key, ref, sealed));
  if (!result.success) throw new RecordTamperedError(ref.table, ref.id);
  return result.output;
}

/** A record or a client key failed its integrity check (not: locked, storage, a bug). */
export function isDamage(error: unknown): boolean {
  return error instanceof RecordTamperedError || error instanceof ClientKeyTamperedError;
}

/** Opens every row it can; the ones that fail are listed, and the others still open. */
export function openEach<Row, View>(
  rows: readonly Row[],
  ref: (row: Row) => RecordRef,
  open: (row: Row) => View,
): { items: View[]; damaged: DamagedRecord[] } {
  const items: View[] = [];
  const damaged: DamagedRecord[] = [];
  for (const row of rows) {
    try {
      items.push(open(row));
    } catch (error) {
      if (!isDamage(error)) throw error;
      damaged.push(ref(row));
    }
  }
  return { items, damaged };
}

export async function requireClientKey(db: AnteroomVaultDb, clientId: string): Promise<WrappedKey> {
  const row = await withStorage(() => db.clientKeys.get(clientId));
  if (!row) throw new NotFoundError('client');
  return row.wrapped;
}

/**
 * Inside a write transaction: the client must still have the same key as when we sealed, or
 * the record would be written under a key that was just shredded (or replaced by a restore).
 * And no key renewal may be moving the client's rows (its key has a `next`): the renewal writes
 * each row back without reading it again (key-renewal-rows.ts), so a change now would be lost.
 */
export async function assertSameClientKey(db: AnteroomVaultDb, clientId: string, wrapped: WrappedKey): Promise<void> {
  const row = await db.clientKeys.get(clientId);
  if (!row || row.wrapped.ct !== wrapped.ct || row.wrapped.nonce !== wrapped.nonce) throw new NotFoundError('client');
  if (row.next) throw new ConflictError('client');
}
