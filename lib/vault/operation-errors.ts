import type { SkippedCounts } from './store/views';
import { VaultError, WrongPassphraseError } from './errors';

/**
 * Failures of vault operations (as opposed to the crypto core's): each carries the code pages
 * receive. Messages name what to do; they never contain note text.
 */

export class VaultLockedError extends VaultError {
  readonly code = 'locked';
  constructor() {
    super('The vault is locked. Unlock it with your passphrase to continue.');
    this.name = 'VaultLockedError';
  }
}

export class NoVaultError extends VaultError {
  readonly code = 'no-vault';
  constructor() {
    super('There is no vault on this browser yet. Create one to keep notes.');
    this.name = 'NoVaultError';
  }
}

export class VaultExistsError extends VaultError {
  readonly code = 'not-empty';
  constructor() {
    super('A vault already exists on this browser. Unlock it instead, or restore a backup over it.');
    this.name = 'VaultExistsError';
  }
}

export class VaultNotEmptyError extends VaultError {
  readonly code = 'not-empty';
  /** What the backup holds that this version would leave out, so the replace question can say so first. */
  constructor(readonly skipped?: SkippedCounts) {
    super('This vault already holds clients or notes. Restoring would replace them; confirm to replace, or export a backup first.');
    this.name = 'VaultNotEmptyError';
  }
}

/** The page sent something we cannot use: the message says which field, never its content. */
export class InvalidInputError extends VaultError {
  readonly code = 'invalid-input';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidInputError';
  }
}

export class NotFoundError extends VaultError {
  readonly code = 'invalid-input';
  constructor(what: 'client' | 'note' | 'session record') {
    super(`That ${what} no longer exists; it may have been deleted in another window.`);
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
    super(
      what === 'note'
        ? 'This note was changed in another Anteroom window; your text is kept here — copy it, reload the note, and paste your changes.'
        : 'This client was changed in another Anteroom window at the same moment; nothing was saved. Try again.',
    );
    this.name = 'ConflictError';
  }
}

/** Too many wrong passphrases in a row: the next attempt must wait. */
export class BackoffError extends VaultError {
  readonly code = 'backoff';
  constructor(readonly retryAfterMs: number) {
    super(`Too many wrong passphrases. Wait ${Math.ceil(retryAfterMs / 1000)} seconds, then try again.`);
    this.name = 'BackoffError';
  }
}

/** A wrong passphrase that also started (or lengthened) the wait before the next attempt. */
export class WrongPassphraseWithWaitError extends WrongPassphraseError {
  constructor(readonly retryAfterMs: number) {
    super();
    if (retryAfterMs > 0) this.message += ` Wait ${Math.ceil(retryAfterMs / 1000)} seconds before the next try.`;
    this.name = 'WrongPassphraseWithWaitError';
  }
}

/** The backup's data key did not open: it needs the passphrase the vault had when the backup was made. */
export class WrongBackupPassphraseError extends WrongPassphraseError {
  constructor() {
    super();
    this.message = 'That passphrase does not open this backup. Use the passphrase the vault had when the backup was made; nothing was changed.';
    this.name = 'WrongBackupPassphraseError';
  }
}

/** The file an export made did not pass the check a restore runs; it is not offered. */
export class BackupUnverifiedError extends VaultError {
  readonly code = 'damaged';
  constructor() {
    super('Anteroom made a backup file but could not confirm that it restores, so it was not downloaded. Nothing was changed. Try again; if this keeps happening, lock and unlock your notes first.');
    this.name = 'BackupUnverifiedError';
  }
}

/** A backup larger than import accepts (MAX_BACKUP_FILE_CHARS) would be a file that can never be restored. */
export class BackupTooLargeError extends VaultError {
  readonly code = 'backup-too-large';
  constructor(
    readonly chars: number,
    readonly limit: number,
  ) {
    const mb = (n: number) => Math.ceil(n / (1024 * 1024));
    super(
      `Your notes are too large to back up in one file (${mb(chars)} MB); Anteroom can restore at most ${mb(limit)} MB. ` +
        'Nothing was exported. Delete notes or clients you no longer need to keep, then try again.',
    );
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
    super(question);
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
    super(`This passphrase would be easy to guess.${feedback ? ` ${feedback}` : ''} Choose a stronger one, or confirm that you accept a weaker passphrase.`);
    this.name = 'WeakPassphraseError';
  }
}
