import type { AnteroomVaultDb } from './db';
import { PassphrasePolicyError, WrongPassphraseError } from './errors';
import {
  discardPendingHeader,
  promotePendingHeader,
  readHeaderSlots,
  stagePendingHeader,
  writeNewVaultHeader,
} from './header-slots';
import { createVault as createKeys, rewrapDek, unwrapDek } from './keys';
import { NoVaultError, VaultExistsError } from './operation-errors';
import { checkPassphrase } from './passphrase';
import { wipe } from './wipe';

/**
 * Creating, unlocking and re-keying the stored vault. Each returns the data key to the caller
 * (the background's key custody) or throws a typed error having changed nothing.
 */

export interface LifecycleOptions {
  onProgress?: (fraction: number) => void;
}

export async function createStoredVault(db: AnteroomVaultDb, passphrase: string, options: LifecycleOptions = {}): Promise<Uint8Array> {
  if ((await readHeaderSlots(db)).current) throw new VaultExistsError();
  const { header, dek } = await createKeys(passphrase, options);
  try {
    await writeNewVaultHeader(db, header);
  } catch (error) {
    wipe(dek);
    throw error;
  }
  return dek;
}

/**
 * Opens with the current header; if that fails and a passphrase change was interrupted after
 * its new header was staged, the new passphrase opens the pending header, which is then
 * finished (promoted). Opening with the old passphrase abandons the unfinished change.
 * Throws WrongPassphraseError when neither opens.
 */
export async function unlockStoredVault(db: AnteroomVaultDb, passphrase: string, options: LifecycleOptions = {}): Promise<Uint8Array> {
  const { current, pending } = await readHeaderSlots(db);
  if (!current) throw new NoVaultError();
  try {
    const dek = await unwrapDek(current, passphrase, options.onProgress);
    if (pending) await discardPendingHeader(db).catch(() => undefined); // retried on the next unlock
    return dek;
  } catch (error) {
    if (!(error instanceof WrongPassphraseError) || !pending) throw error;
  }
  const dek = await unwrapDek(pending, passphrase, options.onProgress);
  try {
    await promotePendingHeader(db, pending);
  } catch (error) {
    wipe(dek);
    throw error;
  }
  return dek;
}

/**
 * Passphrase change, crash-safe: (1) prove the current passphrase, (2) wrap the same data key
 * under the new one, (3) write it to the pending slot, (4) swap it in, in one transaction. Before
 * (3) only the old passphrase works; between (3) and (4) both do (unlockStoredVault); after (4)
 * only the new one. No record is re-encrypted.
 */
export async function changeStoredPassphrase(
  db: AnteroomVaultDb,
  current: string,
  next: string,
  options: LifecycleOptions = {},
): Promise<void> {
  // Checked first so a too-short new passphrase costs no derivation and no failed attempt.
  const policy = checkPassphrase(next);
  if (!policy.ok) throw new PassphrasePolicyError(policy.problems);
  const { current: header } = await readHeaderSlots(db);
  if (!header) throw new NoVaultError();
  const dek = await unwrapDek(header, current);
  try {
    const nextHeader = await rewrapDek(header, dek, next, options);
    await stagePendingHeader(db, nextHeader);
    await promotePendingHeader(db, nextHeader);
  } finally {
    wipe(dek);
  }
}
