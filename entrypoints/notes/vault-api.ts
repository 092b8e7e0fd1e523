import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/**
 * The vault client the notes page talks to (lib/vault-client), as an interface: the page is
 * written against these signatures and main.tsx hands it the real module (checked against this
 * interface there), so the components can also be driven by a stand-in.
 */

// The shapes are the vault's own (lib/vault/store/views.ts, lib/vault-client/messages.ts), so the page
// and the background cannot drift apart.
export type { LockReason, Result, VaultErrorCode, VaultFailure, VaultState } from '@/lib/vault-client/messages';
export type { ClientSummary, ImportCounts, LeftOutView, NoteView, ReminderView, SessionView } from '@/lib/vault/store/views';
export type { ContactMode } from '@/lib/vault/store/record-schemas';
export type { ReminderInput } from '@/lib/vault/store/client-reminders';
export type { ClientInput } from '@/lib/vault/store/clients-store';
import type { LockReason, Result, VaultFailure, VaultState } from '@/lib/vault-client/messages';
import type { ClientSummary, ImportCounts, LeftOutView, NoteView, SessionView } from '@/lib/vault/store/views';
import type { ReminderInput } from '@/lib/vault/store/client-reminders';
import type { ClientInput } from '@/lib/vault/store/clients-store';

export interface VaultApi {
  vaultStatus(): Promise<Result<{ state: VaultState; autoLockMinutes: number }>>;
  createVault(passphrase: string, acceptWeak?: boolean): Promise<Result<void>>;
  /** `whileSharing`: the therapist answered yes to the 'screen-sharing' question. */
  unlockVault(passphrase: string, whileSharing?: boolean): Promise<Result<void>>;
  lockVault(): Promise<Result<void>>;
  /** `renewKeys`: a new data key and client keys too, every record sealed again (progress: onKeyRenewalProgress). */
  changePassphrase(
    current: string,
    next: string,
    acceptWeak?: boolean,
    renewKeys?: boolean,
  ): Promise<Result<{ renewed: boolean; carriedDamaged: number }>>;
  listClients(): Promise<Result<ClientSummary[]>>;
  saveClient(input: ClientInput): Promise<Result<{ id: string }>>;
  /** Renews the data key too, so it needs the passphrase. */
  deleteClient(id: string, passphrase: string): Promise<Result<void>>;
  listNotes(clientId: string): Promise<Result<NoteView[]>>;
  /** An edit (`id`) passes the `version` it started from; a note saved elsewhere since answers 'conflict'. */
  saveNote(input: { id?: string; version?: string; clientId: string; body: string; tags: string[] }): Promise<Result<{ id: string; updatedAt: number }>>;
  deleteNote(id: string): Promise<Result<void>>;
  searchNotes(query: string): Promise<Result<NoteView[]>>;
  listSessions(clientId: string): Promise<Result<SessionView[]>>;
  deleteSession(clientId: string, id: string): Promise<Result<void>>;
  /** An empty body removes the draft, if it is the one for `noteId`. */
  saveDraft(clientId: string, noteId: string | undefined, body: string, version?: string): Promise<Result<void>>;
  getDraft(clientId: string): Promise<Result<{ noteId?: string; version?: string; body: string } | null>>;
  /** `leftOut`: records the file does not hold because a restore would refuse them (none, normally). */
  exportBackup(): Promise<Result<{ fileName: string; text: string; leftOut: LeftOutView[] }>>;
  importBackup(
    text: string,
    passphrase: string,
    mode: 'replace-empty' | 'replace',
  ): Promise<Result<ImportCounts>>;
  exportClientMarkdown(clientId: string): Promise<Result<{ fileName: string; text: string }>>;
  /** Records that failed their integrity check since the unlock: named by table and id, never shown. */
  vaultProblems(): Promise<Result<{ damaged: { table: string; id: string }[] }>>;
  /** `date`: YYYY-MM-DD. */
  recordHeardFrom(clientId: string, date: string): Promise<Result<void>>;
  scheduleReminder(input: ReminderInput): Promise<Result<{ id: string }>>;
  cancelReminder(clientId: string, id: string): Promise<Result<void>>;
  onVaultLocked(callback: (reason?: LockReason) => void): () => void;
  onKeyRenewalProgress(callback: (progress: { done: number; total: number }) => void): () => void;
}


/** Errors that mean the vault itself cannot be used right now: shown at the top of the page, not beside a button. */
export function isStorageProblem(error: VaultFailure): boolean {
  return error.code === 'storage-unavailable' || error.code === 'quota';
}

/** Calls that write: once one succeeds again, an earlier storage problem is over. */
const WRITES: ReadonlySet<string> = new Set([
  'createVault',
  'changePassphrase',
  'saveClient',
  'deleteClient',
  'saveNote',
  'deleteNote',
  'saveDraft',
  'importBackup',
  'recordHeardFrom',
  'scheduleReminder',
  'cancelReminder',
]);

export interface GuardHooks {
  /** A call answered "locked": the vault locked itself between two clicks. */
  onLockedAnswer(): void;
  /** A storage problem began (an error) or ended (undefined, after a write succeeded). */
  onStorageProblem(error: VaultFailure | undefined): void;
}

/**
 * Wraps every call so that a "locked" answer sends the page to its locked state at once,
 * exactly as the lock broadcast does; storage problems reach the page-wide notice; and a call
 * that throws still comes back as a Result the page can show.
 */
export function guardApi(api: VaultApi, hooks: GuardHooks): VaultApi {
  const guarded = {} as Record<string, unknown>;
  for (const key of Object.keys(api) as (keyof VaultApi)[]) {
    const original = api[key] as (...args: unknown[]) => unknown;
    if (typeof original !== 'function') continue;
    if (key === 'onVaultLocked' || key === 'onKeyRenewalProgress') {
      guarded[key] = original.bind(api);
      continue;
    }
    guarded[key] = async (...args: unknown[]) => {
      let result: Result<unknown>;
      try {
        result = (await original.apply(api, args)) as Result<unknown>;
      } catch {
        result = {
          ok: false,
          error: { code: 'unexpected', message: 'Anteroom could not reach its vault. Nothing was changed; reload this page and try again.' },
        };
      }
      if (!result.ok && result.error.code === 'locked') hooks.onLockedAnswer();
      if (!result.ok && isStorageProblem(result.error)) hooks.onStorageProblem(result.error);
      if (result.ok && WRITES.has(key)) hooks.onStorageProblem(undefined);
      return result;
    };
  }
  return guarded as unknown as VaultApi;
}

export const VaultContext = createContext<VaultApi | null>(null);

export function useVault(): VaultApi {
  const api = useContext(VaultContext);
  if (!api) throw new Error('The notes page components need a VaultContext provider');
  return api;
}
