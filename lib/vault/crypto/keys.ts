import { randomBytes } from '@noble/ciphers/utils.js';
import { encodeAad } from './aad';
import { KEY_BYTES, open, seal } from './aead';
import { base64ToBytes, bytesToBase64 } from './base64';
import { ClientKeyTamperedError, CorruptHeaderError, PassphrasePolicyError, WrongPassphraseError } from '../errors';
import { HEADER_VERSION, headerAad, parseVaultHeader, type VaultHeader } from './header';
import { deriveKek, SALT_BYTES } from './kdf';
import { DEFAULT_KDF, type ScryptParams } from './kdf-policy';
import { checkPassphrase } from './passphrase';
import { wipe } from './wipe';
import { sealedFromWrappedKey, wrappedKeyFromSealed, type WrappedKey } from './wrapped-key';

/**
 * The key hierarchy (the DEK-wrapped-by-KEK pattern of Bitwarden, Standard Notes and 1Password):
 *   passphrase --scrypt--> KEK --wraps--> DEK --wraps--> one key per client --seals--> records
 * Changing the passphrase re-wraps only the DEK, unless the therapist also renews the keys
 * (key-renewal.ts): then the DEK and every client key are new and every record is sealed again.
 * The correct passphrase is recognised only by the DEK unwrapping; no verifier is stored.
 */

export interface KeyOptions {
  /** Stronger parameters than the default; weaker ones are refused. */
  kdf?: ScryptParams;
  onProgress?: (fraction: number) => void;
}

export interface NewVault {
  header: VaultHeader;
  dek: Uint8Array;
}

export async function createVault(passphrase: string, options: KeyOptions = {}): Promise<NewVault> {
  const dek = randomBytes(KEY_BYTES);
  const header = await wrapDek(dek, passphrase, options.kdf ?? { ...DEFAULT_KDF }, options.onProgress);
  return { header, dek };
}

/** Throws WrongPassphraseError (also for an altered wrap), or a header error before deriving. */
export async function unwrapDek(
  header: VaultHeader,
  passphrase: string,
  onProgress?: (fraction: number) => void,
): Promise<Uint8Array> {
  const checked = parseVaultHeader(header);
  const kek = await deriveKek(passphrase, checked.kdf, saltOf(checked), onProgress);
  try {
    return unwrapDekWithKek(checked, kek);
  } finally {
    wipe(kek);
  }
}

/** The unwrap step alone, for callers that already hold the KEK (and for tests of the AAD binding). */
export function unwrapDekWithKek(header: VaultHeader, kek: Uint8Array): Uint8Array {
  const sealed = sealedFromWrappedKey(header.wrappedDek);
  const dek = sealed && open(kek, sealed, headerAad(header));
  if (!dek || dek.length !== KEY_BYTES) throw new WrongPassphraseError();
  return dek;
}

/**
 * Change of passphrase: the same DEK under a new KEK with a fresh salt, so no record is
 * re-encrypted. The caller proves it knows the old passphrase by holding the unlocked DEK.
 */
export async function rewrapDek(
  header: VaultHeader,
  dek: Uint8Array,
  newPassphrase: string,
  options: KeyOptions = {},
): Promise<VaultHeader> {
  const current = parseVaultHeader(header);
  return wrapDek(dek, newPassphrase, options.kdf ?? current.kdf, options.onProgress);
}

async function wrapDek(
  dek: Uint8Array,
  passphrase: string,
  kdf: ScryptParams,
  onProgress?: (fraction: number) => void,
): Promise<VaultHeader> {
  if (dek.length !== KEY_BYTES) throw new RangeError(`the data key must be ${KEY_BYTES} bytes`);
  const policy = checkPassphrase(passphrase);
  if (!policy.ok) throw new PassphrasePolicyError(policy.problems);
  const salt = randomBytes(SALT_BYTES);
  const unsigned = { v: HEADER_VERSION, kdf: { ...kdf }, salt: bytesToBase64(salt) } as const;
  const kek = await deriveKek(passphrase, kdf, salt, onProgress);
  try {
    return { ...unsigned, wrappedDek: wrappedKeyFromSealed(seal(kek, dek, headerAad(unsigned))) };
  } finally {
    wipe(kek);
  }
}

function saltOf(header: VaultHeader): Uint8Array {
  const salt = base64ToBytes(header.salt);
  if (!salt) throw new CorruptHeaderError(['salt is not base64']); // parseVaultHeader rules this out
  return salt;
}

// ---- per-client keys ----------------------------------------------------------------------

const CLIENT_KEY_FORMAT = 1;

function clientKeyAad(clientId: string): Uint8Array {
  return encodeAad('anteroom/client-key', CLIENT_KEY_FORMAT, clientId);
}

export interface NewClientKey {
  key: Uint8Array;
  wrapped: WrappedKey;
}

export function createClientKey(dek: Uint8Array, clientId: string): NewClientKey {
  const key = randomBytes(KEY_BYTES);
  return { key, wrapped: wrapClientKey(dek, clientId, key) };
}

/** A client's key wrapped under a data key (a new one, when the data key is renewed). */
export function wrapClientKey(dek: Uint8Array, clientId: string, key: Uint8Array): WrappedKey {
  return wrappedKeyFromSealed(seal(dek, key, clientKeyAad(clientId)));
}

/** The AAD binds the client id, so a wrapped key copied onto another client does not open. */
export function unwrapClientKey(dek: Uint8Array, clientId: string, wrapped: WrappedKey): Uint8Array {
  const sealed = sealedFromWrappedKey(wrapped);
  const key = sealed && open(dek, sealed, clientKeyAad(clientId));
  if (!key || key.length !== KEY_BYTES) throw new ClientKeyTamperedError(clientId);
  return key;
}

// ---- a data key wrapped under another (key renewal journal) ---------------------------------

const RENEWAL_FORMAT = 1;

/**
 * While keys are renewed, each data key is kept wrapped under the other, so whichever passphrase
 * opens the vault after a crash reaches both. `role` says which of the two is wrapped, and
 * `epoch` ties the wrap to one renewal, so the two wraps cannot be swapped or replayed.
 */
function renewalAad(role: 'next' | 'current', epoch: string): Uint8Array {
  return encodeAad('anteroom/renewal-key', RENEWAL_FORMAT, role, epoch);
}

export function wrapRenewalKey(under: Uint8Array, key: Uint8Array, role: 'next' | 'current', epoch: string): WrappedKey {
  return wrappedKeyFromSealed(seal(under, key, renewalAad(role, epoch)));
}

/** Undefined when `under` is not the key it was wrapped with. */
export function unwrapRenewalKey(under: Uint8Array, wrapped: WrappedKey, role: 'next' | 'current', epoch: string): Uint8Array | undefined {
  const sealed = sealedFromWrappedKey(wrapped);
  const key = sealed && open(under, sealed, renewalAad(role, epoch));
  return key?.length === KEY_BYTES ? key : undefined;
}
