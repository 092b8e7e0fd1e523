import { describe, expect, it, vi } from 'vitest';
import { openRecord } from '@/lib/vault/crypto/envelope';
import type { VaultHeader } from '@/lib/vault/crypto/header';
import { unwrapClientKey, unwrapDek } from '@/lib/vault/crypto/keys';
import golden from './fixtures/golden-vault-v1.json';

// A file made by an earlier version opens only with the real derivation it was made with.
vi.unmock(import('@/lib/vault/crypto/kdf-scrypt'));

describe('format version 1 (golden file)', () => {
  it('still unlocks and decrypts byte-identically (one derivation)', async () => {
    const goldenDek = await unwrapDek(golden.header as VaultHeader, golden.passphrase);
    const clientKeys = new Map(golden.clientKeys.map((k) => [k.clientId, unwrapClientKey(goldenDek, k.clientId, k.wrapped)]));
    for (const record of golden.records) {
      const key = 'clientId' in record && record.clientId ? clientKeys.get(record.clientId)! : goldenDek;
      expect(openRecord(key, record, record.sealed as { v: 1; n: string; c: string })).toEqual(record.plaintext);
    }
  });
});
