import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBackup, serializeBackup, type BackupFile } from '@/lib/vault/backup/backup-format';
import { verifyBackup, verifyBackupWithDek } from '@/lib/vault/backup/backup-verify';
import { base64ToBytes, bytesToBase64 } from '@/lib/vault/crypto/base64';
import { BackupFormatError, VaultError, WrongPassphraseError } from '@/lib/vault/errors';
import { deriveKek } from '@/lib/vault/crypto/kdf';
import { unwrapDekWithKek } from '@/lib/vault/crypto/keys';
import { makeBackupFixture, type BackupFixture } from './backup-fixture';
import { PASSPHRASE } from './helpers';

/**
 * Thousands of damaged copies of a valid backup. Whatever the damage:
 *   - parseBackup throws nothing but BackupFormatError;
 *   - every changed record is named as failed, or (for a valid older copy) caught by the manifest;
 *   - success is reported exactly when the file says what was written.
 * Runs are seeded so a failure reproduces; fast-check prints the seed and the shrunk case.
 */

let fixture: BackupFixture;
let original: BackupFile;
let text: string;
let kek: Uint8Array;

beforeAll(async () => {
  fixture = await makeBackupFixture();
  original = fixture.backup;
  text = serializeBackup(original);
  kek = await deriveKek(PASSPHRASE, original.header.kdf, base64ToBytes(original.header.salt)!);
}, 60_000);

const sameRecord = (a: unknown, b: unknown) => isDeepStrictEqual(a, b);

type Outcome = 'refused-by-parser' | 'header-refused' | 'records-checked';

/** Parses, then checks what a restore would check, asserting the fuzz properties along the way. */
async function parseAndCheck(input: string): Promise<Outcome> {
  let parsed: BackupFile;
  try {
    parsed = parseBackup(input);
  } catch (error) {
    expect(error).toBeInstanceOf(BackupFormatError);
    return 'refused-by-parser';
  }
  if (!isDeepStrictEqual(parsed.header, original.header)) {
    // A changed header never unwraps, even with the right key: every field is bound as AAD.
    expect(() => unwrapDekWithKek(parsed.header, kek)).toThrow(WrongPassphraseError);
    return 'header-refused';
  }
  const report = await verifyBackupWithDek(parsed, fixture.dek);
  const failed = new Set(report.records.failed.map((f) => JSON.stringify([f.table, f.id])));
  for (const record of parsed.records) {
    const unchanged = original.records.some((o) => sameRecord(o, record));
    // A changed record is named as failed, unless it is a genuine older copy of itself (a
    // rollback authenticates on its own by design): then the manifest must catch it.
    if (!unchanged && !failed.has(JSON.stringify([record.table, record.id]))) expect(report.manifest).not.toBe('ok');
  }
  const identical = isDeepStrictEqual(parsed, original);
  if (report.ok) expect(identical).toBe(true);
  if (identical) expect(report.ok).toBe(true);
  return 'records-checked';
}

/** Runs a fuzz property and returns how far the inputs got, so we know the crypto checks were reached. */
async function tally(run: (count: (outcome: Outcome) => void) => Promise<void>): Promise<Record<Outcome, number>> {
  const counts: Record<Outcome, number> = { 'refused-by-parser': 0, 'header-refused': 0, 'records-checked': 0 };
  await run((outcome) => counts[outcome]++);
  return counts;
}

// ---- text-level damage ---------------------------------------------------------------------

const BASE64_AND_JSON = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="{}[],:0 \\';

const textMutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), char: fc.constantFrom(...BASE64_AND_JSON) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), chars: fc.string({ maxLength: 8 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
);

type TextMutation = typeof textMutation extends fc.Arbitrary<infer T> ? T : never;

function applyText(source: string, mutations: TextMutation[]): string {
  let out = source;
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % out.length;
    if (m.kind === 'truncate') out = out.slice(0, at);
    else if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + m.length);
    else if (m.kind === 'replace') out = out.slice(0, at) + m.char + out.slice(at + 1);
    else if (m.kind === 'insert') out = out.slice(0, at) + m.chars + out.slice(at);
    else out = out.slice(0, at) + out.slice(at, at + m.length) + out.slice(at);
  }
  return out;
}

// ---- structural damage (parses as JSON, so it reaches the crypto checks) --------------------

function flipBit(b64: string, bit: number): string {
  const bytes = base64ToBytes(b64)!;
  bytes[Math.floor(bit / 8) % bytes.length]! ^= 1 << bit % 8;
  return bytesToBase64(bytes);
}

const structuralMutation = fc.oneof(
  fc.record({ kind: fc.constant('flip-record' as const), i: fc.nat(), field: fc.constantFrom('n' as const, 'c' as const), bit: fc.nat() }),
  fc.record({ kind: fc.constant('swap-sealed' as const), i: fc.nat(), j: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), i: fc.nat(), field: fc.constantFrom('table' as const, 'id' as const), to: fc.string({ minLength: 1, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('move-to-client' as const), i: fc.nat(), to: fc.constantFrom('c_a1', 'c_b2', undefined) }),
  fc.record({ kind: fc.constant('remove-record' as const), i: fc.nat() }),
  fc.record({ kind: fc.constant('rollback' as const) }),
  fc.record({ kind: fc.constant('reorder' as const), i: fc.nat(), j: fc.nat() }),
  fc.record({ kind: fc.constant('flip-client-key' as const), i: fc.nat(), bit: fc.nat() }),
  fc.record({ kind: fc.constant('swap-client-keys' as const) }),
  fc.record({ kind: fc.constant('remove-client-key' as const), i: fc.nat() }),
  fc.record({ kind: fc.constant('flip-manifest' as const), bit: fc.nat() }),
  fc.record({ kind: fc.constant('redate' as const), ms: fc.integer({ min: 0, max: 4_000_000_000_000 }) }),
  fc.record({ kind: fc.constant('flip-header' as const), field: fc.constantFrom('salt' as const, 'nonce' as const, 'ct' as const), bit: fc.nat() }),
  fc.record({ kind: fc.constant('header-kdf' as const), N: fc.constantFrom(2 ** 16, 2 ** 18, 2 ** 19), r: fc.constantFrom(8, 9, 16), p: fc.constantFrom(1, 2) }),
);

type StructuralMutation = typeof structuralMutation extends fc.Arbitrary<infer T> ? T : never;

function applyStructure(source: BackupFile, mutations: StructuralMutation[]): BackupFile {
  const b = structuredClone(source);
  for (const m of mutations) {
    const n = b.records.length;
    const rec = (i: number) => b.records[i % n]!;
    switch (m.kind) {
      case 'flip-record':
        if (n) rec(m.i).sealed[m.field] = flipBit(rec(m.i).sealed[m.field], m.bit);
        break;
      case 'swap-sealed':
        if (n) [rec(m.i).sealed, rec(m.j).sealed] = [rec(m.j).sealed, rec(m.i).sealed];
        break;
      case 'rename':
        if (n) rec(m.i)[m.field] = m.to;
        break;
      case 'move-to-client':
        if (n) {
          if (m.to === undefined) delete rec(m.i).clientId;
          else rec(m.i).clientId = m.to;
        }
        break;
      case 'remove-record':
        if (n) b.records.splice(m.i % n, 1);
        break;
      case 'rollback':
        b.records[1]!.sealed = fixture.olderSealedOfSecondRecord;
        break;
      case 'reorder':
        if (n) [b.records[m.i % n], b.records[m.j % n]] = [rec(m.j), rec(m.i)];
        break;
      case 'flip-client-key':
        if (b.clientKeys.length) {
          const k = b.clientKeys[m.i % b.clientKeys.length]!;
          k.wrapped.ct = flipBit(k.wrapped.ct, m.bit);
        }
        break;
      case 'swap-client-keys':
        if (b.clientKeys.length === 2) [b.clientKeys[0]!.wrapped, b.clientKeys[1]!.wrapped] = [b.clientKeys[1]!.wrapped, b.clientKeys[0]!.wrapped];
        break;
      case 'remove-client-key':
        if (b.clientKeys.length) b.clientKeys.splice(m.i % b.clientKeys.length, 1);
        break;
      case 'flip-manifest':
        b.manifest.c = flipBit(b.manifest.c, m.bit);
        break;
      case 'redate':
        b.createdAt = new Date(m.ms).toISOString();
        break;
      case 'flip-header':
        if (m.field === 'salt') b.header.salt = flipBit(b.header.salt, m.bit);
        else b.header.wrappedDek[m.field] = flipBit(b.header.wrappedDek[m.field], m.bit);
        break;
      case 'header-kdf':
        b.header.kdf = { ...b.header.kdf, N: m.N, r: m.r, p: m.p };
        break;
    }
  }
  return b;
}

describe('damaged backup files', () => {
  it('a valid backup passes the same checks the fuzzer applies', async () => {
    await parseAndCheck(text);
    expect((await verifyBackupWithDek(parseBackup(text), fixture.dek)).ok).toBe(true);
  });

  it('3,000 truncated, spliced or garbled copies: only BackupFormatError, never a false success', async () => {
    const counts = await tally((count) =>
      fc.assert(
        fc.asyncProperty(fc.array(textMutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
          count(await parseAndCheck(applyText(text, mutations)));
        }),
        { numRuns: 3000, seed: 20250131 },
      ),
    );
    // Most garbling breaks the JSON; enough must survive parsing to exercise the crypto checks.
    expect(counts['records-checked']).toBeGreaterThan(200);
    expect(counts['header-refused']).toBeGreaterThan(0);
  });

  it('2,000 well-formed but tampered copies: every change is caught, success never reported', async () => {
    const counts = await tally((count) =>
      fc.assert(
        fc.asyncProperty(fc.array(structuralMutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
          count(await parseAndCheck(serializeBackup(applyStructure(original, mutations))));
        }),
        { numRuns: 2000, seed: 7914 },
      ),
    );
    expect(counts['records-checked']).toBeGreaterThan(1000);
    expect(counts['header-refused']).toBeGreaterThan(100);
  });

  it('arbitrary strings and JSON values: only BackupFormatError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ format: 'anteroom-backup', v: 1, ...(v as object) }))), (input) => {
        expect(() => parseBackup(input)).toThrow(BackupFormatError);
      }),
      { numRuns: 1000, seed: 4 },
    );
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(() => parseBackup(input as string)).toThrow(BackupFormatError);
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it('with the real passphrase, an altered header is refused by the full check (two derivations)', async () => {
    const alteredSalt = applyStructure(original, [{ kind: 'flip-header', field: 'salt', bit: 3 }]);
    const alteredNonce = applyStructure(original, [{ kind: 'flip-header', field: 'nonce', bit: 100 }]);
    for (const altered of [alteredSalt, alteredNonce]) {
      const error = await verifyBackup(parseBackup(serializeBackup(altered)), PASSPHRASE).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongPassphraseError);
      expect(error).toBeInstanceOf(VaultError);
    }
  });
});
