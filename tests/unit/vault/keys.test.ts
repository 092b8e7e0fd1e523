import { randomBytes } from '@noble/ciphers/utils.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '@/lib/vault/crypto/base64';
import { openRecord, sealRecord } from '@/lib/vault/crypto/envelope';
import { ClientKeyTamperedError, KdfBelowFloorError, PassphrasePolicyError, RecordTamperedError, WrongPassphraseError } from '@/lib/vault/errors';
import type { VaultHeader } from '@/lib/vault/crypto/header';
import { deriveKek } from '@/lib/vault/crypto/kdf';
import { createClientKey, createVault, rewrapDek, unwrapClientKey, unwrapDek, unwrapDekWithKek } from '@/lib/vault/crypto/keys';
import { OTHER_PASSPHRASE, PASSPHRASE } from './helpers';

/**
 * The key hierarchy around the derivation; the derivation is the unit tests' fast stand-in
 * (tests/unit/setup/fast-kdf.ts), and kdf.test.ts covers real scrypt.
 */

let header: VaultHeader;
let dek: Uint8Array;
let kek: Uint8Array;
const progress: number[] = [];

beforeAll(async () => {
  ({ header, dek } = await createVault(PASSPHRASE, { onProgress: (f) => progress.push(f) }));
  kek = await deriveKek(PASSPHRASE, header.kdf, base64ToBytes(header.salt)!);
});

describe('creating a vault', () => {
  it('makes a random 32-byte data key and a version-1 header at the OWASP scrypt parameters', () => {
    expect(dek).toHaveLength(32);
    expect(header.v).toBe(1);
    expect(header.kdf).toEqual({ alg: 'scrypt', N: 2 ** 17, r: 8, p: 1, dkLen: 32 });
    expect(base64ToBytes(header.salt)).toHaveLength(32);
    expect(progress.at(-1)).toBe(1);
  });

  it('stores nothing that reveals the passphrase or the data key', () => {
    const stored = JSON.stringify(header);
    expect(stored).not.toContain(PASSPHRASE);
    expect(stored).not.toContain(bytesToBase64(dek));
  });

  it('refuses a passphrase shorter than 16 characters before deriving anything', async () => {
    await expect(createVault('too short')).rejects.toThrow(PassphrasePolicyError);
  });

  it('refuses to create a vault below the scrypt floor', async () => {
    await expect(createVault(PASSPHRASE, { kdf: { alg: 'scrypt', N: 2 ** 16, r: 8, p: 1, dkLen: 32 } })).rejects.toThrow(
      KdfBelowFloorError,
    );
  });
});

describe('unlocking', () => {
  it('gives back the same data key with the right passphrase', async () => {
    expect(await unwrapDek(header, PASSPHRASE)).toEqual(dek);
  });

  it('reports a wrong passphrase as WrongPassphraseError and changes nothing', async () => {
    const before = structuredClone(header);
    await expect(unwrapDek(header, OTHER_PASSPHRASE)).rejects.toThrow(WrongPassphraseError);
    expect(header).toEqual(before);
  });

  it('does not open a header whose KDF parameters or salt were edited, even with the right key', () => {
    const edited: VaultHeader[] = [
      { ...header, kdf: { ...header.kdf, N: 2 ** 18 } },
      { ...header, kdf: { ...header.kdf, r: 9 } },
      { ...header, kdf: { ...header.kdf, p: 2 } },
      { ...header, salt: bytesToBase64(randomBytes(32)) },
    ];
    expect(unwrapDekWithKek(header, kek)).toEqual(dek);
    for (const h of edited) expect(() => unwrapDekWithKek(h, kek)).toThrow(WrongPassphraseError);
  });

  it('does not open a wrapped key with a flipped bit', () => {
    const ct = base64ToBytes(header.wrappedDek.ct)!;
    ct[5]! ^= 0x10;
    const altered = { ...header, wrappedDek: { ...header.wrappedDek, ct: bytesToBase64(ct) } };
    expect(() => unwrapDekWithKek(altered, kek)).toThrow(WrongPassphraseError);
  });
});

describe('changing the passphrase', () => {
  let rewrapped: VaultHeader;
  beforeAll(async () => {
    rewrapped = await rewrapDek(header, dek, OTHER_PASSPHRASE);
  });

  it('re-wraps only: same parameters, fresh salt, new wrap', () => {
    expect(rewrapped.kdf).toEqual(header.kdf);
    expect(rewrapped.salt).not.toBe(header.salt);
    expect(rewrapped.wrappedDek.ct).not.toBe(header.wrappedDek.ct);
  });

  it('keeps the same data key under the new passphrase, so every record still opens', async () => {
    const sealed = sealRecord(dek, { table: 'notes', id: 'n1' }, { body: 'before the change' });
    const unlocked = await unwrapDek(rewrapped, OTHER_PASSPHRASE);
    expect(unlocked).toEqual(dek);
    expect(openRecord(unlocked, { table: 'notes', id: 'n1' }, sealed)).toEqual({ body: 'before the change' });
  });

  it('stops accepting the old passphrase', async () => {
    await expect(unwrapDek(rewrapped, PASSPHRASE)).rejects.toThrow(WrongPassphraseError);
  });

  it('refuses a new passphrase that breaks the rules', async () => {
    await expect(rewrapDek(header, dek, 'short')).rejects.toThrow(PassphrasePolicyError);
  });
});

describe('stronger parameters', () => {
  it('are accepted and used as given', async () => {
    const strong = { alg: 'scrypt', N: 2 ** 18, r: 8, p: 1, dkLen: 32 } as const;
    const vault = await createVault(PASSPHRASE, { kdf: strong });
    expect(vault.header.kdf).toEqual(strong);
    expect(await unwrapDek(vault.header, PASSPHRASE)).toEqual(vault.dek);
  });
});

describe('per-client keys', () => {
  it('unwrap under the data key for the same client', () => {
    const { key, wrapped } = createClientKey(dek, 'c_1');
    expect(key).toHaveLength(32);
    expect(unwrapClientKey(dek, 'c_1', wrapped)).toEqual(key);
  });

  it('do not unwrap when copied onto another client, or under another data key', () => {
    const { wrapped } = createClientKey(dek, 'c_1');
    expect(() => unwrapClientKey(dek, 'c_2', wrapped)).toThrow(ClientKeyTamperedError);
    expect(() => unwrapClientKey(randomBytes(32), 'c_1', wrapped)).toThrow(ClientKeyTamperedError);
  });

  it("crypto-shred: once the wrapped key is gone, the client's records open under no other key", () => {
    const client = createClientKey(dek, 'c_gone');
    const ref = { table: 'notes', id: 'n_gone' };
    const sealed = sealRecord(client.key, ref, { body: 'to be forgotten' });
    const other = createClientKey(dek, 'c_other');
    for (const key of [dek, other.key]) expect(() => openRecord(key, ref, sealed)).toThrow(RecordTamperedError);
  });
});
