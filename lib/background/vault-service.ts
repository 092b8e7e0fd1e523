import * as v from 'valibot';
import { browser, type Browser } from 'wxt/browser';
import { loadContract, watchContract } from '@/lib/contract/storage-item';
import type { AnteroomVaultDb } from '@/lib/vault/db';
import { createVaultDbOpener } from '@/lib/vault/open-db';
import type { DamagedRecord } from '@/lib/vault/views';
import { isVaultMessage, vaultRequest, type LockReason, type Result, type VaultLockedBroadcast } from '@/lib/vault-client/messages';
import { isOwnExtensionPage } from './sender';
import { createAutoLock } from './vault-auto-lock';
import { vaultHandlers, type VaultHandlers } from './vault-handlers';
import { KeyCustody } from './vault-key-custody';
import { resultOf } from './vault-results';

/**
 * The vault's background service: key custody, the message handlers and the locks. Pages ask
 * by message; this answers only our own extension pages (never a content script, never another
 * extension: Chrome's "Stay secure" guidance, Bitwarden's sender pre-flight) and only requests
 * that match their schema. Anything else gets no answer at all.
 */

export interface VaultServiceOptions {
  openDb?: () => Promise<AnteroomVaultDb>;
}

export interface VaultService {
  /** The onMessage listener: a promise of the answer, or undefined for "not answering". */
  answer(message: unknown, sender: Browser.runtime.MessageSender): Promise<Result<unknown>> | undefined;
  lock(reason: LockReason): Promise<void>;
  /** Registers the browser listeners (synchronously, as MV3 service workers require). */
  listen(): void;
}

function serialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

export function createVaultService(options: VaultServiceOptions = {}): VaultService {
  const keys = new KeyCustody();
  const damaged = new Map<string, DamagedRecord>();
  const openDb = options.openDb ?? createVaultDbOpener();
  // The contract's autoLockMinutes, kept current by watchContract in listen().
  let autoLockMinutes = 15;
  const settingsRead = loadContract().then((loaded) => (autoLockMinutes = loaded.value.autoLockMinutes));

  const lock = async (reason: LockReason): Promise<void> => {
    damaged.clear();
    // Each step runs even if another fails: the key in memory goes first, whatever happens.
    await keys.wipe().catch(() => undefined);
    await autoLock.stop().catch(() => undefined);
    const broadcast: VaultLockedBroadcast = { type: 'vault:locked', reason };
    // Rejects when no page is open to hear it, which is fine.
    await browser.runtime.sendMessage(broadcast).catch(() => undefined);
  };
  const autoLock = createAutoLock(lock, () => autoLockMinutes);

  const handlers: VaultHandlers = vaultHandlers({
    db: openDb,
    keys,
    autoLock,
    autoLockMinutes: () => settingsRead.then(() => autoLockMinutes),
    lock,
    serial: serialQueue(),
    damaged,
  });
  const run = handlers as unknown as Record<string, (request: unknown) => Promise<unknown>>;

  const answer: VaultService['answer'] = (message, sender) => {
    if (!isVaultMessage(message)) return undefined;
    if (!isOwnExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) return undefined;
    const parsed = v.safeParse(vaultRequest, message);
    if (!parsed.success) return undefined;
    return resultOf(() => run[parsed.output.type]!(parsed.output));
  };

  return {
    answer,
    lock,
    listen() {
      browser.runtime.onMessage.addListener((message: unknown, sender) => answer(message, sender));
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

/** Called once from entrypoints/background.ts. */
export function startVaultService(): void {
  if (running) return;
  running = createVaultService();
  running.listen();
}

/** Locks now, from anywhere in the background (the in-call feature calls it when a screen share starts). */
export async function lockVault(reason: LockReason = 'user'): Promise<void> {
  await running?.lock(reason);
}
