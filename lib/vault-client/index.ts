import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { ContactMode } from '@/lib/vault/store/record-schemas';
import type { SessionInput } from '@/lib/vault/store/sessions-store';
import {
  vaultLockedBroadcast,
  vaultRenewalProgress,
  vaultRequest,
  type LockReason,
  type Result,
  type VaultReplies,
  type VaultRequestOf,
  type VaultRequestType,
} from './messages';

/**
 * What extension pages call to use the vault. Each function sends one message to the background
 * (which alone holds the key) and returns its typed Result; nothing here throws. The notes page
 * is written against these signatures.
 */

export type { ClientSummary, ClientView, DamagedRecord, DraftView, ImportCounts, NoteView, ReminderView, SessionView } from '@/lib/vault/store/views';
export type { ContactMode } from '@/lib/vault/store/record-schemas';
export type { LockReason, Result, VaultErrorCode, VaultFailure, VaultState } from './messages';

const fail = <T>(code: string, message: string): Result<T> => ({ ok: false, error: { code, message } });

/** "field: what was expected", never the value typed (it could be note text). */
function describeInvalid(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'This request is not valid.';
  const path = v.getDotPath(issue)?.replace(/^input\./, '');
  const expected = issue.expected ? `expected ${issue.expected}` : 'not valid';
  const custom = issue.message.startsWith('Invalid ') ? undefined : issue.message;
  return custom ?? `${path ?? 'request'}: ${expected}`;
}

async function send<T extends VaultRequestType>(request: VaultRequestOf<T>): Promise<Result<VaultReplies[T]>> {
  // Checked here too, so a mistake comes back as a reason rather than as silence.
  const checked = v.safeParse(vaultRequest, request);
  if (!checked.success) return fail('invalid-input', describeInvalid(checked.issues));
  try {
    const answer = (await browser.runtime.sendMessage(request)) as Result<VaultReplies[T]> | undefined;
    if (typeof answer !== 'object' || answer === null || typeof answer.ok !== 'boolean') {
      return fail('unexpected', 'Anteroom’s background did not answer. Reload this page and try again.');
    }
    return answer;
  } catch {
    return fail('unexpected', 'Anteroom’s background could not be reached. Reload this page and try again.');
  }
}

export const vaultStatus = () => send({ type: 'vault:status' });
/** Leaves the vault unlocked. */
/** `acceptWeak`: the therapist ticked "I accept a weaker passphrase" for this one. */
export const createVault = (passphrase: string, acceptWeak = false) => send({ type: 'vault:create', passphrase, acceptWeak });
/** `whileSharing`: the therapist said yes to unlocking while a screen share runs (error 'screen-sharing'). */
export const unlockVault = (passphrase: string, whileSharing?: boolean) =>
  send({ type: 'vault:unlock', passphrase, ...(whileSharing ? { whileSharing: true as const } : {}) });
export const lockVault = () => send({ type: 'vault:lock', reason: 'user' });
/** `renewKeys`: also renew the data key and client keys, sealing every record again (onKeyRenewalProgress). */
export const changePassphrase = (current: string, next: string, acceptWeak = false, renewKeys = false) =>
  send({ type: 'vault:change-passphrase', current, next, acceptWeak, ...(renewKeys ? { renewKeys } : {}) });
/** Records that failed their integrity check since the vault was unlocked (ids only). */
export const vaultProblems = () => send({ type: 'vault:problems' });

export const listClients = () => send({ type: 'vault:list-clients' });
export const getClient = (id: string) => send({ type: 'vault:get-client', id });
export const saveClient = (input: { id?: string; label: string; contactMode: ContactMode; contractExceptions?: string }) =>
  send({ type: 'vault:save-client', input });
/** `date`: YYYY-MM-DD or an ISO timestamp. */
export const recordHeardFrom = (clientId: string, date: string) => send({ type: 'vault:record-heard-from', clientId, date });
/**
 * A session with a reminder `remindMinutesBefore` it starts (`startsAt`: ms). `showLabel` puts the
 * client's label in the notification, which means keeping it unencrypted in the background's own
 * IndexedDB (lib/reminders/README.md).
 */
export const scheduleReminder = (input: { clientId: string; startsAt: number; remindMinutesBefore: number; showLabel: boolean }) =>
  send({ type: 'vault:schedule-reminder', input });
export const cancelReminder = (clientId: string, id: string) => send({ type: 'vault:cancel-reminder', clientId, id });
/** Crypto-shred: the client's key and every record of theirs are deleted, and the data key renewed (needs the passphrase). */
export const deleteClient = (id: string, passphrase: string) => send({ type: 'vault:delete-client', id, passphrase });

export const listNotes = (clientId: string) => send({ type: 'vault:list-notes', clientId });
/**
 * An edit (`id`) carries the `version` of the note it started from (NoteView.version); if another
 * window saved the note since, the answer is a 'conflict' failure and nothing is written.
 */
export const saveNote = (input: { id?: string; version?: string; clientId: string; body: string; tags: string[] }) =>
  send({ type: 'vault:save-note', input });
export const deleteNote = (id: string) => send({ type: 'vault:delete-note', id });
/** Full text over decrypted notes, in background memory; every word must match. */
export const searchNotes = (query: string) => send({ type: 'vault:search-notes', query });

export const listSessions = (clientId: string) => send({ type: 'vault:list-sessions', clientId });
export const deleteSession = (clientId: string, id: string) => send({ type: 'vault:delete-session', clientId, id });
export const saveSession = (input: SessionInput) => send({ type: 'vault:save-session', input });

/** An empty body removes the draft, if it is the one for `noteId`. `version`: of the note the editing started from. */
export const saveDraft = (clientId: string, noteId: string | undefined, body: string, version?: string) =>
  send({ type: 'vault:save-draft', clientId, ...(noteId !== undefined ? { noteId } : {}), ...(version !== undefined ? { version } : {}), body });
export const getDraft = (clientId: string) => send({ type: 'vault:get-draft', clientId });

export const exportBackup = () => send({ type: 'vault:export-backup' });
/** 'replace-empty' refuses ('not-empty') unless the vault holds nothing; 'replace' is for after the user confirmed. */
export const importBackup = (text: string, passphrase: string, mode: 'replace-empty' | 'replace', whileSharing?: boolean) =>
  send({ type: 'vault:import-backup', text, passphrase, mode, ...(whileSharing ? { whileSharing: true as const } : {}) });
/** Plain text: the page shows its warning first. */
export const exportClientMarkdown = (clientId: string) => send({ type: 'vault:export-client-markdown', clientId });

/** What a page can tell about who sent it a message (runtime.MessageSender). */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * Our own background: our id, no tab, and a URL on our own origin. Content scripts carry our id
 * too (and run in the web page's renderer, which a compromised page controls), but they always
 * come with a tab and the page's URL.
 */
export function isOwnBackground(sender: SenderLike): boolean {
  return (
    sender.id === browser.runtime.id &&
    sender.tab === undefined &&
    typeof sender.url === 'string' &&
    sender.url.startsWith(browser.runtime.getURL('/'))
  );
}

/** Calls back when the background locks the vault (any reason). Returns the unsubscribe. */
export function onVaultLocked(callback: (reason?: LockReason) => void): () => void {
  const listener = (message: unknown, sender: SenderLike) => {
    if (!isOwnBackground(sender)) return undefined;
    const parsed = v.safeParse(vaultLockedBroadcast, message);
    if (parsed.success) callback(parsed.output.reason);
    return undefined; // never answers: only the background answers vault messages
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Calls back as a key renewal goes (records done of all records). Returns the unsubscribe. */
export function onKeyRenewalProgress(callback: (progress: { done: number; total: number }) => void): () => void {
  const listener = (message: unknown, sender: SenderLike) => {
    if (!isOwnBackground(sender)) return undefined;
    const parsed = v.safeParse(vaultRenewalProgress, message);
    if (parsed.success) callback({ done: parsed.output.done, total: parsed.output.total });
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
