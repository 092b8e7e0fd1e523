import { describe, expect, it, vi } from 'vitest';
import { CorruptHeaderError, KdfBelowFloorError } from '@/lib/vault/errors';
import { headerAad, parseVaultHeader, type VaultHeader } from '@/lib/vault/crypto/header';
import { deriveKek } from '@/lib/vault/crypto/kdf';
import { unwrapDek } from '@/lib/vault/crypto/keys';
import { derivationCount } from '../setup/fast-scrypt';
import { headerWith, PASSPHRASE } from './helpers';

describe('vault header', () => {
  it('accepts the default parameters (scrypt N=2^17, r=8, p=1: the OWASP minimum)', () => {
    const header = headerWith();
    expect(parseVaultHeader(JSON.parse(JSON.stringify(header)))).toEqual(header);
  });

  it.each([
    ['N=2^18', { N: 2 ** 18 }],
    ['N=2^20', { N: 2 ** 20 }],
    ['r=16', { r: 16 }],
    ['p=4', { p: 4 }],
  ])('accepts stronger parameters (%s)', (_, kdf) => {
    expect(() => parseVaultHeader(headerWith(kdf))).not.toThrow();
  });

  it.each([
    ['N=2^16', { N: 2 ** 16 }],
    ['N=2^4', { N: 16 }],
    ['r=4', { r: 4 }],
    ['p=0', { p: 0 }],
    ['N=-1', { N: -1 }],
  ])('refuses parameters below the floor (%s) with the floor error', (_, kdf) => {
    expect(() => parseVaultHeader(headerWith(kdf))).toThrow(KdfBelowFloorError);
  });

  it('explains the floor in words a user can act on', () => {
    expect(() => parseVaultHeader(headerWith({ N: 2 ** 16 }))).toThrow(/N=65536.*N ≥ 131072.*not opened/);
  });

  it.each([
    ['N=2^21 (2 GiB)', { N: 2 ** 21 }],
    ['r=128 (2 GiB)', { r: 128 }],
    ['p=128 (two minutes of work)', { p: 128 }],
    ['N not a power of two', { N: 3 * 2 ** 17 }],
  ])('refuses parameters a tampered file could use to freeze the browser (%s)', (_, kdf) => {
    expect(() => parseVaultHeader(headerWith(kdf))).toThrow(CorruptHeaderError);
  });

  it.each<[string, (h: VaultHeader) => unknown]>([
    ['an unknown version', (h) => ({ ...h, v: 2 })],
    ['another algorithm', (h) => ({ ...h, kdf: { ...h.kdf, alg: 'pbkdf2' } })],
    ['a 64-byte key', (h) => ({ ...h, kdf: { ...h.kdf, dkLen: 64 } })],
    ['a fractional N', (h) => ({ ...h, kdf: { ...h.kdf, N: 131072.5 } })],
    ['a short salt', (h) => ({ ...h, salt: h.salt.slice(0, 24) })],
    ['a salt that is not base64', (h) => ({ ...h, salt: '!'.repeat(44) })],
    ['non-canonical base64 padding bits', (h) => ({ ...h, salt: h.salt.slice(0, 42) + 'B=' })],
    ['a missing wrapped key', ({ wrappedDek: _, ...rest }) => rest],
    ['an extra field', (h) => ({ ...h, hint: 'my dog' })],
    ['not an object at all', () => 'vault'],
  ])('reports a damaged header as corrupt (%s)', (_, damage) => {
    const header = headerWith({ N: 2 ** 17 });
    header.salt = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='; // 32 zero bytes: canonical ends in "A="
    expect(() => parseVaultHeader(damage(header))).toThrow(CorruptHeaderError);
  });

  it('refuses a weakened header before spending any time deriving a key', async () => {
    const onProgress = vi.fn();
    const derivationsBefore = derivationCount();
    await expect(unwrapDek(headerWith({ N: 2 ** 16 }), PASSPHRASE, onProgress)).rejects.toThrow(KdfBelowFloorError);
    await expect(deriveKek(PASSPHRASE, { alg: 'scrypt', N: 2 ** 10, r: 8, p: 1, dkLen: 32 }, new Uint8Array(32))).rejects.toThrow(
      KdfBelowFloorError,
    );
    expect(onProgress).not.toHaveBeenCalled();
    expect(derivationCount()).toBe(derivationsBefore);
  });

  it('has deterministic associated data that covers version, every KDF parameter and the salt', () => {
    const header = headerWith();
    const aad = headerAad(header);
    expect(headerAad(structuredClone(header))).toEqual(aad);
    // The wrapped key itself is not part of it.
    const rewrapped: VaultHeader = { ...header, wrappedDek: headerWith().wrappedDek };
    expect(headerAad(rewrapped)).toEqual(aad);
    const variants: VaultHeader[] = [
      { ...header, kdf: { ...header.kdf, N: 2 ** 18 } },
      { ...header, kdf: { ...header.kdf, r: 9 } },
      { ...header, kdf: { ...header.kdf, p: 2 } },
      { ...header, salt: headerWith().salt },
    ];
    for (const variant of variants) expect(headerAad(variant)).not.toEqual(aad);
  });
});
