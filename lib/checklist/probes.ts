import { browser } from 'wxt/browser';
import type { BatteryInput } from './checks/interruptions.battery';
import type { DownloadsInput } from './checks/interruptions.downloads';
import type { NotesBackupInput } from './checks/notes.backup';
import { PREFLIGHT_RESULT_KEY } from './preflight-result';
import { readLastBackup } from '@/lib/backup-habit/last-backup';
import type { TabLike } from './tabs';

/**
 * The automatic probes: the only checklist code that talks to the browser. Each reads what one
 * check needs and nothing more; nothing runs at import time. Actions that need a permission
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

const DOWNLOADS = { permissions: ['downloads'] } as const;

export async function readDownloads(): Promise<DownloadsInput> {
  const permitted = await browser.permissions.contains({ permissions: [...DOWNLOADS.permissions] }).catch(() => false);
  if (!permitted || !browser.downloads) return { permitted: false };
  const items = await browser.downloads.search({ state: 'in_progress' });
  return { permitted: true, inProgress: items.filter((item) => !item.paused).length };
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
