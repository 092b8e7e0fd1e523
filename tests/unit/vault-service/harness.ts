import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SearchCache } from '@/lib/vault/service/search-cache';
import { createBus } from '@/lib/background/bus';
import { createVaultService, type VaultService } from '@/lib/vault/service/vault-service';
import { listen } from '@/lib/bus/listen';
import { AnteroomVaultDb } from '@/lib/vault/store/db';
import { createVaultDbOpener } from '@/lib/vault/store/open-db';

/**
 * The background service on WXT's fake browser. Senders are spelled out the way Chrome reports
 * them (runtime.MessageSender): our own pages have our id and a chrome-extension:// URL of ours;
 * a content script has our id too, but a tab and the web page's URL.
 */

export const OWN_ID = 'test-extension-id';
export const PAGE = { id: OWN_ID, url: `chrome-extension://${OWN_ID}/notes.html`, origin: `chrome-extension://${OWN_ID}` };
export const PAGE_IN_TAB = { ...PAGE, tab: { id: 7, url: `chrome-extension://${OWN_ID}/notes.html` } };
export const CONTENT_SCRIPT = { id: OWN_ID, url: 'https://meet.google.com/x', tab: { id: 3, url: 'https://meet.google.com/x' }, frameId: 0 };
export const OTHER_EXTENSION = { id: 'another-extension-id', url: 'chrome-extension://another-extension-id/popup.html' };
export const LOOK_ALIKE_ORIGIN = { id: OWN_ID, url: `chrome-extension://${OWN_ID}.evil.example/notes.html` };
export const BACKGROUND = { id: OWN_ID, url: `chrome-extension://${OWN_ID}/background.js` };

export const PASSPHRASE = 'correct horse battery staple';
export const OTHER_PASSPHRASE = 'lantern orchard velvet compass';

export interface Started {
  service: VaultService;
  dbName: string;
  /** Listeners the service registered on browser.idle (fakeBrowser has no idle API). */
  idle: Array<(state: string) => void>;
}

/** A service on its own database; pass `dbName` to model a service-worker restart over the same data. */
export function startService(dbName = `vault-service-${crypto.randomUUID()}`, searchCache?: SearchCache): Started {
  const idle: Array<(state: string) => void> = [];
  vi.spyOn(fakeBrowser.idle.onStateChanged, 'addListener').mockImplementation((listener) => {
    idle.push(listener as (state: string) => void);
  });
  const service = createVaultService({ openDb: createVaultDbOpener(() => new AnteroomVaultDb(dbName)), ...(searchCache ? { searchCache } : {}) });
  serve(service);
  return { service, dbName, idle };
}

/** Starts a service's listeners and puts its operations on a bus of their own, as the background does. */
export function serve(service: VaultService): VaultService {
  service.listen();
  const bus = createBus([service.messages]);
  listen((message, sender) => bus(message, sender));
  return service;
}

/** Sends like a page would; `undefined` means nobody answered. */
export async function ask(message: unknown, sender: object = PAGE): Promise<unknown> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return answers.find((answer) => answer !== undefined);
}

/**
 * Routes lib/vault-client's runtime.sendMessage through the fake browser with real senders:
 * requests come from the notes page, the lock and renewal-progress broadcasts from the background.
 */
export function routeClientMessages(): void {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type?: string }) => {
    const sender = message?.type === 'vault:locked' || message?.type === 'vault:renewal-progress' ? BACKGROUND : PAGE;
    const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender);
    return answers.find((answer) => answer !== undefined);
  }) as typeof fakeBrowser.runtime.sendMessage);
}

/** Models a browser restart: storage.session is emptied by the browser, memory is gone. */
export async function restartBrowser(): Promise<void> {
  await fakeBrowser.storage.session.clear();
  fakeBrowser.runtime.onMessage.removeAllListeners();
  fakeBrowser.alarms.onAlarm.removeAllListeners();
}

/** Models an MV3 service-worker restart: memory and listeners are gone, storage.session stays. */
export function restartServiceWorker(): void {
  fakeBrowser.runtime.onMessage.removeAllListeners();
  fakeBrowser.alarms.onAlarm.removeAllListeners();
}
