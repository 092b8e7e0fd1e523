/**
 * Writes the golden backups (tests/fixtures/backups/): one vault, known passphrase, known
 * contents, saved as backup format version 2 (exactly as the notes page's download makes it) and
 * as version 1 (the same records, the older manifest), plus contents.json with every record's
 * plaintext and the keys, for tests and for anyone writing a reader from lib/vault/FORMAT.md.
 *
 *   npx vite-node scripts/make-golden-backups.ts
 *
 * Run it only to add a format version: the committed files must keep opening unchanged, so
 * regenerating (new random salt, keys and nonces) replaces the evidence that old files still open.
 */
import 'fake-indexeddb/auto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { bytesToHex } from '@noble/hashes/utils.js';
import { exportVaultBackup } from '../lib/vault/backup/backup-export';
import { createBackup, parseBackup, serializeBackup } from '../lib/vault/backup/backup-format';
import { recordHeardFrom, saveClient } from '../lib/vault/store/clients-store';
import { scheduleReminder } from '../lib/vault/store/client-reminders';
import type { DataKey } from '../lib/vault/crypto/data-key';
import { AnteroomVaultDb } from '../lib/vault/store/db';
import { openRecord } from '../lib/vault/crypto/envelope';
import { unwrapClientKey } from '../lib/vault/crypto/keys';
import { saveNote } from '../lib/vault/store/notes-store';
import { LIMITS, MAX_SESSION_MINUTES } from '../lib/vault/store/record-schemas';
import { saveSession } from '../lib/vault/store/sessions-store';
import { createStoredVault } from '../lib/vault/lifecycle/vault-lifecycle';

const PASSPHRASE = 'correct horse battery staple';
const CREATED_AT = new Date('2026-12-04T06:00:00.000Z');
const OUT = new URL('../tests/fixtures/backups/', import.meta.url);

const db = new AnteroomVaultDb('golden-backups');
const dek = await createStoredVault(db, PASSPHRASE);
const keys: DataKey = { use: (work) => work(dek) };

// Contents at the edges of what the schemas accept: non-ASCII labels and text, empty tag lists,
// the longest session and platform name, every optional client field.
const first = await saveClient(db, keys, { label: 'Zoë Ł. (وقت الثلاثاء) 🌿', contactMode: 'video', contractExceptions: 'Texts only on Fridays.\nNo email.' });
await recordHeardFrom(db, keys, first.id, '2026-11-30');
await scheduleReminder(db, keys, { clientId: first.id, startsAt: Date.UTC(2099, 0, 5, 15), remindMinutesBefore: 24 * 60, showLabel: false });
await saveNote(db, keys, { clientId: first.id, body: 'Línea 1\n\tindented — “quotes” and \\ backslash\n𝄞 日本語 👩🏽‍⚕️', tags: ['sleep', 'family ties', 'ß'] });
await saveNote(db, keys, { clientId: first.id, body: '', tags: [] });
await saveSession(db, keys, {
  clientId: first.id,
  startedAt: Date.UTC(2026, 10, 30, 9, 0),
  durationMinutes: MAX_SESSION_MINUTES,
  platform: 'p'.repeat(LIMITS.platform),
  checklistSnapshot: { 'private-room': 'done', 'platform-risk': 'warn' },
});
const second = await saveClient(db, keys, { label: 'K', contactMode: 'phone' });
await saveSession(db, keys, { clientId: second.id, startedAt: Date.UTC(2026, 11, 1, 17, 30), durationMinutes: 0, platform: '', checklistSnapshot: {} });

const exported = await exportVaultBackup(db, keys, CREATED_AT);
if (exported.leftOut.length > 0) throw new Error('the golden vault must back up in full');
const v2 = parseBackup(exported.text);
const v1 = await createBackup({ header: v2.header, dek, records: v2.records, clientKeys: v2.clientKeys, createdAt: CREATED_AT, version: 1 });

const clientKeys = new Map(v2.clientKeys.map(({ clientId, wrapped }) => [clientId, unwrapClientKey(dek, clientId, wrapped)]));
const contents = {
  about: 'The plaintext of every record in backup-v1.json and backup-v2.json (the same records), and the keys that open them. Test data only.',
  passphrase: PASSPHRASE,
  dek: bytesToHex(dek),
  clientKeys: Object.fromEntries([...clientKeys].map(([clientId, key]) => [clientId, bytesToHex(key)])),
  records: Object.fromEntries(v2.records.map((r) => [`${r.table}/${r.id}`, openRecord(clientKeys.get(r.clientId!)!, r, r.sealed)])),
};

mkdirSync(OUT, { recursive: true });
writeFileSync(new URL('backup-v2.json', OUT), exported.text);
writeFileSync(new URL('backup-v1.json', OUT), serializeBackup(v1));
writeFileSync(new URL('contents.json', OUT), `${JSON.stringify(contents, null, 2)}\n`);
process.stdout.write(`wrote ${v2.records.length} records for ${v2.clientKeys.length} clients, v1 and v2, to ${OUT.pathname}\n`);
