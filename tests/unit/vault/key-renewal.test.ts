import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { listClients, saveClient } from '@/lib/vault/clients-store';
import { AnteroomVaultDb } from '@/lib/vault/db';
import { getDraft, saveDraft } from '@/lib/vault/drafts-store';
import { WrongPassphraseError } from '@/lib/vault/errors';
import { readHeaderSlots } from '@/lib/vault/header-slots';
import { renewStoredKeys, settleRenewal } from '@/lib/vault/key-renewal';
import { allNotes, saveNote } from '@/lib/vault/notes-store';
import { VaultLockedError } from '@/lib/vault/operation-errors';
import { listSessions, saveSession } from '@/lib/vault/sessions-store';
import { createStoredVault, unlockStoredVault } from '@/lib/vault/vault-lifecycle';
import { OTHER_PASSPHRASE, PASSPHRASE } from './helpers';
import { testKey } from './store-helpers';

// The renewal's logic, not scrypt, is under test here (kdf.test.ts and passphrase-change.test.ts
// derive at the production floor): a fast stand-in keeps dozens of unlocks to seconds. It still
// depends on passphrase and salt, so a wrong passphrase still fails to unwrap.
vi.mock('@/lib/vault/kdf', async (original) => {
  const real = await original<typeof import('@/lib/vault/kdf')>();
  const { sha256 } = await import('@noble/hashes/sha2.js');
  return {
    ...real,
    deriveKek: (passphrase: string, _kdf: unknown, salt: Uint8Array) =>
      Promise.resolve(sha256(new Uint8Array([...new TextEncoder().encode(passphrase), ...salt]))),
  };
});

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
