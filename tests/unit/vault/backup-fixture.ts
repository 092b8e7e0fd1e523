import { createBackup, type BackupClientKey, type BackupFile, type BackupRecord } from '@/lib/vault/backup/backup-format';
import { sealRecord } from '@/lib/vault/crypto/envelope';
import { createClientKey, createVault } from '@/lib/vault/crypto/keys';
import { PASSPHRASE } from './helpers';

export interface BackupFixture {
  backup: BackupFile;
  dek: Uint8Array;
  /** An earlier, valid ciphertext of records[1] (same key, same table and id): what a rollback puts back. */
  olderSealedOfSecondRecord: BackupRecord['sealed'];
}

/** A small vault as the notes page would export it: two clients with notes, and one settings record. */
export async function makeBackupFixture(): Promise<BackupFixture> {
  const { header, dek } = await createVault(PASSPHRASE);
  const clientKeys: BackupClientKey[] = [];
  const records: BackupRecord[] = [];
  let olderSealedOfSecondRecord: BackupRecord['sealed'] | undefined;

  for (const clientId of ['c_a1', 'c_b2']) {
    const client = createClientKey(dek, clientId);
    clientKeys.push({ clientId, wrapped: client.wrapped });
    records.push({ table: 'clients', id: clientId, sealed: sealRecord(dek, { table: 'clients', id: clientId }, { label: `Client ${clientId}` }) });
    for (const n of [1, 2]) {
      const ref = { table: 'notes', id: `n_${clientId}_${n}` };
      olderSealedOfSecondRecord ??= sealRecord(client.key, ref, { body: 'first draft' });
      records.push({ ...ref, clientId, sealed: sealRecord(client.key, ref, { body: `Session ${n} for ${clientId}` }) });
    }
  }
  records.push({ table: 'settings', id: 'prefs', sealed: sealRecord(dek, { table: 'settings', id: 'prefs' }, { autoLockMinutes: 15 }) });

  const createdAt = new Date('2025-01-31T18:00:00.000Z');
  return { backup: await createBackup({ header, dek, records, clientKeys, createdAt }), dek, olderSealedOfSecondRecord: olderSealedOfSecondRecord! };
}
