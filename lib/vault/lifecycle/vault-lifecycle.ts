import type { AnteroomVaultDb } from '../store/db';
import { NoVaultError, PassphrasePolicyError, VaultExistsError, WrongPassphraseError } from '../errors';
import {
  discardPendingHeader,
  promotePendingHeader,
  readHeaderSlots,
  stagePendingHeader,
  writeNewVaultHeader,
} from './header-slots';
import { createVault as createKeys, rewrapDek, unwrapDek } from '../crypto/keys';
import { settleRenewal } from './key-renewal';
import type { RenewalProgress } from './key-renewal-rows';
import type { VaultHeader } from '../crypto/header';
import { checkPassphrase } from '../crypto/passphrase';
import { wipe } from '../crypto/wipe';

/**
 * Creating, unlocking and re-keying the stored vault. Each returns the data key to the caller
 * (the background's key custody) or throws a typed error having changed nothing.
 */

export interface LifecycleOptions {
  onProgress?: (fraction: number) => void;
  /** Records settled so far, when the unlock finishes or undoes an interrupted key renewal. */
  onRenewalProgress?: (progress: RenewalProgress) => void;
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
  const { current, pending, renewal } = await readHeaderSlots(db);
  if (!current) throw new NoVaultError();
  if (renewal) return unlockDuringRenewal(db, current, renewal.header, passphrase, options);
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
 * A key renewal was interrupted (key-renewal.ts): the old passphrase opens the current header and
 * undoes it, the new one opens the renewal's header and finishes it. Both before the key is returned.
 */
async function unlockDuringRenewal(
  db: AnteroomVaultDb,
  current: VaultHeader,
  next: VaultHeader,
  passphrase: string,
  options: LifecycleOptions,
): Promise<Uint8Array> {
  let dek: Uint8Array;
  try {
    dek = await unwrapDek(current, passphrase, options.onProgress);
  } catch (error) {
    if (!(error instanceof WrongPassphraseError)) throw error;
    dek = await unwrapDek(next, passphrase, options.onProgress);
  }
  try {
    await settleRenewal(db, dek, { onProgress: options.onRenewalProgress });
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
