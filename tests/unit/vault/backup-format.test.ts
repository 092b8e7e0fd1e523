import { beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { parseBackup, serializeBackup, type BackupFile } from '@/lib/vault/backup/backup-format';
import { verifyBackup, verifyBackupWithDek } from '@/lib/vault/backup/backup-verify';
import { sealRecord } from '@/lib/vault/crypto/envelope';
import { BackupFormatError, WrongPassphraseError } from '@/lib/vault/errors';
import { MAX_BACKUP_FILE_CHARS } from '@/lib/vault/store/record-schemas';
import { vaultOperations } from '@/lib/vault-client/messages';
import { makeBackupFixture, type BackupFixture } from './backup-fixture';
import { OTHER_PASSPHRASE, PASSPHRASE } from './helpers';

let fixture: BackupFixture;
let text: string;

beforeAll(async () => {
  fixture = await makeBackupFixture();
  text = serializeBackup(fixture.backup);
}, 60_000);

/** A copy of the backup with one change applied, serialised. */
function edited(change: (b: Record<string, unknown> & BackupFile) => void): string {
  const copy = structuredClone(fixture.backup) as Record<string, unknown> & BackupFile;
  change(copy);
  return JSON.stringify(copy);
}

function problemsOf(input: string): string[] {
  try {
    parseBackup(input);
  } catch (error) {
    expect(error).toBeInstanceOf(BackupFormatError);
    return [...(error as BackupFormatError).problems];
  }
  throw new Error('expected parseBackup to refuse the input');
}

describe('reading a backup file', () => {
  it('reads back exactly what was written', () => {
    expect(parseBackup(text)).toEqual(fixture.backup);
  });

  it('keeps every secret sealed: no plaintext note text in the file', () => {
    expect(text).not.toContain('Session 1');
    expect(text).not.toContain('autoLockMinutes');
  });

  it.each<[string, () => string, RegExp]>([
    ['an empty file', () => '', /not valid JSON/],
    ['a file cut off while saving', () => text.slice(0, Math.floor(text.length / 2)), /incomplete.*cut off/],
    ['a JSON array', () => '[]', /not an Anteroom backup/],
    ['another product’s JSON', () => JSON.stringify({ format: 'keepass', v: 1 }), /not an Anteroom backup/],
    ['a newer format version', () => edited((b) => (b.v = 3 as 2)), /newer version of Anteroom.*update/],
    ['a version given as text', () => edited((b) => (b.v = '1' as unknown as 1)), /version is missing or unknown/],
    ['a record with a short nonce', () => edited((b) => (b.records[0]!.sealed.n = 'AAAA')), /records\.0\.sealed\.n: expected base64 of 24 bytes/],
    ['a record without an id', () => edited((b) => delete (b.records[2] as Partial<BackupFile['records'][number]>).id), /records\.2\.id/],
    ['an unexpected field', () => edited((b) => (b.plaintextNotes = ['oops'])), /plaintextNotes/],
    ['a bad creation date', () => edited((b) => (b.createdAt = 'last Tuesday')), /createdAt: expected an ISO date and time/],
    ['the same record twice', () => edited((b) => b.records.push(b.records[0]!)), /clients\/c_a1 appears twice/],
    ['the same client key twice', () => edited((b) => b.clientKeys.push(b.clientKeys[0]!)), /client c_a1 appears twice/],
    ['a header weakened below the floor', () => edited((b) => (b.header.kdf.N = 2 ** 16)), /header: .*weaker passphrase protection/],
    ['a header asking for 2 GiB', () => edited((b) => (b.header.kdf.N = 2 ** 21)), /header: .*more memory or time/],
  ])('refuses %s with a clear reason', (_, input, reason) => {
    expect(problemsOf(input()).join('\n')).toMatch(reason);
  });

  it('refuses input that is not text at all with its own error', () => {
    for (const input of [undefined, null, 42, {}, new Uint8Array(3)]) {
      expect(() => parseBackup(input as unknown as string)).toThrow(BackupFormatError);
    }
  });

  it('takes a file as long as export may make one, through the import message and the parser; one character more is refused', () => {
    // Export refuses to make a file longer than MAX_BACKUP_FILE_CHARS (client-api.test.ts); the
    // longest it can make must pass every check a restore runs on its size. JSON allows trailing space.
    const longest = text + ' '.repeat(MAX_BACKUP_FILE_CHARS - text.length);
    const importing = (file: string) => v.safeParse(vaultOperations['vault:import-backup'].schema, { type: 'vault:import-backup', text: file, passphrase: PASSPHRASE, mode: 'replace' });
    expect(importing(longest).success).toBe(true);
    expect(parseBackup(longest)).toEqual(fixture.backup);
    const over = `${longest} `;
    expect(importing(over).issues?.[0]?.message).toBe('The file is too large to be an Anteroom backup');
    expect(problemsOf(over)).toEqual(['the file is too large to be an Anteroom backup']);
  });

  it('lists at most ten problems plus a count, however broken the file', () => {
    const broken = edited((b) => b.records.forEach((r) => (r.sealed = { v: 1, n: '', c: '!' }))); // 7 records × 2 fields
    const problems = problemsOf(broken);
    expect(problems).toHaveLength(11);
    expect(problems.at(-1)).toBe('and 4 more problems');
  });
});

describe('checking a backup before restoring', () => {
  it('opens the header and every record with the right passphrase (one derivation)', async () => {
    const report = await verifyBackup(parseBackup(text), PASSPHRASE);
    expect(report).toEqual({
      ok: true,
      records: { total: 7, opened: 7, failed: [] },
      clientKeys: { total: 2, opened: 2, failed: [] },
      manifest: 'ok',
    });
  });

  it('reports a wrong passphrase as WrongPassphraseError (one derivation)', async () => {
    await expect(verifyBackup(parseBackup(text), OTHER_PASSPHRASE)).rejects.toThrow(WrongPassphraseError);
  });

  it('names a tampered record and still opens the others', async () => {
    const backup = parseBackup(edited((b) => (b.records[3]!.sealed = b.records[4]!.sealed)));
    const report = await verifyBackupWithDek(backup, fixture.dek);
    expect(report.ok).toBe(false);
    expect(report.records).toEqual({
      total: 7,
      opened: 6,
      failed: [{ table: backup.records[3]!.table, id: backup.records[3]!.id, reason: 'tampered' }],
    });
  });

  it("notices a record removed from the file, though every remaining record opens", async () => {
    const report = await verifyBackupWithDek(parseBackup(edited((b) => b.records.splice(2, 1))), fixture.dek);
    expect(report.records.failed).toEqual([]);
    expect(report.manifest).toBe('mismatch');
    expect(report.ok).toBe(false);
  });

  it('notices a record rolled back to an older valid copy of itself', async () => {
    const report = await verifyBackupWithDek(parseBackup(edited((b) => (b.records[1]!.sealed = fixture.olderSealedOfSecondRecord))), fixture.dek);
    expect(report.records.failed).toEqual([]);
    expect(report.manifest).toBe('mismatch');
    expect(report.ok).toBe(false);
  });

  it("reports a client's records as unavailable when that client's key is missing", async () => {
    const report = await verifyBackupWithDek(parseBackup(edited((b) => b.clientKeys.shift())), fixture.dek);
    expect(report.records.failed.map((f) => [f.id, f.reason])).toEqual([
      ['n_c_a1_1', 'client-key-unavailable'],
      ['n_c_a1_2', 'client-key-unavailable'],
    ]);
  });

  it('refuses a manifest sealed for another backup', async () => {
    const foreign = sealRecord(fixture.dek, { table: 'anteroom-backup-manifest', id: '2020-01-01T00:00:00.000Z' }, {});
    const report = await verifyBackupWithDek(parseBackup(edited((b) => (b.manifest = foreign))), fixture.dek);
    expect(report.manifest).toBe('tampered');
    expect(report.ok).toBe(false);
  });
});
