import type { Page } from 'puppeteer';

/**
 * What a spec does through the extension's own APIs from a page of ours, the same call in both
 * browsers (`chrome` in Chromium, `browser` in Firefox): steps a user cannot take through the UI
 * in a test's time, such as making two weeks pass, or reading what was stored.
 */

export type Answer<T = unknown> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** Sends a runtime message as a page of ours would, and returns the background's answer. */
export function send<T = unknown>(page: Page, message: object): Promise<Answer<T>> {
  return page.evaluate(async (m) => {
    // @ts-expect-error: the WebExtension global of an extension page.
    const api = globalThis.browser ?? globalThis.chrome;
    return api.runtime.sendMessage(m);
  }, message) as Promise<Answer<T>>;
}

/** The vault's state as the background reports it ('none', 'locked', 'unlocked'), or the error code. */
export async function vaultState(page: Page): Promise<string> {
  const status = await send<{ state: string }>(page, { type: 'vault:status' });
  return status.ok ? status.value.state : status.error.code;
}

/** The value stored under `key` in storage.local. */
export function storedLocal<T = unknown>(page: Page, key: string): Promise<T | undefined> {
  return stored<T>(page, 'local', key).then((value) => value ?? undefined);
}

/** The value stored under `key` in a storage area, or null when there is none. */
export function stored<T = unknown>(page: Page, area: 'local' | 'sync' | 'session', key: string): Promise<T | null> {
  return page.evaluate(
    async (where, k) => {
      // @ts-expect-error: the WebExtension global of an extension page.
      const api = globalThis.browser ?? globalThis.chrome;
      return (await api.storage[where].get(k))[k] ?? null;
    },
    area,
    key,
  ) as Promise<T | null>;
}

/** Waits until browser sync holds a copy of `key` (or none). */
export async function syncHolds(page: Page, key: string, held: boolean, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    async (k, want) => {
      // @ts-expect-error: the WebExtension global of an extension page.
      const api = globalThis.browser ?? globalThis.chrome;
      return ((await api.storage.sync.get(k))[k] !== undefined) === want;
    },
    { timeout },
    key,
    held,
  );
}

/** Empties storage.local and storage.sync, as a fresh profile has them. */
export async function clearStorage(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // @ts-expect-error: the WebExtension global of an extension page.
    const api = globalThis.browser ?? globalThis.chrome;
    await Promise.all([api.storage.sync.clear(), api.storage.local.clear()]);
  });
}

export async function storeLocal(page: Page, items: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (values) => {
    // @ts-expect-error: the WebExtension global of an extension page.
    const api = globalThis.browser ?? globalThis.chrome;
    await api.storage.local.set(values);
  }, items);
}

export async function removeLocal(page: Page, key: string): Promise<void> {
  await page.evaluate(async (k) => {
    // @ts-expect-error: the WebExtension global of an extension page.
    const api = globalThis.browser ?? globalThis.chrome;
    await api.storage.local.remove(k);
  }, key);
}

/** Makes the last backup `daysAgo` days old, as if that time had passed. */
export const storeLastBackup = (page: Page, at: number, kind = 'manual') => storeLocal(page, { lastBackup: { at, kind } });

/** Writes a row straight into a table of the vault's IndexedDB, as an older build would have. */
export async function putVaultRow(page: Page, table: string, row: Record<string, unknown>): Promise<void> {
  await page.evaluate(
    (store, value) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('anteroom-vault');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(store, 'readwrite');
          tx.objectStore(store).put(value);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    table,
    row,
  );
}
