import { messageType } from '@/lib/messages';
import * as v from 'valibot';
import {
  checklistSnapshot,
  clientLabel,
  contactMode,
  contractExceptions,
  isoDate,
  LIMITS,
  MAX_BACKUP_FILE_CHARS,
  noteBody,
  noteTags,
  recordId,
  recordVersion,
  remindMinutesBefore,
} from '@/lib/vault/store/record-schemas';
import type { BackupExport } from '@/lib/vault/backup/backup-export';
import type { MarkdownExport } from '@/lib/vault/backup/markdown-export';
import type { ClientSummary, ClientView, DamagedRecord, DraftView, ImportCounts, NoteView, SessionView, SkippedCounts } from '@/lib/vault/store/views';

/**
 * The vault's message protocol between extension pages and the background (the only holder of
 * the key). The background validates every request with `vaultRequest` after checking that it
 * comes from one of our own extension pages; anything else gets no answer at all. Pages run the
 * same schema before sending, so a mistake comes back as a plain 'invalid-input' message.
 * Only valibot and the record schemas are imported: this file is bundled into pages.
 */

/** Longer than any passphrase a person types; bounds the work one request can ask for. */
const MAX_PASSPHRASE_CHARS = 1024;
/** The same limit export checks (record-schemas.ts), so every backup made can be restored. */
export const MAX_IMPORT_CHARS = MAX_BACKUP_FILE_CHARS;

const passphrase = v.pipe(v.string(), v.minLength(1, 'Type your passphrase'), v.maxLength(MAX_PASSPHRASE_CHARS));
/** The therapist's explicit "I accept a weaker passphrase"; without it the background refuses a zxcvbn score under 3. */
const acceptWeak = v.optional(v.boolean());

const request = <T extends string, E extends v.ObjectEntries>(type: T, entries: E) =>
  v.strictObject({ type: v.literal(type), ...entries });

export const LOCK_REASONS = ['user', 'screen-share', 'inactivity', 'screen-locked', 'computer-idle', 'windows-closed'] as const;
export type LockReason = (typeof LOCK_REASONS)[number];

export const vaultRequest = v.variant('type', [
  request('vault:status', {}),
  request('vault:create', { passphrase, acceptWeak }),
  // whileSharing: the therapist answered yes to "a screen share is running: unlock anyway?".
  request('vault:unlock', { passphrase, whileSharing: v.optional(v.literal(true)) }),
  request('vault:lock', { reason: v.optional(v.picklist(['user', 'screen-share'])) }),
  /** `renewKeys`: also a new data key and client keys, every record sealed again (key-renewal.ts). */
  request('vault:change-passphrase', { current: passphrase, next: passphrase, acceptWeak, renewKeys: v.optional(v.boolean()) }),
  request('vault:problems', {}),
  request('vault:list-clients', {}),
  request('vault:get-client', { id: recordId }),
  request('vault:save-client', {
    input: v.strictObject({
      id: v.optional(recordId),
      label: clientLabel,
      contactMode,
      contractExceptions: v.optional(contractExceptions),
    }),
  }),
  request('vault:record-heard-from', { clientId: recordId, date: isoDate }),
  request('vault:schedule-reminder', {
    input: v.strictObject({
      clientId: recordId,
      startsAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
      remindMinutesBefore,
      showLabel: v.boolean(),
    }),
  }),
  request('vault:cancel-reminder', { clientId: recordId, id: recordId }),
  /** The passphrase renews the data key with the deletion (lib/vault/lifecycle/client-deletion.ts). */
  request('vault:delete-client', { id: recordId, passphrase }),
  request('vault:list-notes', { clientId: recordId }),
  request('vault:save-note', {
    input: v.strictObject({ id: v.optional(recordId), version: v.optional(recordVersion), clientId: recordId, body: noteBody, tags: noteTags }),
  }),
  request('vault:delete-note', { id: recordId }),
  request('vault:search-notes', { query: v.pipe(v.string(), v.maxLength(LIMITS.query)) }),
  request('vault:list-sessions', { clientId: recordId }),
  request('vault:save-session', {
    input: v.strictObject({
      clientId: recordId,
      startedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
      durationMinutes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(24 * 60)),
      platform: v.pipe(v.string(), v.maxLength(LIMITS.platform)),
      checklistSnapshot,
    }),
  }),
  request('vault:delete-session', { clientId: recordId, id: recordId }),
  request('vault:save-draft', { clientId: recordId, noteId: v.optional(recordId), version: v.optional(recordVersion), body: noteBody }),
  request('vault:get-draft', { clientId: recordId }),
  request('vault:export-backup', {}),
  request('vault:import-backup', {
    text: v.pipe(v.string(), v.maxLength(MAX_IMPORT_CHARS, 'The file is too large to be an Anteroom backup')),
    passphrase,
    mode: v.picklist(['replace-empty', 'replace']),
    whileSharing: v.optional(v.literal(true)),
  }),
  request('vault:export-client-markdown', { clientId: recordId }),
]);

export type VaultRequest = v.InferOutput<typeof vaultRequest>;
export type VaultRequestType = VaultRequest['type'];
export type VaultRequestOf<T extends VaultRequestType> = Extract<VaultRequest, { type: T }>;

export type VaultState = 'none' | 'locked' | 'unlocked';

/** What each request answers with, when it succeeds. */
export interface VaultReplies {
  'vault:status': { state: VaultState; autoLockMinutes: number };
  'vault:create': void;
  'vault:unlock': void;
  'vault:lock': void;
  /** `carriedDamaged`: records that were already damaged, carried over as they were. */
  'vault:change-passphrase': { renewed: boolean; carriedDamaged: number };
  'vault:problems': { damaged: DamagedRecord[] };
  'vault:list-clients': ClientSummary[];
  'vault:get-client': ClientView;
  'vault:save-client': { id: string };
  'vault:record-heard-from': void;
  'vault:schedule-reminder': { id: string };
  'vault:cancel-reminder': void;
  'vault:delete-client': void;
  'vault:list-notes': NoteView[];
  'vault:save-note': { id: string; updatedAt: number; version: string };
  'vault:delete-note': void;
  'vault:search-notes': NoteView[];
  'vault:list-sessions': SessionView[];
  'vault:save-session': { id: string };
  'vault:delete-session': void;
  'vault:save-draft': void;
  'vault:get-draft': DraftView | null;
  'vault:export-backup': BackupExport;
  'vault:import-backup': ImportCounts;
  'vault:export-client-markdown': MarkdownExport;
}

/** From the background to every open page: the key is gone, show the locked state now. */
export const vaultLockedBroadcast = v.strictObject({ type: v.literal('vault:locked'), reason: v.optional(v.picklist(LOCK_REASONS)) });
export type VaultLockedBroadcast = v.InferOutput<typeof vaultLockedBroadcast>;

/** From the background while keys are renewed: records done of all records (counts only). */
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
export const vaultRenewalProgress = v.strictObject({ type: v.literal('vault:renewal-progress'), done: count, total: count });
export type VaultRenewalProgress = v.InferOutput<typeof vaultRenewalProgress>;

/** Messages that look like ours; the background answers only these (and only after its checks). */
export function isVaultMessage(message: unknown): message is { type: string } {
  return messageType(message)?.startsWith('vault:') === true;
}

export const ERROR_CODES = [
  'wrong-passphrase',
  'backoff',
  'locked',
  'no-vault',
  'storage-unavailable',
  'quota',
  'invalid-input',
  'backup-invalid',
  /** The vault is too large for one backup file that could be restored. */
  'backup-too-large',
  'kdf-floor',
  /** A new passphrase zxcvbn scores under 3, without the explicit "I accept a weaker passphrase". */
  'weak-passphrase',
  'not-empty',
  /** A screen share is running; the message asks whether to open the notes anyway. */
  'screen-sharing',
  /** A record, a client key or the header failed its integrity check. */
  'damaged',
  /** Another window saved the same note or client since this page opened it; nothing was written. */
  'conflict',
  /** The background did not answer, or failed in a way we did not foresee. */
  'unexpected',
] as const;
export type VaultErrorCode = (typeof ERROR_CODES)[number];

export interface VaultFailure {
  code: VaultErrorCode | (string & {});
  message: string;
  retryAfterMs?: number;
  /** With 'not-empty' from a restore: what the backup holds that this version would leave out. */
  skipped?: SkippedCounts;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: VaultFailure };
