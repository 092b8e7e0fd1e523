import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, messageFor, type MessageCode } from '@/lib/error-messages';
import * as vaultErrors from '@/lib/vault/errors';
import { failureFrom } from '@/lib/vault/service/results';
import { ERROR_CODES } from '@/lib/vault-client/messages';

/**
 * One table of failure messages (lib/error-messages.ts): every error the vault throws takes its
 * words from it, every code a page can receive has words, and no entry sits unused.
 */

const cost = { N: 2 ** 10, r: 8, p: 1 };
const floor = { N: 2 ** 17, r: 8, p: 1 };

/** One instance of every error class, with the table entry its words must come from. */
const cases: Record<string, { make: () => Error; words: string }> = {
  WrongPassphraseError: { make: () => new vaultErrors.WrongPassphraseError(), words: messageFor('wrong-passphrase') },
  WrongPassphraseWithWaitError: { make: () => new vaultErrors.WrongPassphraseWithWaitError(2500), words: messageFor('wrong-passphrase-wait', 2500) },
  WrongBackupPassphraseError: { make: () => new vaultErrors.WrongBackupPassphraseError(), words: messageFor('wrong-backup-passphrase') },
  KdfBelowFloorError: { make: () => new vaultErrors.KdfBelowFloorError(cost, floor), words: messageFor('kdf-below-floor', cost, floor) },
  CorruptHeaderError: { make: () => new vaultErrors.CorruptHeaderError(['salt is not base64']), words: messageFor('corrupt-header', ['salt is not base64']) },
  RecordTamperedError: { make: () => new vaultErrors.RecordTamperedError('notes', 'n1'), words: messageFor('record-tampered', 'notes', 'n1') },
  ClientKeyTamperedError: { make: () => new vaultErrors.ClientKeyTamperedError('c1'), words: messageFor('client-key-tampered', 'c1') },
  PassphrasePolicyError: { make: () => new vaultErrors.PassphrasePolicyError(['Too short.']), words: messageFor('passphrase-policy', ['Too short.']) },
  BackupFormatError: { make: () => new vaultErrors.BackupFormatError(['not a backup']), words: messageFor('backup-format', ['not a backup']) },
  VaultLockedError: { make: () => new vaultErrors.VaultLockedError(), words: messageFor('locked') },
  NoVaultError: { make: () => new vaultErrors.NoVaultError(), words: messageFor('no-vault') },
  VaultExistsError: { make: () => new vaultErrors.VaultExistsError(), words: messageFor('vault-exists') },
  VaultNotEmptyError: { make: () => new vaultErrors.VaultNotEmptyError(), words: messageFor('not-empty') },
  InvalidInputError: { make: () => new vaultErrors.InvalidInputError('label: expected text'), words: messageFor('invalid-input', 'label: expected text') },
  NotFoundError: { make: () => new vaultErrors.NotFoundError('note'), words: messageFor('not-found', 'note') },
  ConflictError: { make: () => new vaultErrors.ConflictError('client'), words: messageFor('conflict', 'client') },
  BackoffError: { make: () => new vaultErrors.BackoffError(4000), words: messageFor('backoff', 4000) },
  BackupUnverifiedError: { make: () => new vaultErrors.BackupUnverifiedError(), words: messageFor('backup-unverified') },
  BackupTooLargeError: { make: () => new vaultErrors.BackupTooLargeError(60e6, 50e6), words: messageFor('backup-too-large', 60e6, 50e6) },
  ScreenShareRunningError: { make: () => new vaultErrors.ScreenShareRunningError('Open the notes anyway?'), words: messageFor('screen-sharing', 'Open the notes anyway?') },
  WeakPassphraseError: { make: () => new vaultErrors.WeakPassphraseError('Add another word.'), words: messageFor('weak-passphrase', 'Add another word.') },
  StorageUnavailableError: { make: () => new vaultErrors.StorageUnavailableError(), words: messageFor('storage-unavailable') },
  StorageFullError: { make: () => new vaultErrors.StorageFullError(), words: messageFor('quota') },
};

const errorClasses = Object.entries(vaultErrors)
  .filter(([, value]) => typeof value === 'function' && value.prototype instanceof vaultErrors.VaultError)
  .map(([name]) => name);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('error messages', () => {
  it('has a case here for every error class the vault exports', () => {
    expect(errorClasses.sort()).toEqual(Object.keys(cases).sort());
  });

  it.each(Object.entries(cases))('%s says the words of its table entry', (_name, { make, words }) => {
    const error = make();
    expect(error.message).toBe(words);
    expect(error.message.trim()).not.toBe('');
  });

  it('gives every code a page can receive words from the table', () => {
    const failures = Object.values(cases).map(({ make }) => {
      const error = make();
      const failure = failureFrom(error);
      // What crosses to the page is a known code and the error's own words.
      expect(ERROR_CODES).toContain(failure.code);
      expect(failure.message).toBe(error.message);
      return failure;
    });
    failures.push(failureFrom(new Error('anything')));
    expect([...new Set(failures.map((failure) => failure.code))].sort()).toEqual([...ERROR_CODES].sort());
    // An error nobody foresaw gets fixed words, never its own text.
    expect(failureFrom(new Error('/secret/path'))).toEqual({ code: 'unexpected', message: messageFor('unexpected') });
  });

  it('leaves no message unused: every entry is asked for by name in the code', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const code = ['lib', 'components', 'entrypoints'].flatMap((dir) => sourceFiles(join(root, dir))).map((path) => readFileSync(path, 'utf8'));
    const asked = new Set(code.flatMap((text) => [...text.matchAll(/messageFor\(\s*'([a-z-]+)'/g)].map((match) => match[1] as MessageCode)));
    expect([...asked].sort()).toEqual(Object.keys(ERROR_MESSAGES).sort());
  });

  it('gives the notes page and the bus client no failure words of their own: they ask the table', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const files = [...sourceFiles(join(root, 'entrypoints/notes')), join(root, 'lib/bus/client.ts')];
    // A failure or a field's error written out where it is raised, instead of messageFor(code).
    const inline = /(?:message:|setError\(|setLabelError\(|fail\('[a-z-]+',|found\.\w+ =)\s*['"`]/;
    const offenders = files.flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .filter((line) => inline.test(line))
        .map((line) => `${path.slice(root.length)}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});
