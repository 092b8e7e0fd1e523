import * as v from 'valibot';
import { answers, call, defineOperations, EXTENSION_PAGES, type ReplyOf, type RequestOf } from '@/lib/bus/protocol';
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
  type ContactMode,
} from '@/lib/vault/store/record-schemas';
import type { BackupExport } from '@/lib/vault/backup/backup-export';
import type { MarkdownExport } from '@/lib/vault/backup/markdown-export';
import type { SessionInput } from '@/lib/vault/store/sessions-store';
import type { ClientSummary, ClientView, DamagedRecord, DraftView, ImportCounts, NoteView, SessionView, SkippedCounts } from '@/lib/vault/store/views';
/**
 * The vault's operations, between our extension pages and the background (the only holder of
 * the key): one row each, with the payload's schema, who may send it (our own pages only, never
 * a content script or another extension), what its success sets off, what it answers, and how
 * the notes page calls it (lib/vault-client builds its functions from this table). The bus
 * (lib/background/bus.ts) checks sender and schema before the handler
 * (lib/vault/service/handlers.ts) runs; pages run the same schema before sending, so a
 * mistake comes back as a plain 'invalid-input' message. Only valibot and the record schemas
 * are imported: this file is bundled into pages.
 */

/** Longer than any passphrase a person types; bounds the work one request can ask for. */
const MAX_PASSPHRASE_CHARS = 1024;
/** The same limit export checks (record-schemas.ts), so every backup made can be restored. */
export const MAX_IMPORT_CHARS = MAX_BACKUP_FILE_CHARS;

const passphrase = v.pipe(v.string(), v.minLength(1, 'Type your passphrase'), v.maxLength(MAX_PASSPHRASE_CHARS));
/** The therapist's explicit "I accept a weaker passphrase"; without it the background refuses a zxcvbn score under 3. */
const acceptWeak = v.optional(v.boolean());
const ms = v.pipe(v.number(), v.integer(), v.minValue(0));

export const LOCK_REASONS = ['user', 'screen-share', 'inactivity', 'screen-locked', 'computer-idle', 'windows-closed'] as const;
export type LockReason = (typeof LOCK_REASONS)[number];

export type VaultState = 'none' | 'locked' | 'unlocked';

const pages = EXTENSION_PAGES;
/** The page can tell storage works again after one of these succeeds; the background's watchers of the clients hear of the others. */
const writes = ['writes'] as const;
const clientsChange = ['writes', 'clients-changed'] as const;

export const vaultOperations = defineOperations({
  'vault:status': {
    payload: {},
    answers: answers<{ state: VaultState; autoLockMinutes: number }>(),
    allowedSenders: pages,
    call: call('vaultStatus', () => ({})),
  },
  /** Leaves the vault unlocked. `acceptWeak`: the therapist ticked "I accept a weaker passphrase" for this one. */
  'vault:create': {
    payload: { passphrase, acceptWeak },
    answers: answers<void>(),
    allowedSenders: pages,
    effects: clientsChange,
    call: call('createVault', (passphrase: string, acceptWeak = false) => ({ passphrase, acceptWeak })),
  },
  /** `whileSharing`: the therapist said yes to unlocking while a screen share runs (error 'screen-sharing'). */
  'vault:unlock': {
    payload: { passphrase, whileSharing: v.optional(v.literal(true)) },
    answers: answers<void>(),
    allowedSenders: pages,
    effects: ['clients-changed'],
    call: call('unlockVault', (passphrase: string, whileSharing?: boolean) => ({ passphrase, ...(whileSharing ? { whileSharing: true as const } : {}) })),
  },
  'vault:lock': {
    payload: { reason: v.optional(v.picklist(['user', 'screen-share'])) },
    answers: answers<void>(),
    allowedSenders: pages,
    call: call('lockVault', () => ({ reason: 'user' as const })),
  },
  /**
   * `renewKeys`: also a new data key and client keys, every record sealed again (key-renewal.ts;
   * progress: onKeyRenewalProgress). `carriedDamaged`: records that were already damaged, carried over as they were.
   */
  'vault:change-passphrase': {
    payload: { current: passphrase, next: passphrase, acceptWeak, renewKeys: v.optional(v.boolean()) },
    answers: answers<{ renewed: boolean; carriedDamaged: number }>(),
    allowedSenders: pages,
    effects: writes,
    call: call('changePassphrase', (current: string, next: string, acceptWeak = false, renewKeys = false) => ({
      current,
      next,
      acceptWeak,
      ...(renewKeys ? { renewKeys } : {}),
    })),
  },
  /** Records that failed their integrity check since the vault was unlocked: named by table and id, never shown. */
  'vault:problems': {
    payload: {},
    answers: answers<{ damaged: DamagedRecord[] }>(),
    allowedSenders: pages,
    call: call('vaultProblems', () => ({})),
  },
  'vault:list-clients': { payload: {}, answers: answers<ClientSummary[]>(), allowedSenders: pages, call: call('listClients', () => ({})) },
  'vault:get-client': { payload: { id: recordId }, answers: answers<ClientView>(), allowedSenders: pages, call: call('getClient', (id: string) => ({ id })) },
  'vault:save-client': {
    payload: { input: v.strictObject({ id: v.optional(recordId), label: clientLabel, contactMode, contractExceptions: v.optional(contractExceptions) }) },
    answers: answers<{ id: string }>(),
    allowedSenders: pages,
    effects: clientsChange,
    call: call('saveClient', (input: { id?: string; label: string; contactMode: ContactMode; contractExceptions?: string }) => ({ input })),
  },
  /** `date`: YYYY-MM-DD or an ISO timestamp. */
  'vault:record-heard-from': {
    payload: { clientId: recordId, date: isoDate },
    answers: answers<void>(),
    allowedSenders: pages,
    effects: clientsChange,
    call: call('recordHeardFrom', (clientId: string, date: string) => ({ clientId, date })),
  },
  /**
   * A session with a reminder `remindMinutesBefore` it starts (`startsAt`: ms). `showLabel` puts the
   * client's label in the notification, which means keeping it unencrypted in the background's own
   * IndexedDB (lib/reminders/README.md).
   */
  'vault:schedule-reminder': {
    payload: { input: v.strictObject({ clientId: recordId, startsAt: ms, remindMinutesBefore, showLabel: v.boolean() }) },
    answers: answers<{ id: string }>(),
    allowedSenders: pages,
    effects: clientsChange,
    call: call('scheduleReminder', (input: { clientId: string; startsAt: number; remindMinutesBefore: number; showLabel: boolean }) => ({ input })),
  },
  'vault:cancel-reminder': {
    payload: { clientId: recordId, id: recordId },
    answers: answers<void>(),
    allowedSenders: pages,
    effects: clientsChange,
    call: call('cancelReminder', (clientId: string, id: string) => ({ clientId, id })),
  },
  /** Crypto-shred: the client's key and every record of theirs go, and the data key is renewed, so it needs the passphrase (lib/vault/lifecycle/client-deletion.ts). */
  'vault:delete-client': {
    payload: { id: recordId, passphrase },
    answers: answers<void>(),
    allowedSenders: pages,
    effects: clientsChange,
    call: call('deleteClient', (id: string, passphrase: string) => ({ id, passphrase })),
  },
  'vault:list-notes': { payload: { clientId: recordId }, answers: answers<NoteView[]>(), allowedSenders: pages, call: call('listNotes', (clientId: string) => ({ clientId })) },
  /**
   * An edit (`id`) carries the `version` of the note it started from (NoteView.version); if another
   * window saved the note since, the answer is a 'conflict' failure and nothing is written.
   */
  'vault:save-note': {
    payload: { input: v.strictObject({ id: v.optional(recordId), version: v.optional(recordVersion), clientId: recordId, body: noteBody, tags: noteTags }) },
    answers: answers<{ id: string; updatedAt: number; version: string }>(),
    allowedSenders: pages,
    effects: writes,
    call: call('saveNote', (input: { id?: string; version?: string; clientId: string; body: string; tags: string[] }) => ({ input })),
  },
  'vault:delete-note': { payload: { id: recordId }, answers: answers<void>(), allowedSenders: pages, effects: writes, call: call('deleteNote', (id: string) => ({ id })) },
  /** Full text over decrypted notes, in background memory; every word must match. */
  'vault:search-notes': {
    payload: { query: v.pipe(v.string(), v.maxLength(LIMITS.query)) },
    answers: answers<NoteView[]>(),
    allowedSenders: pages,
    call: call('searchNotes', (query: string) => ({ query })),
  },
  'vault:list-sessions': { payload: { clientId: recordId }, answers: answers<SessionView[]>(), allowedSenders: pages, call: call('listSessions', (clientId: string) => ({ clientId })) },
  'vault:save-session': {
    payload: {
      input: v.strictObject({
        clientId: recordId,
        startedAt: ms,
        durationMinutes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(24 * 60)),
        platform: v.pipe(v.string(), v.maxLength(LIMITS.platform)),
        checklistSnapshot,
      }),
    },
    answers: answers<{ id: string }>(),
    allowedSenders: pages,
    call: call('saveSession', (input: SessionInput) => ({ input })),
  },
  'vault:delete-session': {
    payload: { clientId: recordId, id: recordId },
    answers: answers<void>(),
    allowedSenders: pages,
    call: call('deleteSession', (clientId: string, id: string) => ({ clientId, id })),
  },
  /** An empty body removes the draft, if it is the one for `noteId`. `version`: of the note the editing started from. */
  'vault:save-draft': {
    payload: { clientId: recordId, noteId: v.optional(recordId), version: v.optional(recordVersion), body: noteBody },
    answers: answers<void>(),
    allowedSenders: pages,
    effects: writes,
    call: call('saveDraft', (clientId: string, noteId: string | undefined, body: string, version?: string) => ({
      clientId,
      ...(noteId !== undefined ? { noteId } : {}),
      ...(version !== undefined ? { version } : {}),
      body,
    })),
  },
  'vault:get-draft': { payload: { clientId: recordId }, answers: answers<DraftView | null>(), allowedSenders: pages, call: call('getDraft', (clientId: string) => ({ clientId })) },
  /** `leftOut`: records the file does not hold because a restore would refuse them (none, normally). */
  'vault:export-backup': { payload: {}, answers: answers<BackupExport>(), allowedSenders: pages, bulk: true, call: call('exportBackup', () => ({})) },
  /** 'replace-empty' refuses ('not-empty') unless the vault holds nothing; 'replace' is for after the therapist confirmed. */
  'vault:import-backup': {
    payload: {
      text: v.pipe(v.string(), v.maxLength(MAX_IMPORT_CHARS, 'The file is too large to be an Anteroom backup')),
      passphrase,
      mode: v.picklist(['replace-empty', 'replace']),
      whileSharing: v.optional(v.literal(true)),
    },
    answers: answers<ImportCounts>(),
    allowedSenders: pages,
    effects: clientsChange,
    bulk: true,
    call: call('importBackup', (text: string, passphrase: string, mode: 'replace-empty' | 'replace', whileSharing?: boolean) => ({
      text,
      passphrase,
      mode,
      ...(whileSharing ? { whileSharing: true as const } : {}),
    })),
  },
  /** Plain text: the page shows its warning first. */
  'vault:export-client-markdown': {
    payload: { clientId: recordId },
    answers: answers<MarkdownExport>(),
    allowedSenders: pages,
    call: call('exportClientMarkdown', (clientId: string) => ({ clientId })),
  },
});

export type VaultOperations = typeof vaultOperations;
export type VaultRequestType = keyof VaultOperations;
export type VaultRequestOf<T extends VaultRequestType> = RequestOf<VaultOperations[T]>;
export type VaultRequest = VaultRequestOf<VaultRequestType>;
/** What each request answers with, when it succeeds. */
export type VaultReplies = { [T in VaultRequestType]: ReplyOf<VaultOperations[T]> };

/** From the background to every open page: the key is gone, show the locked state now. */
export const vaultLockedBroadcast = v.strictObject({ type: v.literal('vault:locked'), reason: v.optional(v.picklist(LOCK_REASONS)) });
export type VaultLockedBroadcast = v.InferOutput<typeof vaultLockedBroadcast>;

/** From the background while keys are renewed: records done of all records (counts only). */
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
export const vaultRenewalProgress = v.strictObject({ type: v.literal('vault:renewal-progress'), done: count, total: count });
export type VaultRenewalProgress = v.InferOutput<typeof vaultRenewalProgress>;

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
