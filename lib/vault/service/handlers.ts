import { exportVaultBackup } from '@/lib/vault/backup/backup-export';
import { isVaultEmpty, prepareImport, writeImport } from '@/lib/vault/backup/backup-import';
import { cancelReminder, scheduleReminder } from '@/lib/vault/store/client-reminders';
import { deleteClientRenewingDataKey } from '@/lib/vault/lifecycle/client-deletion';
import { getClient, listClients, recordHeardFrom, saveClient } from '@/lib/vault/store/clients-store';
import type { AnteroomVaultDb } from '@/lib/vault/store/db';
import { getDraft, saveDraft } from '@/lib/vault/store/drafts-store';
import {
  NoVaultError,
  ScreenShareRunningError,
  VaultLockedError,
  VaultNotEmptyError,
  WrongBackupPassphraseError,
  WrongPassphraseError,
  WrongPassphraseWithWaitError,
} from '@/lib/vault/errors';
import { withStorage } from '@/lib/vault/store/storage-failures';
import { renewStoredKeys } from '@/lib/vault/lifecycle/key-renewal';
import type { RenewalProgress } from '@/lib/vault/lifecycle/key-renewal-rows';
import { readHeaderSlots } from '@/lib/vault/lifecycle/header-slots';
import { renderClientMarkdown } from '@/lib/vault/backup/markdown-export';
import { matchingNotes } from '@/lib/vault/store/note-search';
import { allNotes, deleteNote, listNotes, saveNote } from '@/lib/vault/store/notes-store';
import type { NoteView } from '@/lib/vault/store/views';
import { deleteSession, listSessions, saveSession } from '@/lib/vault/store/sessions-store';
import { changeStoredPassphrase, createStoredVault, unlockStoredVault } from '@/lib/vault/lifecycle/vault-lifecycle';
import type { DamagedRecord } from '@/lib/vault/store/views';
import { assertStrongEnough, type StrengthScorer } from '@/lib/vault/crypto/strength';
import { wipe } from '@/lib/vault/crypto/wipe';
import type { LockReason, VaultReplies, VaultRequestOf, VaultRequestType } from '@/lib/vault-client/messages';
import { shareQuestion, type ShareShown } from '@/lib/call/active-shares';
import type { RenewalGate } from './renewal-gate';
import type { AutoLock } from './auto-lock';
import { assertMayAttempt, clearFailedAttempts, recordFailedAttempt } from './backoff';
import type { SearchCache } from './search-cache';
import type { KeyCustody } from './key-custody';

/**
 * One handler per operation in the vault's table (lib/vault-client/messages.ts). By the time a
 * handler runs, the bus has checked the sender and the payload (bus.ts). Each handler is a line
 * or two of wiring to lib/vault.
 */

export interface VaultContext {
  db(): Promise<AnteroomVaultDb>;
  keys: KeyCustody;
  autoLock: AutoLock;
  autoLockMinutes(): Promise<number>;
  lock(reason: LockReason): Promise<void>;
  /** Runs key-management work one at a time: two scrypt runs at once would need 256 MiB. */
  serial<T>(task: () => Promise<T>): Promise<T>;
  /** Records that failed their integrity check since the last unlock (named, never shown). */
  damaged: Map<string, DamagedRecord>;
  /** Decrypted notes between searches; the service's lock drops it. */
  searchCache: SearchCache;
  /** The screen shares running now: opening the notes meanwhile needs the therapist's yes. */
  runningShares(): Promise<ShareShown[]>;
  /** zxcvbn, for every new passphrase (the page scores too, but cannot be trusted to). */
  strength: StrengthScorer;
  /** Holds requests back while a key renewal runs, and settles one a worker restart interrupted. */
  renewal: RenewalGate;
  /** Tells open pages how far a key renewal has got (counts only). */
  renewalProgress(progress: RenewalProgress): void;
}

export type VaultHandlers = { [T in VaultRequestType]: (request: VaultRequestOf<T>) => Promise<VaultReplies[T]> };

export function vaultHandlers(ctx: VaultContext): VaultHandlers {
  /** Every data operation starts here: the key must be held and the countdown not run out. */
  const unlocked = async (): Promise<AnteroomVaultDb> => {
    await ctx.renewal.wait();
    const db = await ctx.db();
    if (!(await ctx.keys.restore())) {
      throw (await readHeaderSlots(db)).current ? new VaultLockedError() : new NoVaultError();
    }
    if (await ctx.autoLock.expired()) {
      await ctx.lock('inactivity');
      throw new VaultLockedError();
    }
    await ctx.autoLock.touch();
    const since = ctx.keys.generation;
    await ctx.renewal
      .settle(db, ctx.keys, { onProgress: ctx.renewalProgress, stopped: () => since !== ctx.keys.generation })
      .catch(async (error: unknown) => {
        // The key held opens neither side of the renewal: only the passphrase can settle it.
        if (error instanceof WrongPassphraseError) await ctx.lock('user');
        throw error instanceof WrongPassphraseError ? new VaultLockedError() : error;
      });
    return db;
  };

  const notesChanged = <T>(result: T): T => {
    ctx.searchCache.drop();
    return result;
  };
  const searchableNotes = (db: AnteroomVaultDb): Promise<NoteView[]> =>
    ctx.searchCache.notes(ctx.keys.generation, async () => noteDamage(await allNotes(db, ctx.keys)));

  const noteDamage = <T>(opened: { items: T[]; damaged: DamagedRecord[] }): T[] => {
    for (const record of opened.damaged) ctx.damaged.set(`${record.table}/${record.id}`, record);
    return opened.items;
  };

  /**
   * Takes custody of a key from an unlock that began at `since`, and starts the countdown first:
   * a status check from another page in between must not find a key with no activity recorded
   * (which reads as "expired") and lock the vault that is just being opened.
   */
  const holdKey = async (dek: Uint8Array, since: number) => {
    await ctx.autoLock.touch();
    try {
      await ctx.keys.hold(dek, since);
    } catch (error) {
      // A lock came in meanwhile (the key was wiped): no countdown for a locked vault.
      await ctx.autoLock.stop();
      throw error;
    }
  };

  /**
   * Refuses to hand over a key while a screen share runs, unless the page says the therapist
   * answered yes to the question: a page cannot skip it, since the refusal is made here.
   */
  const askedAboutShares = async (confirmed: boolean | undefined, action: 'unlock' | 'restore') => {
    if (confirmed) return;
    const shares = await ctx.runningShares();
    if (shares.length > 0) throw new ScreenShareRunningError(shareQuestion(shares, action));
  };

  /** A wrong passphrase counts towards the back-off; the page is told how long to wait. */
  const countingFailures = async <T>(attempt: () => Promise<T>): Promise<T> => {
    await assertMayAttempt();
    try {
      const value = await attempt();
      await clearFailedAttempts();
      return value;
    } catch (error) {
      if (error instanceof WrongPassphraseError) throw new WrongPassphraseWithWaitError(await recordFailedAttempt());
      throw error;
    }
  };

  return {
    async 'vault:status'() {
      const db = await ctx.db();
      const autoLockMinutes = await ctx.autoLockMinutes();
      const { current } = await readHeaderSlots(db);
      const held = await ctx.keys.restore();
      if (held && (!current || (await ctx.autoLock.expired()))) await ctx.lock('inactivity');
      const state = !current ? 'none' : held && ctx.keys.held ? 'unlocked' : 'locked';
      return { state, autoLockMinutes };
    },

    // `since` is read when the request arrives: a lock that comes after it (a screen share
    // starting while scrypt runs) wins over the unlock.
    'vault:create': async ({ passphrase, acceptWeak }) => {
      const since = ctx.keys.generation;
      await assertStrongEnough(ctx.strength, passphrase, acceptWeak);
      return ctx.serial(async () => {
        const db = await ctx.db();
        await holdKey(await createStoredVault(db, passphrase), since);
        ctx.renewal.markSettled();
        await clearFailedAttempts();
        // Ask the browser not to evict the vault under storage pressure (web.dev/persistent-storage).
        await globalThis.navigator?.storage?.persist?.().catch(() => false);
      });
    },

    'vault:unlock': ({ passphrase, whileSharing }) => {
      const since = ctx.keys.generation;
      return ctx.serial(async () => {
        await askedAboutShares(whileSharing, 'unlock');
        const db = await ctx.db();
        const dek = await countingFailures(() =>
          ctx.renewal.run(() => unlockStoredVault(db, passphrase, { onRenewalProgress: ctx.renewalProgress })),
        );
        await holdKey(dek, since);
        ctx.renewal.markSettled();
      });
    },

    'vault:lock': async ({ reason }) => ctx.lock(reason ?? 'user'),

    'vault:change-passphrase': async ({ current, next, acceptWeak, renewKeys }) => {
      const db = await unlocked();
      // Before the current passphrase is tried: a refused new one costs no derivation and no attempt.
      await assertStrongEnough(ctx.strength, next, acceptWeak);
      if (!renewKeys) {
        await ctx.serial(() => countingFailures(() => changeStoredPassphrase(db, current, next)));
        return { renewed: false, carriedDamaged: 0 };
      }
      const since = ctx.keys.generation;
      const outcome = await ctx.serial(() =>
        countingFailures(() =>
          ctx.renewal.run(() =>
            renewStoredKeys(db, current, next, {
              onProgress: ctx.renewalProgress,
              // A lock stops it between batches; the next unlock finishes or undoes it.
              stopped: () => since !== ctx.keys.generation,
              // Held before the switch, so a worker stopping after it comes back with the right key.
              beforeSwitch: (dek) => ctx.keys.hold(dek.slice(), since),
            }),
          ),
        ),
      );
      wipe(outcome.dek);
      notesChanged(undefined);
      return { renewed: true, carriedDamaged: outcome.carried };
    },

    'vault:problems': async () => {
      await unlocked();
      return { damaged: [...ctx.damaged.values()] };
    },

    'vault:list-clients': async () => noteDamage(await listClients(await unlocked(), ctx.keys)),
    'vault:get-client': async ({ id }) => getClient(await unlocked(), ctx.keys, id),
    'vault:save-client': async ({ input }) => saveClient(await unlocked(), ctx.keys, input),
    'vault:record-heard-from': async ({ clientId, date }) => recordHeardFrom(await unlocked(), ctx.keys, clientId, date),
    // The passphrase renews the data key with the deletion (client-deletion.ts); in turn with
    // the other key changes, and with every other request held back until the new key is held.
    'vault:delete-client': async ({ id, passphrase }) => {
      const db = await unlocked();
      const since = ctx.keys.generation;
      await ctx.serial(() =>
        countingFailures(() =>
          ctx.renewal.run(async () => {
            const dek = await deleteClientRenewingDataKey(db, id, passphrase);
            // Locked meanwhile: the deletion stands, and the next unlock opens the new header.
            await ctx.keys.hold(dek, since).catch((error: unknown) => {
              if (!(error instanceof VaultLockedError)) throw error;
            });
          }),
        ),
      );
      notesChanged(undefined);
    },
    'vault:schedule-reminder': async ({ input }) => scheduleReminder(await unlocked(), ctx.keys, input),
    'vault:cancel-reminder': async ({ clientId, id }) => cancelReminder(await unlocked(), ctx.keys, clientId, id),

    'vault:list-notes': async ({ clientId }) => noteDamage(await listNotes(await unlocked(), ctx.keys, clientId)),
    'vault:save-note': async ({ input }) => notesChanged(await saveNote(await unlocked(), ctx.keys, input)),
    'vault:delete-note': async ({ id }) => notesChanged(await deleteNote(await unlocked(), id)),
    'vault:search-notes': async ({ query }) => matchingNotes(await searchableNotes(await unlocked()), query),

    'vault:list-sessions': async ({ clientId }) => noteDamage(await listSessions(await unlocked(), ctx.keys, clientId)),
    'vault:save-session': async ({ input }) => saveSession(await unlocked(), ctx.keys, input),
    'vault:delete-session': async ({ clientId, id }) => deleteSession(await unlocked(), clientId, id),

    'vault:save-draft': async ({ clientId, noteId, body, version }) => saveDraft(await unlocked(), ctx.keys, clientId, noteId, body, version),
    'vault:get-draft': async ({ clientId }) => getDraft(await unlocked(), ctx.keys, clientId),

    // In turn with restores and passphrase changes: the export reads the records and seals the
    // manifest with the key in two steps, and a restore between them would swap the key.
    'vault:export-backup': async () => {
      const db = await unlocked();
      return ctx.serial(() => exportVaultBackup(db, ctx.keys));
    },

    'vault:import-backup': ({ text, passphrase, mode, whileSharing }) => {
      const since = ctx.keys.generation;
      return ctx.serial(async () => {
        const db = await ctx.db();
        const empty = await withStorage(() => isVaultEmpty(db));
        // Replacing someone's notes needs their vault open, not just access to the browser; and
        // open by the same rule as every other operation (the inactivity countdown included).
        if (!empty) await unlocked();
        // A restore into an empty vault opens it: the same question as an unlock.
        else await askedAboutShares(whileSharing, 'restore');
        // The file and its passphrase are checked before the therapist is asked whether to
        // replace what is here: a yes to a backup that then fails would be a question wasted.
        const prepared = await prepareImport(text, passphrase).catch((error: unknown) => {
          throw error instanceof WrongPassphraseError ? new WrongBackupPassphraseError() : error;
        });
        if (mode === 'replace-empty' && !empty) {
          wipe(prepared.dek);
          throw new VaultNotEmptyError(prepared.counts.skipped);
        }
        try {
          await writeImport(db, prepared, mode);
        } catch (error) {
          wipe(prepared.dek);
          throw error;
        }
        ctx.damaged.clear();
        notesChanged(undefined);
        // The restored vault opens with the backup's key, unless a lock came in meanwhile.
        if (since === ctx.keys.generation) await holdKey(prepared.dek, since);
        else wipe(prepared.dek);
        return prepared.counts;
      });
    },

    'vault:export-client-markdown': async ({ clientId }) => {
      const db = await unlocked();
      const client = await getClient(db, ctx.keys, clientId);
      return renderClientMarkdown(client, noteDamage(await listNotes(db, ctx.keys, clientId)));
    },
  };
}
