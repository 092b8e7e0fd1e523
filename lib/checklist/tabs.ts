/**
 * Reading the tab strip for the checklist. Anteroom has no "tabs" permission: a tab's URL is
 * visible only on the catalogue's hosts, custom platforms the therapist granted, and our own
 * pages. Everything else (audible, muted, active, discarded, last accessed) is visible for all
 * tabs, which is all these checks need. Pure: the popup passes in what tabs.query returned.
 */

export interface TabLike {
  id?: number;
  windowId?: number;
  url?: string;
  active?: boolean;
  audible?: boolean;
  mutedInfo?: { muted: boolean };
  discarded?: boolean;
  /** ms since the epoch; Chrome 121+, Firefox. */
  lastAccessed?: number;
}

const isOwnPage = (tab: TabLike, extensionOrigin: string) => extensionOrigin !== '' && (tab.url ?? '').startsWith(extensionOrigin);

/**
 * The tab the session runs in: the active tab of the popup's window. When the checklist is open
 * in a tab of its own (from the keyboard or in a test), that is the most recently used other
 * tab in the window that is not one of Anteroom's pages.
 */
export function sessionTabOf(windowTabs: readonly TabLike[], selfTabId: number | undefined, extensionOrigin: string): TabLike | undefined {
  const candidates = windowTabs.filter((tab) => tab.id !== undefined && tab.id !== selfTabId && !isOwnPage(tab, extensionOrigin));
  const active = candidates.find((tab) => tab.active);
  if (active) return active;
  return candidates.reduce<TabLike | undefined>(
    (best, tab) => (best === undefined || (tab.lastAccessed ?? 0) > (best.lastAccessed ?? 0) ? tab : best),
    undefined,
  );
}

export interface TabCensus {
  /** Tabs playing sound that nobody muted. */
  playing: number[];
  otherTabs: number;
  otherWindows: number;
  /** Others that can be put to sleep: not shown, not playing sound, not asleep already. */
  sleepable: number[];
}

/**
 * The other tabs, leaving out Anteroom's own pages and the session tab: the call's own sound is
 * the client's voice, and its tab must stay awake. `sessionTabId` is given only once the tab
 * was recognised as a platform; an unrecognised tab playing sound counts as another tab.
 */
export function censusOf(
  allTabs: readonly TabLike[],
  context: { selfTabId?: number; sessionTabId?: number; windowId?: number; extensionOrigin: string },
): TabCensus {
  const others = allTabs.filter(
    (tab) => tab.id !== undefined && tab.id !== context.selfTabId && tab.id !== context.sessionTabId && !isOwnPage(tab, context.extensionOrigin),
  );
  const windows = new Set(others.map((tab) => tab.windowId).filter((id) => id !== undefined && id !== context.windowId));
  const ids = (tabs: TabLike[]) => tabs.map((tab) => tab.id as number);
  return {
    playing: ids(others.filter((tab) => tab.audible === true && tab.mutedInfo?.muted !== true)),
    otherTabs: others.length,
    otherWindows: windows.size,
    sleepable: ids(others.filter((tab) => !tab.active && !tab.audible && !tab.discarded)),
  };
}
