import { browser } from 'wxt/browser';
import type { BatteryInput } from './checks/interruptions.battery';
import type { DownloadsInput } from './checks/interruptions.downloads';
import type { NotesBackupInput } from './checks/notes.backup';
import { PREFLIGHT_RESULT_KEY } from '@/lib/preflight/result';
import { readLastBackup } from '@/lib/backup-habit/last-backup';
import type { TabLike } from './tabs';

/**
 * The browser calls behind the measured checks' probes, watches and buttons: the only checklist
 * code that talks to the browser. Each reads what one check needs and nothing more; nothing
 * runs at import time. Actions that need a permission
 * (downloads, the speed test's host) ask for it first thing in the click that starts them,
 * because Firefox refuses a permission request that follows an await.
 */

export interface TabsSnapshot {
  /** The checklist's own tab when it is open in a tab rather than the toolbar popup. */
  selfTabId?: number;
  windowId?: number;
  windowTabs: TabLike[];
  allTabs: TabLike[];
  extensionOrigin: string;
}

export async function readTabs(): Promise<TabsSnapshot> {
  const [self, windowTabs, allTabs] = await Promise.all([
    browser.tabs.getCurrent().catch(() => undefined),
    browser.tabs.query({ currentWindow: true }),
    browser.tabs.query({}),
  ]);
  const windowId = self?.windowId ?? windowTabs[0]?.windowId;
  return {
    ...(self?.id !== undefined ? { selfTabId: self.id } : {}),
    ...(windowId !== undefined ? { windowId } : {}),
    windowTabs,
    allTabs,
    extensionOrigin: browser.runtime.getURL('/'),
  };
}

/** Calls `changed` shortly after the tab strip changes in a way the checks can see (a burst counts once). */
export function watchTabs(changed: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(changed, 120);
  };
  const onUpdated = (_id: number, change: { audible?: boolean; mutedInfo?: unknown; discarded?: boolean; url?: string; status?: string }) => {
    if (change.audible !== undefined || change.mutedInfo !== undefined || change.discarded !== undefined || change.url !== undefined || change.status === 'complete') soon();
  };
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.tabs.onActivated.addListener(soon);
  browser.tabs.onCreated.addListener(soon);
  browser.tabs.onRemoved.addListener(soon);
  return () => {
    clearTimeout(timer);
    browser.tabs.onUpdated.removeListener(onUpdated);
    browser.tabs.onActivated.removeListener(soon);
    browser.tabs.onCreated.removeListener(soon);
    browser.tabs.onRemoved.removeListener(soon);
  };
}

export async function muteTabs(ids: readonly number[]): Promise<void> {
  await Promise.all(ids.map((id) => browser.tabs.update(id, { muted: true }).catch(() => undefined)));
}

/** Discarded tabs stay in the strip and reload when the therapist returns to them. */
export async function sleepTabs(ids: readonly number[]): Promise<void> {
  await Promise.all(ids.map((id) => browser.tabs.discard(id).catch(() => undefined)));
}

interface BatteryManagerLike extends EventTarget {
  charging: boolean;
  level: number;
}

/** The Battery Status API, where the browser has it (Chromium); Firefox does not expose it. */
export async function readBattery(): Promise<{ input: BatteryInput; manager?: BatteryManagerLike }> {
  const getBattery = (navigator as Navigator & { getBattery?: () => Promise<BatteryManagerLike> }).getBattery;
  if (typeof getBattery !== 'function') return { input: { supported: false } };
  try {
    const manager = await getBattery.call(navigator);
    return { input: { supported: true, charging: manager.charging, level: manager.level }, manager };
  } catch {
    return { input: { supported: false } };
  }
}

/** Calls `changed` when the battery starts or stops charging or its level moves. */
export function watchBattery(changed: () => void): () => void {
  let stopped = false;
  let manager: EventTarget | undefined;
  void readBattery().then((read) => {
    if (stopped) return;
    manager = read.manager;
    manager?.addEventListener('chargingchange', changed);
    manager?.addEventListener('levelchange', changed);
  });
  return () => {
    stopped = true;
    manager?.removeEventListener('chargingchange', changed);
    manager?.removeEventListener('levelchange', changed);
  };
}

const DOWNLOADS = { permissions: ['downloads'] } as const;

export async function readDownloads(): Promise<DownloadsInput> {
  const permitted = await browser.permissions.contains({ permissions: [...DOWNLOADS.permissions] }).catch(() => false);
  if (!permitted || !browser.downloads) return { permitted: false };
  const items = await browser.downloads.search({ state: 'in_progress' });
  return { permitted: true, inProgress: items.filter((item) => !item.paused).length };
}

/**
 * Calls `changed` when a download starts, changes or is erased. The downloads API exists only
 * once the optional permission is given, so the events are joined then.
 */
export function watchDownloads(changed: () => void): () => void {
  let joined = false;
  const join = () => {
    if (joined || !browser.downloads) return;
    joined = true;
    for (const event of [browser.downloads.onCreated, browser.downloads.onChanged, browser.downloads.onErased]) event.addListener(changed);
  };
  const onGranted = (granted: { permissions?: string[] }) => {
    if (!granted.permissions?.includes('downloads')) return;
    join();
    changed();
  };
  join();
  browser.permissions.onAdded.addListener(onGranted);
  return () => {
    browser.permissions.onAdded.removeListener(onGranted);
    if (joined && browser.downloads) for (const event of [browser.downloads.onCreated, browser.downloads.onChanged, browser.downloads.onErased]) event.removeListener(changed);
  };
}

/** Calls `changed` when `key` changes in storage.local. */
export function watchLocalKey(key: string, changed: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && key in changes) changed();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

/** Call synchronously from the click: the permission prompt needs the user's gesture. */
export function requestDownloadsPermission(): Promise<boolean> {
  return browser.permissions.request({ permissions: [...DOWNLOADS.permissions] }).catch(() => false);
}

export async function pauseDownloads(): Promise<void> {
  if (!browser.downloads) return;
  const items = await browser.downloads.search({ state: 'in_progress' });
  await Promise.all(items.filter((item) => !item.paused).map((item) => browser.downloads.pause(item.id).catch(() => undefined)));
}

/**
 * Whether a notes vault exists (asked of the background, which answers without unlocking) and
 * when the last backup was recorded. The vault client loads lazily, after the list has painted.
 */
export async function readNotesBackup(): Promise<Pick<NotesBackupInput, 'vault' | 'lastAt'>> {
  const [status, last] = await Promise.all([
    import('@/lib/vault-client').then((vault) => vault.vaultStatus()).catch(() => undefined),
    readLastBackup().catch(() => undefined),
  ]);
  const vault = !status?.ok ? 'unknown' : status.value.state === 'none' ? 'none' : 'exists';
  return { vault, ...(last ? { lastAt: last.at } : {}) };
}

export async function readPreflight(): Promise<unknown> {
  return (await browser.storage.local.get(PREFLIGHT_RESULT_KEY))[PREFLIGHT_RESULT_KEY];
}

/** Opens one of Anteroom's pages in a new tab (the popup closes as the tab takes focus). */
export async function openOwnPage(path: '/preflight.html' | '/options.html' | '/notes.html', hash = ''): Promise<void> {
  await browser.tabs.create({ url: `${browser.runtime.getURL(path)}${hash}` });
}

/** The keyboard shortcut that opens the checklist, as the browser shows it ('' if none is set). */
export async function checklistShortcut(): Promise<string> {
  try {
    const commands = await browser.commands.getAll();
    return commands.find((command) => command.name === '_execute_action')?.shortcut ?? '';
  } catch {
    return '';
  }
}
