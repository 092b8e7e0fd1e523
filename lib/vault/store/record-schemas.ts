import * as v from 'valibot';

/**
 * What is inside each sealed record, and the limits on what a page may send. A record that
 * authenticates is not necessarily valid (envelope.ts), so every opened record is checked
 * against its schema too. Only valibot here: the notes page bundles this file through
 * lib/vault-client.
 */

export const CONTACT_MODES = ['video', 'audio', 'text', 'email', 'phone'] as const;
export type ContactMode = (typeof CONTACT_MODES)[number];

export const LIMITS = {
  label: 200,
  contractExceptions: 5_000,
  /** About 200 pages of text; a session note is a few KB. */
  noteBody: 500_000,
  tags: 50,
  tag: 64,
  platform: 100,
  checklistItems: 100,
  query: 500,
  /** Upcoming sessions scheduled for one client. */
  reminders: 50,
} as const;

/**
 * The longest backup file (in UTF-16 code units, as String.length counts) that Anteroom makes,
 * accepts in the import message, or parses: one limit for all three, so no file export offers can
 * be refused at restore for its size. Chrome refuses runtime messages above 64 MiB of JSON
 * (extensions messaging docs), and the file travels in one message each way; the text grows when
 * escaped, so leave room. 10,000 notes of 2 KB make ~29 MB.
 */
export const MAX_BACKUP_FILE_CHARS = 48 * 1024 * 1024;

/** Random ids we made (crypto.randomUUID), or the same alphabet from an older build. */
export const recordId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected a record id'));

/** A calendar date or a full ISO timestamp, as the page's date inputs give. */
export const isoDate = v.pipe(
  v.string(),
  v.maxLength(40),
  v.check((text) => /^\d{4}-\d{2}-\d{2}/.test(text) && !Number.isNaN(Date.parse(text)), 'expected a date'),
);

const timestamp = v.pipe(v.number(), v.integer(), v.minValue(0));

/**
 * Which stored version of a record a page opened: the sealed record's nonce (base64 of 24 random
 * bytes, fresh on every write), so two saves can never share one.
 */
export const recordVersion = v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]{32}$/, 'expected a record version'));

export const clientLabel = v.pipe(v.string(), v.trim(), v.minLength(1, 'Give the client a label'), v.maxLength(LIMITS.label));
export const contactMode = v.picklist(CONTACT_MODES);
export const contractExceptions = v.pipe(v.string(), v.maxLength(LIMITS.contractExceptions));
export const noteBody = v.pipe(v.string(), v.maxLength(LIMITS.noteBody));
export const noteTags = v.pipe(
  v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.tag))),
  v.maxLength(LIMITS.tags),
);
export const checklistSnapshot = v.pipe(
  v.record(v.pipe(v.string(), v.maxLength(64)), v.picklist(['pass', 'warn', 'fail', 'unknown', 'todo', 'done'])),
  v.check((record) => Object.keys(record).length <= LIMITS.checklistItems, 'too many checklist items'),
);

/** "Remind me N minutes before": up to a day ahead. */
export const remindMinutesBefore = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(24 * 60));

/** A session the therapist scheduled, and how its reminder should look (lib/reminders). */
export const sealedReminder = v.strictObject({
  id: recordId,
  startsAt: timestamp,
  remindMinutesBefore,
  /** The therapist chose to see the client's label in the notification (stored in clear for it). */
  showLabel: v.boolean(),
});
export type SealedReminder = v.InferOutput<typeof sealedReminder>;

export const sealedClient = v.strictObject({
  label: clientLabel,
  contactMode,
  contractExceptions: v.optional(contractExceptions),
  lastHeardFrom: v.optional(isoDate),
  reminders: v.optional(v.pipe(v.array(sealedReminder), v.maxLength(LIMITS.reminders))),
  updatedAt: timestamp,
});
export type SealedClient = v.InferOutput<typeof sealedClient>;

export const sealedNote = v.strictObject({ body: noteBody, tags: noteTags, updatedAt: timestamp });
export type SealedNote = v.InferOutput<typeof sealedNote>;

/** The longest session a record holds: a day (a call left open longer is recorded as this). */
export const MAX_SESSION_MINUTES = 24 * 60;

export const sealedSession = v.strictObject({
  date: isoDate,
  startedAt: timestamp,
  durationMinutes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_SESSION_MINUTES)),
  platform: v.pipe(v.string(), v.maxLength(LIMITS.platform)),
  checklistSnapshot,
});
export type SealedSession = v.InferOutput<typeof sealedSession>;

/** `version`: the version of the note (noteId) the editing started from, so a later save can tell if it changed. */
export const sealedDraft = v.strictObject({ noteId: v.optional(recordId), version: v.optional(recordVersion), body: noteBody, updatedAt: timestamp });
export type SealedDraft = v.InferOutput<typeof sealedDraft>;
