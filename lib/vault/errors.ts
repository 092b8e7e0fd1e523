/**
 * Every failure the vault core reports, as a typed error with a message a therapist can act on.
 * Messages never contain note text, passphrases or key bytes: only opaque ids and parameters.
 */

export abstract class VaultError extends Error {
  abstract readonly code: string;
}

/**
 * The wrapped data key did not open. With an authenticated cipher a wrong passphrase and a
 * tampered wrap look the same, and we deliberately do not try to tell them apart (no password
 * verifier is stored: Standard Notes protocol 004 works the same way).
 */
export class WrongPassphraseError extends VaultError {
  readonly code = 'wrong-passphrase';
  constructor() {
    super('That passphrase does not open this vault. Check it and try again; nothing was changed.');
    this.name = 'WrongPassphraseError';
  }
}

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** Downgrade protection: a header asking for less work than the OWASP minimum is refused. */
export class KdfBelowFloorError extends VaultError {
  readonly code = 'kdf-below-floor';
  constructor(
    readonly found: ScryptCost,
    readonly floor: ScryptCost,
  ) {
    super(
      `This vault asks for weaker passphrase protection (scrypt N=${found.N}, r=${found.r}, p=${found.p}) ` +
        `than Anteroom accepts (N ≥ ${floor.N}, r ≥ ${floor.r}, p ≥ ${floor.p}). ` +
        'It may have been tampered with, so it was not opened.',
    );
    this.name = 'KdfBelowFloorError';
  }
}

export class CorruptHeaderError extends VaultError {
  readonly code = 'corrupt-header';
  constructor(readonly problems: readonly string[]) {
    super(`The vault header is damaged or not one Anteroom can read: ${problems.join('; ')}.`);
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
    super(`The record ${table}/${id} failed its integrity check and was not opened. Other records are unaffected.`);
    this.name = 'RecordTamperedError';
  }
}

export class ClientKeyTamperedError extends VaultError {
  readonly code = 'client-key-tampered';
  constructor(readonly clientId: string) {
    super(`The key for client ${clientId} failed its integrity check, so that client's records cannot be opened.`);
    this.name = 'ClientKeyTamperedError';
  }
}

export class PassphrasePolicyError extends VaultError {
  readonly code = 'passphrase-policy';
  constructor(readonly problems: readonly string[]) {
    super(problems.join(' '));
    this.name = 'PassphrasePolicyError';
  }
}

/** The only error parseBackup throws, whatever the input. */
export class BackupFormatError extends VaultError {
  readonly code = 'backup-format';
  constructor(readonly problems: readonly string[]) {
    super(`This file cannot be restored: ${problems.join('; ')}`);
    this.name = 'BackupFormatError';
  }
}
