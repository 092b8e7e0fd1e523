import * as v from 'valibot';
import type { BackupFile } from './backup-format';
import { verifyWithDigest, type BackupReport } from './backup-verify';
import type { ClientKeyRow, ClientRow, NoteRow, SessionRow } from '../store/db';
import type { JsonValue } from '../crypto/envelope';
import { recordId, sealedClient, sealedNote, sealedSession } from '../store/record-schemas';

/**
 * The one check a backup must pass to be restored, run by import on the chosen file and by
 * export on the file it is about to offer (so no file is offered that import would refuse).
 *
 * Two kinds of trouble are told apart. A record that fails authentication, or a manifest that
 * does not match, means the file was altered: `report.ok` is false and import refuses all of it.
 * A record that authenticates but that this version cannot restore (contents its schema refuses,
 * a kind of record it does not know, notes of such a client) was written by Anteroom itself, an
 * older or newer build: it is left out, named in `leftOut`, and the rest can still be restored.
 */

export type LeftOutReason =
  /** Failed authentication (or its client key did): never restorable. */
  | 'damaged'
  /** Authentic, but its contents do not match what this version accepts. */
  | 'unreadable'
  /** Authentic, of a kind this version does not restore. */
  | 'unknown-kind'
  /** Not filed under a client of the file as this version expects. */
  | 'not-filed'
  /** A note or session whose client record was itself left out. */
  | 'client-left-out';

export interface LeftOutRecord {
  table: string;
  id: string;
  clientId?: string;
  reason: LeftOutReason;
}

export interface RestorableRows {
  clientKeys: ClientKeyRow[];
  clients: ClientRow[];
  notes: NoteRow[];
  sessions: SessionRow[];
}

export interface RestoreCheck {
  report: BackupReport;
  rows: RestorableRows;
  leftOut: LeftOutRecord[];
  /** What is kept of each record by file position (undefined where it did not open); stays with the caller. */
  opened: readonly (OpenedRecord | undefined)[];
}

/**
 * What is kept of a record once opened: whether this version restores its contents, and what
 * names it if it is left out (a client's label, a note's or session's date). Not the rest of its
 * contents: a restore of 10,000 notes would otherwise hold every note's text until it finished.
 */
export interface OpenedRecord {
  restorable: boolean;
  label?: string;
  at?: number;
}

const SCHEMAS = { clients: sealedClient, notes: sealedNote, sessions: sealedSession } as const;
type RestorableTable = keyof typeof SCHEMAS;
const isRestorableTable = (table: string): table is RestorableTable => Object.hasOwn(SCHEMAS, table);

/** `digest` is manifestDigest of this very file (computed first: it needs no key, and this must not await). */
export function checkRestore(backup: BackupFile, dek: Uint8Array, digest: string): RestoreCheck {
  const opened: (OpenedRecord | undefined)[] = new Array(backup.records.length);
  const report = verifyWithDigest(backup, dek, digest, (index, contents) => (opened[index] = summarize(backup.records[index]!.table, contents)));
  return { report, opened, ...sortRecords(backup, opened) };
}

function summarize(table: string, contents: JsonValue): OpenedRecord {
  if (!isRestorableTable(table)) return { restorable: false };
  const restorable = v.is(SCHEMAS[table], contents);
  const fields = typeof contents === 'object' && contents !== null && !Array.isArray(contents) ? contents : {};
  const at = table === 'sessions' ? fields.startedAt : table === 'notes' ? fields.updatedAt : undefined;
  return {
    restorable,
    ...(restorable && table === 'clients' && typeof fields.label === 'string' ? { label: fields.label } : {}),
    ...(typeof at === 'number' && Number.isSafeInteger(at) && at >= 0 && at < 8.64e15 ? { at } : {}),
  };
}

function sortRecords(backup: BackupFile, opened: readonly (OpenedRecord | undefined)[]): Pick<RestoreCheck, 'rows' | 'leftOut'> {
  const leftOut: LeftOutRecord[] = [];
  const leave = (record: BackupFile['records'][number], reason: LeftOutReason) =>
    leftOut.push({ table: record.table, id: record.id, ...(record.clientId === undefined ? {} : { clientId: record.clientId }), reason });
  const filedUnder = new Set(backup.clientKeys.map(({ clientId }) => clientId));
  const kept: { table: RestorableTable; id: string; clientId: string; record: BackupFile['records'][number] }[] = [];

  for (const [index, record] of backup.records.entries()) {
    const { table, id, clientId } = record;
    if (!isRestorableTable(table)) {
      leave(record, 'unknown-kind');
      continue;
    }
    const ids = [id, clientId].every((value) => v.is(recordId, value));
    if (clientId === undefined || !filedUnder.has(clientId) || !ids || (table === 'clients' && clientId !== id)) {
      leave(record, 'not-filed');
      continue;
    }
    const contents = opened[index];
    if (contents === undefined) leave(record, 'damaged');
    else if (!contents.restorable) leave(record, 'unreadable');
    else kept.push({ table, id, clientId, record });
  }

  const clientIds = new Set(kept.filter((entry) => entry.table === 'clients').map((entry) => entry.id));
  const rows: RestorableRows = { clientKeys: [], clients: [], notes: [], sessions: [] };
  for (const { table, id, clientId, record } of kept) {
    if (table === 'clients') rows.clients.push({ id, sealed: record.sealed });
    else if (!clientIds.has(clientId)) leave(record, 'client-left-out');
    else rows[table].push({ id, clientId, sealed: record.sealed });
  }
  // A key is restored only with its client: a key on its own would open nothing.
  rows.clientKeys = backup.clientKeys.filter(({ clientId }) => clientIds.has(clientId)).map(({ clientId, wrapped }) => ({ clientId, wrapped }));
  return { rows, leftOut };
}
