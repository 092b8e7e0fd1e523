import type { AnteroomVaultDb, RenewalKeys } from '../store/db';
import type { VaultHeader } from '../crypto/header';
import { VaultExistsError } from '../errors';
import { withStorage } from '../store/storage-failures';

/**
 * The two header slots (db.ts, version 2). `current` is the header the vault opens with;
 * `pending` holds a new header while the passphrase changes, so a crash between the two writes
 * leaves one header for the old passphrase and one for the new (passphrase-change.ts).
 */

export interface HeaderSlots {
  current?: VaultHeader;
  pending?: VaultHeader;
  /** A key renewal in progress (key-renewal.ts): the header it switches to, and its journal. */
  renewal?: { header: VaultHeader; keys: RenewalKeys };
}

export async function readHeaderSlots(db: AnteroomVaultDb): Promise<HeaderSlots> {
  const [current, pending, renewal] = await withStorage(() => db.meta.bulkGet(['current', 'pending', 'renewal']));
  return {
    ...(current ? { current: current.header } : {}),
    ...(pending ? { pending: pending.header } : {}),
    ...(renewal?.renewal ? { renewal: { header: renewal.header, keys: renewal.renewal } } : {}),
  };
}

/**
 * A new vault: every table emptied (rows left without a header could never be opened) and the
 * header written. Refuses, inside the same transaction, if a vault exists.
 */
export async function writeNewVaultHeader(db: AnteroomVaultDb, header: VaultHeader): Promise<void> {
  await withStorage(() =>
    db.transaction('rw', db.tables, async () => {
      if (await db.meta.get('current')) throw new VaultExistsError();
      await Promise.all(db.tables.map((table) => table.clear()));
      await db.meta.put({ key: 'current', header, writtenAt: Date.now() });
    }),
  );
}

export async function stagePendingHeader(db: AnteroomVaultDb, header: VaultHeader): Promise<void> {
  await withStorage(() => db.meta.put({ key: 'pending', header, writtenAt: Date.now() }));
}

/** The swap: one transaction, so the vault has exactly one current header before and after. */
export async function promotePendingHeader(db: AnteroomVaultDb, header: VaultHeader): Promise<void> {
  await withStorage(() =>
    db.transaction('rw', db.meta, async () => {
      await db.meta.put({ key: 'current', header, writtenAt: Date.now() });
      await db.meta.delete('pending');
    }),
  );
}

export async function discardPendingHeader(db: AnteroomVaultDb): Promise<void> {
  await withStorage(() => db.meta.delete('pending'));
}
