import * as v from 'valibot';
import { clientFor, type ClientOf } from '@/lib/bus/client';
import { isOwnBackground, onBroadcast, type MessageSender } from '@/lib/bus/listen';
import { vaultLockedBroadcast, vaultOperations, vaultRenewalProgress, type LockReason, type VaultFailure, type VaultOperations } from './messages';

/**
 * What extension pages call to use the vault: one function per operation in the vault's table
 * (messages.ts), made from it. Each sends one message to the background (which alone holds the
 * key) and returns its typed Result; nothing here throws.
 */

export type { ClientSummary, ClientView, DamagedRecord, DraftView, ImportCounts, NoteView, ReminderView, SessionView } from '@/lib/vault/store/views';
export type { ContactMode } from '@/lib/vault/store/record-schemas';
export type { LockReason, Result, VaultErrorCode, VaultFailure, VaultState } from './messages';

/** What a page can tell about who sent it a message (runtime.MessageSender). */
export type SenderLike = Pick<MessageSender, 'id' | 'url' | 'tab'>;
export { isOwnBackground };

/** Calls back when the background locks the vault (any reason). Returns the unsubscribe. */
export function onVaultLocked(callback: (reason?: LockReason) => void): () => void {
  return onBroadcast(
    'vault:locked',
    (message) => {
      const parsed = v.safeParse(vaultLockedBroadcast, message);
      return parsed.success ? { reason: parsed.output.reason } : undefined;
    },
    ({ reason }) => callback(reason),
  );
}

/** Calls back as a key renewal goes (records done of all records). Returns the unsubscribe. */
export function onKeyRenewalProgress(callback: (progress: { done: number; total: number }) => void): () => void {
  return onBroadcast(
    'vault:renewal-progress',
    (message) => {
      const parsed = v.safeParse(vaultRenewalProgress, message);
      return parsed.success ? { done: parsed.output.done, total: parsed.output.total } : undefined;
    },
    callback,
  );
}

/** The notes page's whole client: the table's operations and the two broadcasts it hears. */
export const vault: ClientOf<VaultOperations, VaultFailure> & { onVaultLocked: typeof onVaultLocked; onKeyRenewalProgress: typeof onKeyRenewalProgress } = {
  ...clientFor<VaultOperations, VaultFailure>(vaultOperations),
  onVaultLocked,
  onKeyRenewalProgress,
};

// By name too, for the popup's checks and the tests; a new operation needs no line here (use `vault`).
export const {
  vaultStatus,
  createVault,
  unlockVault,
  lockVault,
  changePassphrase,
  vaultProblems,
  listClients,
  getClient,
  saveClient,
  recordHeardFrom,
  scheduleReminder,
  cancelReminder,
  deleteClient,
  listNotes,
  saveNote,
  deleteNote,
  searchNotes,
  listSessions,
  deleteSession,
  saveSession,
  saveDraft,
  getDraft,
  exportBackup,
  importBackup,
  exportClientMarkdown,
} = vault;
