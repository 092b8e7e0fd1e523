import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { SealedRecord } from '../crypto/envelope';
import type { VaultHeader } from '../crypto/header';
import type { WrappedKey } from '../crypto/wrapped-key';

/**
 * Where the vault lives on disk: IndexedDB through Dexie 4. Only opaque random ids are in clear
 * (they are what the lookups need); everything a person wrote, and when, is a sealed record
 * (envelope.ts). A client's own record, notes, sessions and draft are sealed under
 * that client's key, so deleting the wrapped key in `clientKeys` shreds them even if a row
 * survived somewhere on disk.
 *
 * Nothing here runs at import time: WXT imports entrypoints in Node at build time, where there
 * is no IndexedDB. The database is created and opened by `openVaultDb` on first use.
 */

export const VAULT_DB_NAME = 'anteroom-vault';

/**
 * Header slots (version 2): the live one, and one staged while the passphrase changes. A key
 * renewal (key-renewal.ts) adds a third, `renewal`, for as long as it runs: the header it will
 * switch to, and the two data keys each wrapped under the other. No schema change: `meta` is
 * keyed by `key` only, and an older row simply has no `renewal`.
 */
export type HeaderSlot = 'current' | 'pending' | 'renewal';

/** The journal of a key renewal in progress (only in the `renewal` slot). */
export interface RenewalKeys {
  /** Random, one per renewal: binds the two wrapped data keys below to this renewal. */
  epoch: string;
  /** The new data key, wrapped under the current one: the old passphrase can undo the renewal. */
  nextDek: WrappedKey;
  /** The current data key, wrapped under the new one: the new passphrase can finish it. */
  currentDek: WrappedKey;
}

export interface HeaderRow {
  key: HeaderSlot;
  header: VaultHeader;
  /** ms since epoch; tells a stale pending slot from a fresh one when reading the table by hand. */
  writtenAt: number;
  renewal?: RenewalKeys;
}

export interface ClientKeyRow {
  clientId: string;
  wrapped: WrappedKey;
  /** Only while a key renewal runs: the client's new key, wrapped under the new data key. */
  next?: WrappedKey;
}

/**
 * An older build marked each row sealed under its client's `next` key with the renewal's epoch
 * while a renewal ran. Nothing writes it now; a renewal pass removes one left by an interrupted
 * renewal of such a build (key-renewal-rows.ts).
 */
export interface RenewalMark {
  epoch?: string;
}

// Rows keep in clear only the ids their lookups need (version 3): when a note was written or a
// session held is sealed inside the record, not beside it.
export interface ClientRow extends RenewalMark {
  id: string;
  sealed: SealedRecord;
}

export interface SessionRow extends RenewalMark {
  id: string;
  clientId: string;
  sealed: SealedRecord;
}

export interface NoteRow extends RenewalMark {
  id: string;
  clientId: string;
  sealed: SealedRecord;
}

/** One in-progress note per client, so typing survives a lock; `noteId` is '' for a new note. */
export interface DraftRow extends RenewalMark {
  clientId: string;
  noteId: string;
  sealed: SealedRecord;
}

/**
 * The schema, one entry per version. Versions are never edited once shipped: a change is a new
 * version with an upgrade function, and tests open a database written at every older version.
 *
 * 1. The first layout: a single header row `{ key: 'header', value }`.
 * 2. Two header slots, `current` and `pending`, so a passphrase change can stage the new header
 *    and swap it in one transaction (passphrase-change.ts); and the `drafts` table.
 * 3. No timestamps in clear: versions 1 and 2 kept each note's and client's last change and each
 *    session's start beside the sealed record, indexed, though nothing looked them up (every
 *    list is sorted after opening). They told anyone with the disk when a therapist worked on
 *    which client; the sealed records hold them still.
 */
export const VAULT_DB_VERSIONS = {
  1: {
    meta: 'key',
    clientKeys: 'clientId',
    clients: 'id, updatedAt',
    sessions: 'id, clientId, startedAt',
    notes: 'id, clientId, updatedAt',
  },
  2: {
    drafts: 'clientId, updatedAt',
  },
  3: {
    clients: 'id',
    sessions: 'id, clientId',
    notes: 'id, clientId',
    drafts: 'clientId',
  },
} as const;

export const VAULT_DB_VERSION = 3;

/** The clear timestamp columns version 3 removes, per table. */
const CLEAR_TIMESTAMPS = { clients: 'updatedAt', sessions: 'startedAt', notes: 'updatedAt', drafts: 'updatedAt' } as const;

export class AnteroomVaultDb extends Dexie {
  meta!: Table<HeaderRow, HeaderSlot>;
  clientKeys!: Table<ClientKeyRow, string>;
  clients!: Table<ClientRow, string>;
  sessions!: Table<SessionRow, string>;
  notes!: Table<NoteRow, string>;
  drafts!: Table<DraftRow, string>;

  constructor(name: string = VAULT_DB_NAME, options: DexieOptions = {}) {
    // Strict durability: "complete" means on disk, not in an OS buffer (Chrome 121 made relaxed
    // the default: developer.chrome.com/blog/indexeddb-durability-mode-now-defaults-to-relaxed).
    // A therapist's note is worth the few milliseconds; measured in tests/e2e/vault-leak.e2e.ts.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores(VAULT_DB_VERSIONS[1]);
    this.version(2)
      .stores(VAULT_DB_VERSIONS[2])
      .upgrade(async (tx) => {
        const meta = tx.table('meta');
        const legacy = (await meta.get('header')) as { value?: VaultHeader } | undefined;
        if (legacy?.value) await meta.put({ key: 'current', header: legacy.value, writtenAt: Date.now() });
        await meta.delete('header');
      });
    this.version(3)
      .stores(VAULT_DB_VERSIONS[3])
      .upgrade(async (tx) => {
        for (const [table, column] of Object.entries(CLEAR_TIMESTAMPS)) {
          await tx
            .table(table)
            .toCollection()
            .modify((row: Record<string, unknown>) => {
              delete row[column];
            });
        }
      });
  }
}
