import { messageFor, type ScryptCost } from '../error-messages';
import type { SkippedCounts } from './store/views';

/**
 * Every failure the vault reports, as a typed error: code that must tell failures apart uses
 * `instanceof`, and `code` is what lib/vault/service/results.ts turns into the code a page
 * receives. The words are in lib/error-messages.ts, by code, one table for all of them.
 */

export type { ScryptCost };

export abstract class VaultError extends Error {
  abstract readonly code: string;
}

// --- The crypto core ---------------------------------------------------------------------------

/**
 * The wrapped data key did not open. With an authenticated cipher a wrong passphrase and a
 * tampered wrap look the same, and we deliberately do not try to tell them apart (no password
 * verifier is stored: Standard Notes protocol 004 works the same way).
 */
export class WrongPassphraseError extends VaultError {
  readonly code = 'wrong-passphrase';
  constructor() {
    super(messageFor('wrong-passphrase'));
    this.name = 'WrongPassphraseError';
  }
}

/** Downgrade protection: a header asking for less work than the OWASP minimum is refused. */
export class KdfBelowFloorError extends VaultError {
  readonly code = 'kdf-below-floor';
  constructor(
    readonly found: ScryptCost,
    readonly floor: ScryptCost,
  ) {
    super(messageFor('kdf-below-floor', found, floor));
    this.name = 'KdfBelowFloorError';
  }
}

export class CorruptHeaderError extends VaultError {
  readonly code = 'corrupt-header';
  constructor(readonly problems: readonly string[]) {
    super(messageFor('corrupt-header', problems));
    this.name = 'CorruptHeaderError';
  }
}

/** One record failed authentication. It names the record, never its content; the others still open. */
export class RecordTamperedError extends VaultError {
  readonly code = 'record-tampered';
  constructor(
    readonly table: string,
    readonly id: string,
  ) {
    super(messageFor('record-tampered', table, id));
    this.name = 'RecordTamperedError';
  }
}

export class ClientKeyTamperedError extends VaultError {
  readonly code = 'client-key-tampered';
  constructor(readonly clientId: string) {
    super(messageFor('client-key-tampered', clientId));
    this.name = 'ClientKeyTamperedError';
  }
}

export class PassphrasePolicyError extends VaultError {
  readonly code = 'passphrase-policy';
  constructor(readonly problems: readonly string[]) {
    super(messageFor('passphrase-policy', problems));
    this.name = 'PassphrasePolicyError';
  }
}

/** The only error parseBackup throws, whatever the input. */
export class BackupFormatError extends VaultError {
  readonly code = 'backup-format';
  constructor(readonly problems: readonly string[]) {
    super(messageFor('backup-format', problems));
    this.name = 'BackupFormatError';
  }
}

// --- Vault operations --------------------------------------------------------------------------

export class VaultLockedError extends VaultError {
  readonly code = 'locked';
  constructor() {
    super(messageFor('locked'));
    this.name = 'VaultLockedError';
  }
}

export class NoVaultError extends VaultError {
  readonly code = 'no-vault';
  constructor() {
    super(messageFor('no-vault'));
    this.name = 'NoVaultError';
  }
}

export class VaultExistsError extends VaultError {
  readonly code = 'not-empty';
  constructor() {
    super(messageFor('vault-exists'));
    this.name = 'VaultExistsError';
  }
}

export class VaultNotEmptyError extends VaultError {
  readonly code = 'not-empty';
  /** What the backup holds that this version would leave out, so the replace question can say so first. */
  constructor(readonly skipped?: SkippedCounts) {
    super(messageFor('not-empty'));
    this.name = 'VaultNotEmptyError';
  }
}

/** The page sent something we cannot use: the message says which field, never its content. */
export class InvalidInputError extends VaultError {
  readonly code = 'invalid-input';
  constructor(detail: string) {
    super(messageFor('invalid-input', detail));
    this.name = 'InvalidInputError';
  }
}

export class NotFoundError extends VaultError {
  readonly code = 'invalid-input';
  constructor(what: 'client' | 'note' | 'session record') {
    super(messageFor('not-found', what));
    // Not 'NotFoundError': Dexie rewraps errors named like IndexedDB's DOMExceptions.
    this.name = 'RecordNotFoundError';
  }
}

/**
 * Someone else saved the same record since this one was opened (two notes pages: a tab and the
 * side panel). Nothing was written; the page keeps what was typed.
 */
export class ConflictError extends VaultError {
  readonly code = 'conflict';
  constructor(what: 'client' | 'note') {
    super(messageFor('conflict', what));
    this.name = 'ConflictError';
  }
}

/** Too many wrong passphrases in a row: the next attempt must wait. */
export class BackoffError extends VaultError {
  readonly code = 'backoff';
  constructor(readonly retryAfterMs: number) {
    super(messageFor('backoff', retryAfterMs));
    this.name = 'BackoffError';
  }
}

/** A wrong passphrase that also started (or lengthened) the wait before the next attempt. */
export class WrongPassphraseWithWaitError extends WrongPassphraseError {
  constructor(readonly retryAfterMs: number) {
    super();
    this.message = messageFor('wrong-passphrase-wait', retryAfterMs);
    this.name = 'WrongPassphraseWithWaitError';
  }
}

/** The backup's data key did not open: it needs the passphrase the vault had when the backup was made. */
export class WrongBackupPassphraseError extends WrongPassphraseError {
  constructor() {
    super();
    this.message = messageFor('wrong-backup-passphrase');
    this.name = 'WrongBackupPassphraseError';
  }
}

/** The file an export made did not pass the check a restore runs; it is not offered. */
export class BackupUnverifiedError extends VaultError {
  readonly code = 'damaged';
  constructor() {
    super(messageFor('backup-unverified'));
    this.name = 'BackupUnverifiedError';
  }
}

/** A backup larger than import accepts would be a file that can never be restored. */
export class BackupTooLargeError extends VaultError {
  readonly code = 'backup-too-large';
  constructor(
    readonly chars: number,
    readonly limit: number,
  ) {
    super(messageFor('backup-too-large', chars, limit));
    this.name = 'BackupTooLargeError';
  }
}

/**
 * A screen share is running (lib/background/screen-shares.ts) and the page did not say the
 * therapist agreed to open the notes anyway. The message is the question to ask them.
 */
export class ScreenShareRunningError extends VaultError {
  readonly code = 'screen-sharing';
  constructor(question: string) {
    super(messageFor('screen-sharing', question));
    this.name = 'ScreenShareRunningError';
  }
}

/**
 * A new passphrase zxcvbn scores under 3, sent without the therapist's explicit acceptance.
 * The message carries zxcvbn's own feedback, which describes patterns, never the passphrase.
 */
export class WeakPassphraseError extends VaultError {
  readonly code = 'weak-passphrase';
  constructor(feedback: string) {
    super(messageFor('weak-passphrase', feedback));
    this.name = 'WeakPassphraseError';
  }
}

// --- Storage (lib/vault/store/storage-failures.ts tells them apart) ---------------------------

/**
 * IndexedDB cannot be opened or written. Firefox with "Never remember history" runs the
 * extension in a private context where writes fail with InvalidStateError (dexie/Dexie.js#883,
 * w3c/webextensions#534); a corrupt Chrome backing store gives UnknownError (Dexie #543).
 * We never fall back to memory: notes would silently vanish at the next restart.
 */
export class StorageUnavailableError extends VaultError {
  readonly code = 'storage-unavailable';
  constructor() {
    super(messageFor('storage-unavailable'));
    this.name = 'StorageUnavailableError';
  }
}

/** The write was refused for lack of space; the transaction was rolled back. */
export class StorageFullError extends VaultError {
  readonly code = 'quota';
  constructor() {
    super(messageFor('quota'));
    this.name = 'StorageFullError';
  }
}
