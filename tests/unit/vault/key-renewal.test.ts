import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { listClients, saveClient } from '@/lib/vault/store/clients-store';
import { AnteroomVaultDb } from '@/lib/vault/store/db';
import { getDraft, saveDraft } from '@/lib/vault/store/drafts-store';
import { ConflictError, VaultLockedError, WrongPassphraseError } from '@/lib/vault/errors';
import { readHeaderSlots } from '@/lib/vault/lifecycle/header-slots';
import { openRecord, sealRecord } from '@/lib/vault/crypto/envelope';
import { renewStoredKeys, settleRenewal } from '@/lib/vault/lifecycle/key-renewal';
import { unwrapClientKey, unwrapRenewalKey } from '@/lib/vault/crypto/keys';
import { allNotes, deleteNote, saveNote } from '@/lib/vault/store/notes-store';
import { listSessions, saveSession } from '@/lib/vault/store/sessions-store';
import { createStoredVault, unlockStoredVault } from '@/lib/vault/lifecycle/vault-lifecycle';
import { OTHER_PASSPHRASE, PASSPHRASE } from './helpers';
import { testKey } from './store-helpers';

/**
 * Key renewal must never leave a vault that neither passphrase opens, nor lose a record. A crash
 * is a throw right after a step is on disk (the `afterStep` hook) or a write that fails; the
 * restart is a new database handle on the same IndexedDB (fake-indexeddb), with nothing carried
 * over in memory. Each crashed vault is copied so both passphrases can be tried on it.
 */

const BATCH = 3;
const crash = (step: string) => new Error(`simulated crash after ${step}`);

interface Contents {
  clients: string[];
  notes: string[];
  sessions: string[];
  draft: string | undefined;
}

let base: { name: string; dek: Uint8Array; clientIds: string[]; contents: Contents };
const opened: AnteroomVaultDb[] = [];

function handle(name: string): AnteroomVaultDb {
  const db = new AnteroomVaultDb(name);
  opened.push(db);
  return db;
}

/** A copy of every table into a database of its own. */
async function copyOf(name: string): Promise<string> {
  const from = handle(name);
  const copyName = `renewal-copy-${crypto.randomUUID()}`;
  const to = handle(copyName);
  await from.open();
  await to.open();
  for (const table of from.tables) await to.table(table.name).bulkPut(await table.toArray());
  from.close();
  to.close();
  return copyName;
}

/** What the therapist would see, read with `dek`, and whether anything failed to open. */
async function contentsWith(db: AnteroomVaultDb, dek: Uint8Array, clientIds: readonly string[]): Promise<Contents & { damaged: number }> {
  const keys = testKey(dek);
  const clients = await listClients(db, keys);
  const notes = await allNotes(db, keys);
  let damaged = clients.damaged.length + notes.damaged.length;
  const sessions: string[] = [];
  for (const id of clientIds) {
    const listed = await listSessions(db, keys, id);
    damaged += listed.damaged.length;
    sessions.push(...listed.items.map((s) => `${s.platform}/${s.durationMinutes}`));
  }
  const draft = (await getDraft(db, keys, clientIds[0]!))?.body;
  return {
    clients: clients.items.map((c) => c.label).sort(),
    notes: notes.items.map((n) => `${n.body}|${n.tags.join(',')}`).sort(),
    sessions: sessions.sort(),
    draft,
    damaged,
  };
}

beforeAll(async () => {
  const name = `renewal-base-${crypto.randomUUID()}`;
  const db = handle(name);
  const dek = await createStoredVault(db, PASSPHRASE);
  const keys = testKey(dek);
  const clientIds: string[] = [];
  for (const label of ['Client A', 'Client B']) clientIds.push((await saveClient(db, keys, { label, contactMode: 'video' })).id);
  for (let i = 0; i < 7; i++) {
    await saveNote(db, keys, { clientId: clientIds[i % 2]!, body: `note ${i}: slept better, discussed plan ${'é'.repeat(i)}`, tags: [`t${i}`] });
  }
  for (const [i, clientId] of clientIds.entries()) {
    await saveSession(db, keys, { clientId, startedAt: Date.UTC(2026, 0, 5 + i, 10), durationMinutes: 50 + i, platform: 'doxy', checklistSnapshot: { camera: 'pass' } });
  }
  await saveDraft(db, keys, clientIds[0]!, undefined, 'half-typed sentence');
  const contents = await contentsWith(db, dek, clientIds);
  db.close();
  base = { name, dek, clientIds, contents: { clients: contents.clients, notes: contents.notes, sessions: contents.sessions, draft: contents.draft } };
  expect(contents.damaged).toBe(0);
  expect(contents.notes).toHaveLength(7);
}, 60_000);

afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of opened.splice(0)) db.close();
});

/** The steps one renewal of the base vault goes through, in order. */
async function stepsOfOneRenewal(): Promise<string[]> {
  const steps: string[] = [];
  const db = handle(await copyOf(base.name));
  await renewStoredKeys(db, PASSPHRASE, OTHER_PASSPHRASE, { batchSize: BATCH, afterStep: (step) => void steps.push(step) });
  return steps;
}

describe('renewing the keys', () => {
  it('seals every record again under new keys; only the new passphrase opens, and everything reads the same', async () => {
    const db = handle(await copyOf(base.name));
    const before = { notes: await db.notes.toArray(), clientKeys: await db.clientKeys.toArray(), header: (await readHeaderSlots(db)).current };
    const progress: number[] = [];
    const { dek, carried } = await renewStoredKeys(db, PASSPHRASE, OTHER_PASSPHRASE, {
      batchSize: BATCH,
      onProgress: ({ done, total }) => progress.push(done / total),
    });
    expect(carried).toBe(0);
    expect(dek).not.toEqual(base.dek);
    expect(progress.at(-1)).toBe(1);

    const reopened = handle(db.name);
    await expect(unlockStoredVault(reopened, PASSPHRASE)).rejects.toThrow(WrongPassphraseError);
    const unlocked = await unlockStoredVault(reopened, OTHER_PASSPHRASE);
    expect(unlocked).toEqual(dek);
    const after = await contentsWith(reopened, unlocked, base.clientIds);
    expect(after).toEqual({ ...base.contents, damaged: 0 });

    // New ciphertext for every record and client key; the nonce (the note's version) is kept.
    const notesAfter = new Map((await reopened.notes.toArray()).map((row) => [row.id, row]));
    for (const row of before.notes) {
      expect(notesAfter.get(row.id)?.sealed.n).toBe(row.sealed.n);
      expect(notesAfter.get(row.id)?.sealed.c).not.toBe(row.sealed.c);
      expect(notesAfter.get(row.id)).not.toHaveProperty('epoch');
    }
    const keysAfter = await reopened.clientKeys.toArray();
    expect(keysAfter.map((row) => row.wrapped.ct)).not.toContain(before.clientKeys[0]!.wrapped.ct);
    expect(keysAfter.every((row) => row.next === undefined)).toBe(true);
    // The old data key opens none of the new records.
    expect((await contentsWith(reopened, base.dek, base.clientIds)).notes).toEqual([]);
    const slots = await readHeaderSlots(reopened);
    expect(slots.renewal).toBeUndefined();
    expect(slots.current?.salt).not.toBe(before.header?.salt);
  }, 60_000);

  it('with a wrong current passphrase changes nothing', async () => {
    const db = handle(await copyOf(base.name));
    const before = await db.meta.toArray();
    await expect(renewStoredKeys(db, 'not the passphrase at all, sorry', OTHER_PASSPHRASE)).rejects.toThrow(WrongPassphraseError);
    expect(await db.meta.toArray()).toEqual(before);
  });
});

describe('a crash between any two steps of a key renewal', () => {
  let steps: string[];
  beforeAll(async () => {
    steps = await stepsOfOneRenewal();
  }, 60_000);

  it('goes through begin, every batch of every table, and the switch', () => {
    // 2 clients, 2 sessions, 7 notes, 1 draft in batches of 3: 1 + 1 + 3 + 1 batches.
    expect(steps[0]).toBe('begin');
    expect(steps.at(-1)).toBe('switch');
    expect(steps).toHaveLength(8);
  });

  // One case per step, so a failure names the step; `steps` is known only once the suite runs.
  for (let index = 0; index < 8; index++) {
    it(`after step ${index + 1} of 8: the old or the new passphrase opens, with every record intact`, async () => {
      const step = steps[index]!;
      const crashed = await copyOf(base.name);
      const db = handle(crashed);
      await expect(
        renewStoredKeys(db, PASSPHRASE, OTHER_PASSPHRASE, {
          batchSize: BATCH,
          afterStep: (at) => {
            if (at === step) throw crash(at);
          },
        }),
      ).rejects.toThrow(/simulated crash/);
      db.close();
      const switched = step === 'switch';

      // The restart: fresh handles, nothing in memory. The old passphrase (undoes the renewal)…
      const withOld = handle(await copyOf(crashed));
      if (switched) {
        await expect(unlockStoredVault(withOld, PASSPHRASE)).rejects.toThrow(WrongPassphraseError);
      } else {
        const dek = await unlockStoredVault(withOld, PASSPHRASE);
        expect(dek).toEqual(base.dek);
        expect(await contentsWith(withOld, dek, base.clientIds)).toEqual({ ...base.contents, damaged: 0 });
        expect((await readHeaderSlots(withOld)).renewal).toBeUndefined();
        expect((await withOld.clientKeys.toArray()).every((row) => row.next === undefined)).toBe(true);
      }
      // …and the new one (finishes it), on a second copy of the same crashed vault.
      const withNew = handle(await copyOf(crashed));
      const dek = await unlockStoredVault(withNew, OTHER_PASSPHRASE);
      expect(dek).not.toEqual(base.dek);
      expect(await contentsWith(withNew, dek, base.clientIds)).toEqual({ ...base.contents, damaged: 0 });
      const slots = await readHeaderSlots(withNew);
      expect(slots.renewal).toBeUndefined();
      expect((await withNew.notes.toArray()).some((row) => row.epoch !== undefined)).toBe(false);
    }, 90_000);
  }

  it('a write that fails half way through leaves the old passphrase opening everything', async () => {
    const db = handle(await copyOf(base.name));
    const notes = db.table('notes');
    const bulkPut = notes.bulkPut.bind(notes);
    let calls = 0;
    vi.spyOn(notes, 'bulkPut').mockImplementation((...args: Parameters<typeof bulkPut>) => {
      calls += 1;
      if (calls === 2) return Promise.reject(new DOMException('The disk is full.', 'QuotaExceededError')) as never;
      return bulkPut(...args);
    });
    await expect(renewStoredKeys(db, PASSPHRASE, OTHER_PASSPHRASE, { batchSize: BATCH })).rejects.toThrow(/full|space|quota/i);
    vi.restoreAllMocks();
    expect(calls).toBe(2);
    const reopened = handle(db.name);
    const dek = await unlockStoredVault(reopened, PASSPHRASE);
    expect(await contentsWith(reopened, dek, base.clientIds)).toEqual({ ...base.contents, damaged: 0 });
  }, 60_000);

  it('a lock in the middle stops it; the key still held settles it (a worker restart), with no passphrase', async () => {
    const db = handle(await copyOf(base.name));
    let batches = 0;
    await expect(
      renewStoredKeys(db, PASSPHRASE, OTHER_PASSPHRASE, { batchSize: BATCH, afterStep: () => void (batches += 1), stopped: () => batches >= 3 }),
    ).rejects.toThrow(VaultLockedError);
    expect((await readHeaderSlots(db)).renewal).toBeDefined();
    // The background still holds the current data key (storage.session): it undoes the renewal.
    expect(await settleRenewal(handle(db.name), base.dek)).toBe(true);
    const reopened = handle(db.name);
    expect(await contentsWith(reopened, base.dek, base.clientIds)).toEqual({ ...base.contents, damaged: 0 });
    expect(await settleRenewal(reopened, base.dek)).toBe(false);
  }, 60_000);
});

describe('writes that reach the vault while a key renewal runs (a writer the background did not hold back)', () => {
  it('a client added half way, with a note, is renewed too and opens with the new passphrase', async () => {
    const db = handle(await copyOf(base.name));
    const keys = testKey(base.dek);
    let added: string | undefined;
    const { dek } = await renewStoredKeys(db, PASSPHRASE, OTHER_PASSPHRASE, {
      batchSize: BATCH,
      afterStep: async (step) => {
        // After the clients' batch went by: the pass has already passed the place of the new row.
        if (added || !step.startsWith('notes')) return;
        added = (await saveClient(db, keys, { label: 'Client C', contactMode: 'phone' })).id;
        await saveNote(db, keys, { clientId: added, body: 'first note of a client added mid-renewal', tags: [] });
      },
    });
    expect(added).toBeDefined();
    const reopened = handle(db.name);
    expect(await unlockStoredVault(reopened, OTHER_PASSPHRASE)).toEqual(dek);
    const after = await contentsWith(reopened, dek, [...base.clientIds, added!]);
    expect(after.damaged).toBe(0);
    expect(after.clients).toEqual([...base.contents.clients, 'Client C'].sort());
    expect(after.notes).toContain('first note of a client added mid-renewal|');
    expect((await readHeaderSlots(reopened)).renewal).toBeUndefined();
  }, 60_000);

  it('a change to a client whose rows are being moved is refused, and nothing is lost', async () => {
    const db = handle(await copyOf(base.name));
    const keys = testKey(base.dek);
    let refused: unknown;
    const { dek } = await renewStoredKeys(db, PASSPHRASE, OTHER_PASSPHRASE, {
      batchSize: BATCH,
      afterStep: async (step) => {
        if (refused || step !== 'begin') return;
        refused = await saveDraft(db, keys, base.clientIds[0]!, undefined, 'typed while the keys were renewed').catch((error: unknown) => error);
      },
    });
    expect(refused).toBeInstanceOf(ConflictError);
    expect(await contentsWith(handle(db.name), dek, base.clientIds)).toEqual({ ...base.contents, damaged: 0 });
  }, 60_000);

  it('a row written straight to the table after the pass went by is moved before the switch', async () => {
    const db = handle(await copyOf(base.name));
    const clientId = base.clientIds[0]!;
    let written: string | undefined;
    await renewStoredKeys(db, PASSPHRASE, OTHER_PASSPHRASE, {
      batchSize: BATCH,
      afterStep: async (step) => {
        // The last batch (drafts): every note has been passed. A copy of a note under a new id,
        // sealed under the client's current key, as a writer bypassing the stores would write it.
        if (written || !step.startsWith('drafts')) return;
        const stored = (await db.clientKeys.get(clientId))!;
        const key = unwrapClientKey(base.dek, clientId, stored.wrapped);
        const source = (await db.notes.where('clientId').equals(clientId).first())!;
        written = 'written-after-the-pass';
        // The source was moved already: it opens under the client's next key.
        const { keys: journal } = (await readHeaderSlots(db)).renewal!;
        const nextKey = unwrapClientKey(unwrapRenewalKey(base.dek, journal.nextDek, 'next', journal.epoch)!, clientId, stored.next!);
        const contents = openRecord(nextKey, { table: 'notes', id: source.id }, source.sealed);
        await db.notes.put({ id: written, clientId, sealed: sealRecord(key, { table: 'notes', id: written }, contents) });
      },
    });
    expect(written).toBeDefined();
    const reopened = handle(db.name);
    const after = await contentsWith(reopened, await unlockStoredVault(reopened, OTHER_PASSPHRASE), base.clientIds);
    expect(after.damaged).toBe(0);
    expect(after.notes).toHaveLength(base.contents.notes.length + 1);
  }, 60_000);

  it('a note deleted between its batch being read and written stays deleted', async () => {
    const db = handle(await copyOf(base.name));
    const notes = (await db.notes.orderBy(':id').toArray()).slice(0, BATCH);
    const victim = notes[1]!.id;
    const transaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
    let deleted = false;
    vi.spyOn(db, 'transaction').mockImplementation((async (...args: unknown[]) => {
      // The first write of the notes' first batch: its rows were read, and are about to be written.
      if (!deleted && args[0] === 'rw' && (args[1] as { name?: string } | undefined)?.name === 'notes') {
        deleted = true;
        await deleteNote(db, victim);
      }
      return transaction(...args);
    }) as never);
    const { dek } = await renewStoredKeys(db, PASSPHRASE, OTHER_PASSPHRASE, { batchSize: BATCH });
    vi.restoreAllMocks();
    expect(deleted).toBe(true);
    const reopened = handle(db.name);
    expect(await reopened.notes.get(victim)).toBeUndefined();
    const after = await contentsWith(reopened, dek, base.clientIds);
    expect(after.damaged).toBe(0);
    expect(after.notes).toHaveLength(base.contents.notes.length - 1);
  }, 60_000);
});

describe('a renewal stopped, then stopped again while it is undone or finished', () => {
  for (const [label, passphrase] of [
    ['the new passphrase', OTHER_PASSPHRASE],
    ['the old passphrase', PASSPHRASE],
  ] as const) {
    it(`${label} still opens everything after the second stop`, async () => {
      const crashed = await copyOf(base.name);
      const db = handle(crashed);
      let batches = 0;
      const stopAt = (n: number) => (step: string) => {
        if (step !== 'begin' && ++batches === n) throw crash(step);
      };
      await expect(renewStoredKeys(db, PASSPHRASE, OTHER_PASSPHRASE, { batchSize: BATCH, afterStep: stopAt(3) })).rejects.toThrow(/simulated crash/);
      // Settling with the old data key moves rows back; stop it half way, so rows are on both sides.
      batches = 0;
      await expect(settleRenewal(handle(crashed), base.dek, { batchSize: BATCH, afterStep: stopAt(2) })).rejects.toThrow(/simulated crash/);

      const reopened = handle(await copyOf(crashed));
      const dek = await unlockStoredVault(reopened, passphrase);
      expect(passphrase === PASSPHRASE ? dek : undefined).toEqual(passphrase === PASSPHRASE ? base.dek : undefined);
      expect(await contentsWith(reopened, dek, base.clientIds)).toEqual({ ...base.contents, damaged: 0 });
      expect((await readHeaderSlots(reopened)).renewal).toBeUndefined();
    }, 90_000);
  }

  it('rows an older build marked with the epoch lose the mark when the renewal is settled', async () => {
    const crashed = await copyOf(base.name);
    const db = handle(crashed);
    let batches = 0;
    await expect(
      renewStoredKeys(db, PASSPHRASE, OTHER_PASSPHRASE, {
        batchSize: BATCH,
        afterStep: (step) => {
          if (step !== 'begin' && ++batches === 3) throw crash(step);
        },
      }),
    ).rejects.toThrow(/simulated crash/);
    const epoch = (await readHeaderSlots(db)).renewal!.keys.epoch;
    await db.notes.toCollection().modify((row) => void (row.epoch = epoch));
    const reopened = handle(crashed);
    const dek = await unlockStoredVault(reopened, OTHER_PASSPHRASE);
    expect(await contentsWith(reopened, dek, base.clientIds)).toEqual({ ...base.contents, damaged: 0 });
    expect((await reopened.notes.toArray()).filter((row) => 'epoch' in row)).toEqual([]);
  }, 60_000);
});

