import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  changePassphrase,
  createVault,
  listNotes,
  lockVault,
  onKeyRenewalProgress,
  saveClient,
  saveNote,
  searchNotes,
  unlockVault,
  vaultProblems,
} from '@/lib/vault-client';
import { AnteroomVaultDb } from '@/lib/vault/store/db';
import { OTHER_PASSPHRASE, PASSPHRASE, routeClientMessages, startService } from './harness';

/** Renewing the keys through lib/vault-client, against the real service. */

beforeEach(() => {
  fakeBrowser.reset();
  routeClientMessages();
});

function value<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('changing the passphrase with "renew the encryption keys"', () => {
  it('reports progress, holds other requests back meanwhile, and leaves every note readable with the new passphrase only', async () => {
    const { dbName } = startService();
    value(await createVault(PASSPHRASE));
    const { id: clientId } = value(await saveClient({ label: 'A.B.', contactMode: 'video' }));
    const bodies = Array.from({ length: 12 }, (_, i) => `note ${i}: sleep improved, plan agreed`);
    for (const body of bodies) value(await saveNote({ clientId, body, tags: [] }));
    const db = new AnteroomVaultDb(dbName);
    const before = new Map((await db.notes.toArray()).map((row) => [row.id, row.sealed.c]));

    // The order in which things settle, to show a request sent during the renewal waits for it.
    const order: string[] = [];
    const heard: { done: number; total: number }[] = [];
    let listedMeanwhile: ReturnType<typeof listNotes> | undefined;
    const stop = onKeyRenewalProgress((progress) => {
      heard.push(progress);
      // Sent from the first progress report, so while the renewal is surely running: answered
      // after it, never with half-renewed (unreadable) notes.
      if (!listedMeanwhile) {
        order.push('list sent');
        listedMeanwhile = listNotes(clientId).then((result) => (order.push('list answered'), result));
      }
    });
    const change = changePassphrase(PASSPHRASE, OTHER_PASSPHRASE, false, true).then((result) => (order.push('renewed'), result));
    expect(value(await change)).toEqual({ renewed: true, carriedDamaged: 0 });
    stop();
    expect(listedMeanwhile).toBeDefined();
    expect(value(await listedMeanwhile!).map((note) => note.body).sort()).toEqual([...bodies].sort());
    expect(order).toEqual(['list sent', 'renewed', 'list answered']);
    expect(heard.at(-1)).toEqual({ done: 13, total: 13 });

    // Every record has new ciphertext; the notes read the same, and nothing was counted as damaged.
    for (const row of await db.notes.toArray()) expect(row.sealed.c).not.toBe(before.get(row.id));
    db.close();
    expect(value(await searchNotes('plan agreed'))).toHaveLength(12);
    expect(value(await vaultProblems())).toEqual({ damaged: [] });

    value(await lockVault());
    expect(await unlockVault(PASSPHRASE)).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    value(await unlockVault(OTHER_PASSPHRASE));
    expect(value(await listNotes(clientId)).map((note) => note.body).sort()).toEqual([...bodies].sort());
  }, 120_000);

  it('with a wrong current passphrase renews nothing: the old passphrase still opens', async () => {
    startService();
    value(await createVault(PASSPHRASE));
    expect(await changePassphrase(OTHER_PASSPHRASE, 'a third passphrase, long enough', false, true)).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    value(await lockVault());
    value(await unlockVault(PASSPHRASE));
  }, 60_000);
});
