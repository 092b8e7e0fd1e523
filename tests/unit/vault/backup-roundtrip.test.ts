import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionRecordFor } from '@/lib/background/session-recorder';
import { customPlatformId } from '@/lib/rules/custom-platform';
import { exportVaultBackup } from '@/lib/vault/backup/backup-export';
import { parseBackup } from '@/lib/vault/backup/backup-format';
import { prepareImportWithDek, writeImport } from '@/lib/vault/backup/backup-import';
import { scheduleReminder } from '@/lib/vault/store/client-reminders';
import { listClients, recordHeardFrom, saveClient } from '@/lib/vault/store/clients-store';
import type { AnteroomVaultDb } from '@/lib/vault/store/db';
import { saveDraft } from '@/lib/vault/store/drafts-store';
import { createVault } from '@/lib/vault/crypto/keys';
import { writeNewVaultHeader } from '@/lib/vault/lifecycle/header-slots';
import type { VaultHeader } from '@/lib/vault/crypto/header';
import { listNotes, saveNote } from '@/lib/vault/store/notes-store';
import { CONTACT_MODES, LIMITS, MAX_SESSION_MINUTES } from '@/lib/vault/store/record-schemas';
import { listSessions, saveSession } from '@/lib/vault/store/sessions-store';
import { PASSPHRASE } from './helpers';
import { freshDb, testKey } from './store-helpers';

/**
 * restore(export(vault)) is the same vault: generated vaults with contents at their limits
 * (lengths, any Unicode including lone surrogates, empty and full tag lists, calls far longer
 * than a day recorded through sessionRecordFor, custom platforms with long host names) are
 * exported, read back and restored with the code import runs, and every client, note and
 * session reads the same, down to the stored bytes. Drafts are not part of a backup (unsaved
 * typing): the restored vault has none. One scrypt derivation for the whole file: every vault
 * shares one header and data key, and the restore starts after the unwrap (prepareImportWithDek).
 */

let header: VaultHeader;
let dek: Uint8Array;
beforeAll(async () => {
  ({ header, dek } = await createVault(PASSPHRASE));
}, 60_000);

const dbs: AnteroomVaultDb[] = [];
afterAll(async () => {
  await Promise.all(dbs.map((db) => db.delete()));
});
function newDb(): AnteroomVaultDb {
  const db = freshDb();
  dbs.push(db);
  return db;
}

// Any code point, lone surrogates included (JSON escapes them, so they survive sealing), and
// whole graphemes (emoji sequences, combining marks); cut to the limit in UTF-16 units, as the schemas count.
const text = (max: number, min = 0) =>
  fc
    .oneof(fc.string({ unit: 'binary', maxLength: max }), fc.string({ unit: 'grapheme', maxLength: max }), fc.string({ unit: fc.constantFrom('\ud800', '\udfff', 'é', '\u0301', '\u202e', '\n', ' '), maxLength: max }))
    .map((s) => s.slice(0, max))
    .filter((s) => s.length >= min);
const atLimit = (max: number) => fc.constantFrom('x'.repeat(max), '🌿'.repeat(max / 2));
const label = fc.oneof(text(LIMITS.label), atLimit(LIMITS.label)).filter((s) => s.trim().length > 0);
const tag = fc.oneof(text(LIMITS.tag), atLimit(LIMITS.tag)).filter((s) => s.trim().length > 0);
const tags = fc.oneof(fc.constant<string[]>([]), fc.array(tag, { maxLength: 5 }), fc.array(tag, { minLength: LIMITS.tags, maxLength: LIMITS.tags }));
const body = fc.oneof({ weight: 20, arbitrary: text(300) }, { weight: 1, arbitrary: atLimit(LIMITS.noteBody) });
const host = fc.oneof(fc.domain(), fc.constant(`${'very-long-subdomain.'.repeat(12)}example.org`));
const DAY = 24 * 60 * 60_000;
const call = fc.record({
  startedAt: fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }),
  // From an instant to three days: longer than a record holds, so the clamp is exercised.
  lengthMs: fc.oneof(fc.integer({ min: 0, max: 3 * DAY }), fc.constantFrom(MAX_SESSION_MINUTES * 60_000, MAX_SESSION_MINUTES * 60_000 + 30_000)),
  platform: fc.oneof(host.map(customPlatformId), fc.constantFrom('zoom', 'doxy', '')),
  checklist: fc.dictionary(text(64, 1), fc.constantFrom('pass', 'warn', 'fail', 'unknown', 'todo', 'done'), { maxKeys: 5 }),
});
const client = fc.record({
  label,
  contactMode: fc.constantFrom(...CONTACT_MODES),
  contractExceptions: fc.option(fc.oneof(text(200), atLimit(LIMITS.contractExceptions)), { nil: undefined }),
  heardFrom: fc.option(fc.date({ min: new Date('1970-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), { nil: undefined }),
  reminders: fc.array(fc.record({ startsAt: fc.integer({ min: Date.UTC(2101, 0, 1), max: Date.UTC(2200, 0, 1) }), remindMinutesBefore: fc.integer({ min: 0, max: 24 * 60 }), showLabel: fc.boolean() }), { maxLength: 3 }),
  notes: fc.array(fc.record({ body, tags }), { maxLength: 3 }),
  calls: fc.array(call, { maxLength: 3 }),
  draft: fc.option(text(200, 1), { nil: undefined }),
});
const vault = fc.array(client, { maxLength: 4 });

type Generated = typeof vault extends fc.Arbitrary<infer T> ? T : never;

async function fill(db: AnteroomVaultDb, clients: Generated): Promise<void> {
  const keys = testKey(dek);
  await writeNewVaultHeader(db, header);
  for (const c of clients) {
    const { id } = await saveClient(db, keys, { label: c.label, contactMode: c.contactMode, ...(c.contractExceptions === undefined ? {} : { contractExceptions: c.contractExceptions }) });
    if (c.heardFrom) await recordHeardFrom(db, keys, id, c.heardFrom.toISOString().slice(0, 10));
    for (const r of c.reminders) await scheduleReminder(db, keys, { clientId: id, ...r });
    for (const n of c.notes) await saveNote(db, keys, { clientId: id, ...n });
    for (const k of c.calls) await saveSession(db, keys, sessionRecordFor(id, { startedAt: k.startedAt, endedAt: k.startedAt + k.lengthMs, platform: k.platform }, k.checklist));
    if (c.draft !== undefined) await saveDraft(db, keys, id, undefined, c.draft);
  }
}

/** What the notes page can read from a vault, plus every stored row of the backed-up tables. */
async function everything(db: AnteroomVaultDb) {
  const keys = testKey(dek);
  const clients = await listClients(db, keys);
  const byClient = [];
  for (const { id } of clients.items.sort((a, b) => a.id.localeCompare(b.id))) {
    const [notes, sessions] = [await listNotes(db, keys, id), await listSessions(db, keys, id)];
    byClient.push({ id, notes, sessions });
  }
  const rows = async <T extends { sealed: unknown }>(table: { toArray(): Promise<T[]> }) => JSON.stringify((await table.toArray()).map((row) => JSON.stringify(row)).sort());
  return {
    clients,
    byClient,
    stored: { clientKeys: await rows(db.clientKeys as never), clients: await rows(db.clients), notes: await rows(db.notes), sessions: await rows(db.sessions) },
  };
}

describe('restore(export(vault)) gives the same vault', () => {
  it('for generated vaults at their limits', async () => {
    await fc.assert(
      fc.asyncProperty(vault, async (generated) => {
        const source = newDb();
        await fill(source, generated);
        const exported = await exportVaultBackup(source, testKey(dek));
        expect(exported.leftOut).toEqual([]);
        const backup = parseBackup(exported.text);
        expect(new Set(backup.records.map((r) => r.table))).not.toContain('drafts');

        const prepared = await prepareImportWithDek(backup, dek);
        expect(prepared.counts.skipped).toEqual({ clients: 0, notes: 0, sessions: 0, other: 0 });
        const target = newDb();
        await writeImport(target, prepared, 'replace-empty');

        const [before, after] = [await everything(source), await everything(target)];
        expect(after).toEqual(before);
        // Nothing was lost on the way in either: every generated record reads back, none damaged.
        expect(after.clients.items).toHaveLength(generated.length);
        expect(after.clients.damaged).toEqual([]);
        const counts = after.byClient.map(({ notes, sessions }) => [notes.items.length, sessions.items.length, notes.damaged.length + sessions.damaged.length]);
        const expected = generated.map((c) => [c.notes.length, c.calls.length, 0]);
        expect(counts.sort()).toEqual(expected.sort());
        expect(await target.drafts.count()).toBe(0);
        await Promise.all([source.delete(), target.delete()]);
      }),
      { numRuns: 40 },
    );
  }, 300_000);
});
