/**
 * The messages Anteroom shows for its own failures, by code, in one table: every vault error
 * (lib/vault/errors.ts), the background's answer to an error nobody foresaw, the notice a page
 * shows when it stops working (components/page-errors.ts), and what the notes page's forms say
 * when a box is empty or wrong. Messages say what happened and what to do; they never carry note
 * text, a passphrase or key bytes, only opaque ids, file names the therapist chose, counts and
 * parameters.
 *
 * A code here is the message's name; the code a page receives may be coarser (several of these
 * reach a page as 'invalid-input' or 'damaged'; lib/vault/service/results.ts maps them).
 */

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

const seconds = (ms: number) => Math.ceil(ms / 1000);
const megabytes = (chars: number) => Math.ceil(chars / (1024 * 1024));
const WRONG_PASSPHRASE = 'That passphrase does not open this vault. Check it and try again; nothing was changed.';

export const ERROR_MESSAGES = {
  // The crypto core.
  'wrong-passphrase': () => WRONG_PASSPHRASE,
  'wrong-passphrase-wait': (retryAfterMs: number) =>
    retryAfterMs > 0 ? `${WRONG_PASSPHRASE} Wait ${seconds(retryAfterMs)} seconds before the next try.` : WRONG_PASSPHRASE,
  'wrong-backup-passphrase': () =>
    'That passphrase does not open this backup. Use the passphrase the vault had when the backup was made; nothing was changed.',
  'kdf-below-floor': (found: ScryptCost, floor: ScryptCost) =>
    `This vault asks for weaker passphrase protection (scrypt N=${found.N}, r=${found.r}, p=${found.p}) ` +
    `than Anteroom accepts (N ≥ ${floor.N}, r ≥ ${floor.r}, p ≥ ${floor.p}). ` +
    'It may have been tampered with, so it was not opened.',
  'corrupt-header': (problems: readonly string[]) => `The vault header is damaged or not one Anteroom can read: ${problems.join('; ')}.`,
  'record-tampered': (table: string, id: string) =>
    `The record ${table}/${id} failed its integrity check and was not opened. Other records are unaffected.`,
  'client-key-tampered': (clientId: string) =>
    `The key for client ${clientId} failed its integrity check, so that client's records cannot be opened.`,
  /** The passphrase rules' own sentences (lib/vault/crypto/passphrase.ts). */
  'passphrase-policy': (problems: readonly string[]) => problems.join(' '),
  'backup-format': (problems: readonly string[]) => `This file cannot be restored: ${problems.join('; ')}`,

  // Vault operations.
  locked: () => 'The vault is locked. Unlock it with your passphrase to continue.',
  'no-vault': () => 'There is no vault on this browser yet. Create one to keep notes.',
  'vault-exists': () => 'A vault already exists on this browser. Unlock it instead, or restore a backup over it.',
  'not-empty': () =>
    'This vault already holds clients or notes. Restoring would replace them; confirm to replace, or export a backup first.',
  /** Which field was not valid, never its content: the caller says it in a sentence. */
  'invalid-input': (detail: string) => detail,
  'not-found': (what: 'client' | 'note' | 'session record') => `That ${what} no longer exists; it may have been deleted in another window.`,
  conflict: (what: 'client' | 'note') =>
    what === 'note'
      ? 'This note was changed in another Anteroom window; your text is kept here — copy it, reload the note, and paste your changes.'
      : 'This client was changed in another Anteroom window at the same moment; nothing was saved. Try again.',
  backoff: (retryAfterMs: number) => `Too many wrong passphrases. Wait ${seconds(retryAfterMs)} seconds, then try again.`,
  'backup-unverified': () =>
    'Anteroom made a backup file but could not confirm that it restores, so it was not downloaded. Nothing was changed. Try again; if this keeps happening, lock and unlock your notes first.',
  'backup-too-large': (chars: number, limit: number) =>
    `Your notes are too large to back up in one file (${megabytes(chars)} MB); Anteroom can restore at most ${megabytes(limit)} MB. ` +
    'Nothing was exported. Delete notes or clients you no longer need to keep, then try again.',
  /** The question naming the sharing tab (lib/background/screen-shares.ts). */
  'screen-sharing': (question: string) => question,
  /** zxcvbn's feedback describes patterns, never the passphrase. */
  'weak-passphrase': (feedback: string) =>
    `This passphrase would be easy to guess.${feedback ? ` ${feedback}` : ''} Choose a stronger one, or confirm that you accept a weaker passphrase.`,

  // Storage.
  'storage-unavailable': () =>
    "Your browser is not keeping data for this extension (private browsing or 'never remember history'), so notes cannot be saved here.",
  quota: () => 'Your device is out of space for Anteroom; nothing was saved.',

  /** What to do next, under the storage message the page shows large at the top (entrypoints/notes/ErrorNotice.tsx). */
  'storage-unavailable-title': () => 'Storage is not available',
  'storage-unavailable-advice': () =>
    'Nothing you typed is stored until this is fixed. Open Anteroom in a normal (not private) window, or allow this browser to remember history, then reload this page.',
  'quota-title': () => 'Storage is full',
  'quota-advice': () => 'Free up disk space on this computer, or download a backup and delete clients you no longer need, then try again.',

  // Between a page and the background (lib/bus/client.ts, entrypoints/notes/vault-api.ts).
  'background-no-answer': () => 'Anteroom’s background did not answer. Reload this page and try again.',
  'background-unreachable': () => 'Anteroom’s background could not be reached. Reload this page and try again.',
  'vault-unreachable': () => 'Anteroom could not reach its vault. Nothing was changed; reload this page and try again.',

  // The notes page's forms: a box left empty or filled wrongly, said before anything is sent.
  'unlock-passphrase-missing': () => 'Type your passphrase to open your notes.',
  'current-passphrase-missing': () => 'Type your current passphrase first.',
  'delete-client-passphrase-missing': () =>
    'Type your passphrase to delete: the key that protects the other clients is renewed too.',
  'backup-passphrase-missing': () => 'Type the passphrase this backup was made with.',
  'passphrases-differ': () => 'The two passphrases are not the same. Type the same passphrase in both boxes.',
  'confirm-passphrase-differs': () => 'This does not match the passphrase above.',
  'confirm-passphrase-missing': () => 'Type the passphrase again to confirm it.',
  'weak-passphrase-unaccepted': () =>
    'This passphrase would be easy to guess. Choose a stronger one, or tick “I accept a weaker passphrase” below.',
  'client-label-missing': () => 'Give the client a name or code you will recognise.',
  'note-empty': () => 'The note is empty. Write something before saving.',
  'reminder-time-missing': () => 'Choose the date and time the session starts.',
  'reminder-time-past': () => 'That time has already passed. Choose a later date or time.',
  'reminder-minutes-invalid': (max: number) => `Give a whole number of minutes, from 0 to ${max}.`,
  'silence-choice-not-saved': () => 'Anteroom could not save this choice. Reload the page and try again.',

  // Backup files on the notes page (entrypoints/notes/ImportBackup.tsx, backup-download.ts).
  /** `limit` in UTF-16 code units (MAX_BACKUP_FILE_CHARS); a backup Anteroom writes is ASCII, one byte each. */
  'backup-file-too-large': (fileName: string, bytes: number, limit: number) =>
    `${fileName} is too large to be an Anteroom backup: it is ${megabytes(bytes)} MB, and a backup is at most ${megabytes(limit)} MB. ` +
    'Choose the backup file Anteroom downloaded. Nothing was changed.',
  'backup-file-unreadable': (fileName: string) => `The browser could not read ${fileName}. Nothing was changed.`,
  /** `reason` is the failure's own message (the export's or the download's). */
  'restore-safety-copy-failed': (reason: string) =>
    `Nothing was replaced: Anteroom could not first download a backup of the notes here. ${reason}`,
  'restore-refused': (fileName: string, reason: string) => `${fileName} was not restored, and nothing was changed. ${reason}`,
  /** `reason` is the browser's own words for a failed download, which name no note content. */
  'backup-not-saved': (reason: string | undefined) => `The backup file was not saved: ${reason ?? 'the browser gave no reason'}.`,

  // Failures nobody foresaw: fixed text, since an unforeseen error's own could hold anything.
  unexpected: () => 'Anteroom could not finish this. Try again; if it keeps happening, export a backup and restart the browser.',
  'page-crashed': () => 'Anteroom hit an unexpected problem on this page. Nothing you saved is affected; reload the page to continue.',
} as const satisfies Record<string, (...args: never[]) => string>;

export type MessageCode = keyof typeof ERROR_MESSAGES;

/** The message for `code`, filled in with its parameters. */
export function messageFor<C extends MessageCode>(code: C, ...args: Parameters<(typeof ERROR_MESSAGES)[C]>): string {
  return (ERROR_MESSAGES[code] as (...parameters: Parameters<(typeof ERROR_MESSAGES)[C]>) => string)(...args);
}
