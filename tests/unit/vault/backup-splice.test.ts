import { hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { parseBackup, serializeBackup } from '@/lib/vault/backup/backup-format';
import { prepareImport } from '@/lib/vault/backup/backup-import';
import { BackupFormatError } from '@/lib/vault/errors';
import { rewrapDek } from '@/lib/vault/crypto/keys';
import { goldenBackups as golden, goldenContents as contents } from './golden-backup-files';
import { OTHER_PASSPHRASE } from './helpers';

/**
 * Version 2 of the backup format must refuse a header spliced in from another backup of the same
 * data key, which version 1 cannot. The spliced header is made here under another passphrase, so
 * only it is derived, with the unit tests' fast stand-in; golden-backups.test.ts opens the files
 * as they were made.
 */

describe('a header from an older backup of the same data key, spliced in', () => {
  const dek = hexToBytes(contents.dek);
  /** The golden file with the header a backup made under another passphrase (same data key) would carry. */
  async function spliced(version: 1 | 2, relabel?: 1): Promise<string> {
    const file = parseBackup(golden[version]);
    const olderHeader = await rewrapDek(file.header, dek, OTHER_PASSPHRASE);
    return serializeBackup({ ...file, header: olderHeader, ...(relabel ? { v: relabel } : {}) });
  }

  it('is refused in a version 2 file: the manifest covers the header', async () => {
    const attempt = prepareImport(await spliced(2), OTHER_PASSPHRASE);
    await expect(attempt).rejects.toThrow(BackupFormatError);
    await expect(attempt).rejects.toThrow(/header were added, removed or replaced/);
  });

  it('is refused in a version 2 file relabelled as version 1 (no downgrade to the unbound manifest)', async () => {
    const attempt = prepareImport(await spliced(2, 1), OTHER_PASSPHRASE);
    await expect(attempt).rejects.toThrow(/table of contents failed its integrity check/);
  });

  it('still opens a version 1 file (the gap version 2 closes; this shows the splice above is a real one)', async () => {
    const prepared = await prepareImport(await spliced(1), OTHER_PASSPHRASE);
    expect(prepared.counts).toMatchObject({ clients: 2, notes: 2, sessions: 2 });
  });
});
