import { browser } from 'wxt/browser';
import { loadContract, watchContract } from '@/lib/contract/storage-item';
import { listClients } from '@/lib/vault/store/clients-store';
import { saveSession, type SessionInput } from '@/lib/vault/store/sessions-store';
import { exportVaultBackup, type BackupExport } from '@/lib/vault/backup/backup-export';
import type { AnteroomVaultDb } from '@/lib/vault/store/db';
import { createVaultDbOpener } from '@/lib/vault/store/open-db';
import { packagedStrengthScorer, STRENGTH_DATA_PATH, type StrengthScorer } from '@/lib/vault/crypto/strength';
import type { ClientView, DamagedRecord } from '@/lib/vault/store/views';
import type { ShareShown } from '@/lib/call/active-shares';
import type { BrowserFamily } from '@/lib/vault/lifecycle/auto-lock-signals';
import { vaultOperations, type LockReason, type VaultLockedBroadcast, type VaultRenewalProgress } from '@/lib/vault-client/messages';
import { domain, type Domain } from '@/lib/background/bus';
import { SearchCache } from './search-cache';
import { createAutoLock } from './auto-lock';
import { RenewalGate } from './renewal-gate';
import { vaultHandlers, type VaultHandlers } from './handlers';
import { KeyCustody } from './key-custody';
import { resultOf } from './results';
import { serialQueue } from '@/lib/serial-queue';

/**
 * The vault's background service: key custody, the message handlers and the locks. Pages ask
 * by message through the bus, which answers only the senders the vault's table allows (our own
 * extension pages: never a content script, never another extension; Chrome's "Stay secure"
 * guidance, Bitwarden's sender pre-flight) and only requests that match their schema.
 */

/**
 * Told every client (decrypted: background memory only) after a change to any of them and after
 * each unlock or restore. The reminders keep their clear copy (ids and times) in step this way.
 */
export type ClientsWatcher = (clients: ClientView[]) => Promise<void>;

/** The background's watchers (watchVaultClients); a test's service gets its own set. */
const backgroundWatchers = new Set<ClientsWatcher>();

export interface VaultServiceOptions {
  openDb?: () => Promise<AnteroomVaultDb>;
  watchers?: Set<ClientsWatcher>;
  /** Given by tests that check what a lock leaves in memory. */
  searchCache?: SearchCache;
  /** The screen shares running now (lib/background/screen-shares.ts); none when not given. */
  runningShares?: () => Promise<ShareShown[]>;
  /** Unit tests pass one built from the word lists directly; the extension fetches its packaged copy. */
  strength?: StrengthScorer;
  /** Which browser's lock signals to use (lib/vault/lifecycle/auto-lock-signals.ts); the build's own by default. */
  browserFamily?: BrowserFamily;
}

export interface VaultService {
  /** The vault's operations for the bus: the table, its handlers, and 'clients-changed' telling the watchers. */
  messages: Domain;
  lock(reason: LockReason): Promise<void>;
  /** Registers the browser listeners (synchronously, as MV3 service workers require). */
  listen(): void;
  /** Tells the watchers about every client now, if the vault is unlocked; not counted as activity. */
  refreshClients(): Promise<void>;
  /** Adds a finished call to a client's sessions if the vault is unlocked now; false when it is not. */
  saveSessionIfUnlocked(input: SessionInput): Promise<boolean>;
  /** The encrypted backup a manual download gives, if the vault is unlocked now; not counted as activity. */
  exportBackupIfUnlocked(): Promise<BackupExport | undefined>;
}

export function createVaultService(options: VaultServiceOptions = {}): VaultService {
  const keys = new KeyCustody();
  const damaged = new Map<string, DamagedRecord>();
  const searchCache = options.searchCache ?? new SearchCache();
  const openDb = options.openDb ?? createVaultDbOpener();
  const watchers = options.watchers ?? backgroundWatchers;
  // The contract's autoLockMinutes, kept current by watchContract in listen().
  let autoLockMinutes = 15;
  const settingsRead = loadContract().then((loaded) => (autoLockMinutes = loaded.value.autoLockMinutes));

  const lock = async (reason: LockReason): Promise<void> => {
    damaged.clear();
    searchCache.drop();
    // Each step runs even if another fails: the key in memory goes first, whatever happens.
    await keys.wipe().catch(() => undefined);
    await autoLock.stop().catch(() => undefined);
    const broadcast: VaultLockedBroadcast = { type: 'vault:locked', reason };
    // Rejects when no page is open to hear it, which is fine.
    await browser.runtime.sendMessage(broadcast).catch(() => undefined);
  };
  const autoLock = createAutoLock(lock, () => autoLockMinutes, options.browserFamily ?? (import.meta.env.FIREFOX ? 'firefox' : 'chrome'));
  const renewal = new RenewalGate();
  const renewalProgress = ({ done, total }: { done: number; total: number }) => {
    const message: VaultRenewalProgress = { type: 'vault:renewal-progress', done, total };
    browser.runtime.sendMessage(message).catch(() => undefined);
  };

  const serial = serialQueue();
  const handlers: VaultHandlers = vaultHandlers({
    db: openDb,
    keys,
    autoLock,
    autoLockMinutes: () => settingsRead.then(() => autoLockMinutes),
    lock,
    serial,
    damaged,
    searchCache,
    runningShares: options.runningShares ?? (async () => []),
    strength: options.strength ?? packagedStrengthScorer(browser.runtime.getURL(STRENGTH_DATA_PATH as '/')),
    renewal,
    renewalProgress,
  });

  const refreshClients = async (): Promise<void> => {
    await renewal.wait();
    if (watchers.size === 0 || !(await keys.restore()) || (await autoLock.expired())) return;
    const { items } = await listClients(await openDb(), keys);
    await Promise.all([...watchers].map((watcher) => watcher(items).catch(() => undefined)));
  };

  const messages = domain(vaultOperations, handlers, { effects: { 'clients-changed': refreshClients }, answer: resultOf });

  const saveSessionIfUnlocked = async (input: SessionInput): Promise<boolean> => {
    await renewal.wait();
    if (!(await keys.restore()) || (await autoLock.expired())) return false;
    const db = await openDb();
    // A renewal a worker restart interrupted is settled first, or the key could be the other one.
    await renewal.settle(db, keys);
    await saveSession(db, keys, input);
    return true;
  };

  // In turn with restores and passphrase changes, as the page's export is (vault-handlers.ts).
  const exportBackupIfUnlocked = async (): Promise<BackupExport | undefined> => {
    if (!(await keys.restore()) || (await autoLock.expired())) return undefined;
    const db = await openDb();
    return serial(() => exportVaultBackup(db, keys));
  };

  return {
    messages,
    lock,
    refreshClients,
    saveSessionIfUnlocked,
    exportBackupIfUnlocked,
    listen() {
      autoLock.listen();
      watchContract((loaded) => (autoLockMinutes = loaded.value.autoLockMinutes));
      // storage.session is already closed to content scripts by default; say so explicitly in
      // case a default ever changes (MDN StorageArea.setAccessLevel). Older Firefox lacks it.
      try {
        browser.storage.session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })?.catch(() => undefined);
      } catch {
        // Not supported here: the default is already trusted contexts only.
      }
    },
  };
}

let running: VaultService | undefined;

/** Called once from entrypoints/background.ts; the vault's operations, for the bus. */
export function startVaultService(options: Pick<VaultServiceOptions, 'runningShares'> = {}): Domain {
  if (!running) {
    running = createVaultService(options);
    running.listen();
  }
  return running.messages;
}

/** Registers a watcher of the clients (see ClientsWatcher); returns the unwatch. Order with startVaultService does not matter. */
export function watchVaultClients(watcher: ClientsWatcher): () => void {
  backgroundWatchers.add(watcher);
  return () => backgroundWatchers.delete(watcher);
}

/** Re-tells the watchers, when something they depend on outside the vault changed (a setting). */
export async function refreshVaultClients(): Promise<void> {
  await running?.refreshClients().catch(() => undefined);
}

/** Records a finished call for a client when the vault is unlocked (see lib/background/session-recorder.ts). */
export async function saveSessionIfUnlocked(input: SessionInput): Promise<boolean> {
  return (await running?.saveSessionIfUnlocked(input)) ?? false;
}

/** The automatic backup's export (lib/background/auto-backup.ts): undefined while locked. */
export async function exportBackupIfUnlocked(): Promise<BackupExport | undefined> {
  return running?.exportBackupIfUnlocked();
}

/** Locks now, from anywhere in the background (the in-call feature calls it when a screen share starts). */
export async function lockVault(reason: LockReason = 'user'): Promise<void> {
  await running?.lock(reason);
}
