import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/**
 * The vault client the notes page talks to (lib/vault-client), as a type: one function per
 * operation in the vault's table (lib/vault-client/messages.ts) and the two broadcasts, so the
 * page and the background cannot drift apart. main.tsx hands the page the real client; tests
 * hand it stand-ins.
 */

export type { LockReason, Result, VaultErrorCode, VaultFailure, VaultState } from '@/lib/vault-client/messages';
export type { ClientSummary, ImportCounts, LeftOutView, NoteView, ReminderView, SessionView } from '@/lib/vault/store/views';
export type { ContactMode } from '@/lib/vault/store/record-schemas';
export type { ReminderInput } from '@/lib/vault/store/client-reminders';
export type { ClientInput } from '@/lib/vault/store/clients-store';
import { vaultOperations, type Result, type VaultFailure } from '@/lib/vault-client/messages';
import type { vault } from '@/lib/vault-client';
import { messageFor } from '@/lib/error-messages';

export type VaultApi = typeof vault;

/** Errors that mean the vault itself cannot be used right now: shown at the top of the page, not beside a button. */
export function isStorageProblem(error: VaultFailure): boolean {
  return error.code === 'storage-unavailable' || error.code === 'quota';
}

/** Calls that write (the 'writes' effect in the table): once one succeeds again, an earlier storage problem is over. */
const WRITES: ReadonlySet<string> = new Set(
  Object.values(vaultOperations).flatMap((operation) => (operation.call && operation.effects.includes('writes') ? [operation.call.name] : [])),
);

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
          error: { code: 'unexpected', message: messageFor('vault-unreachable') },
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
