import { screenSharesItem } from '@/lib/storage/items/session';

/**
 * Which tabs are sharing the screen, as the background keeps it (in storage.session, so a
 * service-worker restart does not forget a share that is still running). Pure: the background's
 * shell (lib/background/screen-shares.ts) reads, changes and writes it.
 */

export interface ActiveShare {
  tabId: number;
  /** The platform's name from the catalogue (or the custom platform's), never page text. */
  platform: string;
  since: number;
}

/** Keyed by tab id: a tab has at most one share that matters (the notes lock on the first). */
export type ShareMap = Readonly<Record<string, ActiveShare>>;

export function withShare(map: ShareMap, share: ActiveShare): ShareMap {
  // A second "started" from the same tab keeps the first time: the share began then.
  const kept = map[share.tabId];
  return { ...map, [share.tabId]: kept ? { ...share, since: kept.since } : share };
}

export function withoutShare(map: ShareMap, tabId: number): ShareMap {
  if (!(tabId in map)) return map;
  const next = { ...map };
  delete next[tabId];
  return next;
}

/** Only well-formed entries survive a read: storage.session is ours, but a shape can change between versions. */
export const readShareMap = (stored: unknown): ShareMap => screenSharesItem.parse(stored);

/** What the notes page shows for one running share: the tab's title and the platform. */
export interface ShareShown {
  title: string;
  platform: string;
}

const MAX_TITLE = 80;
const quoted = (title: string) => {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (!clean) return 'an untitled tab';
  return `tab “${clean.length > MAX_TITLE ? `${clean.slice(0, MAX_TITLE - 1)}…` : clean}”`;
};

/**
 * What the therapist is told before the notes open while sharing. `unlock` asks: "A screen share
 * is running in tab … (platform). … Unlock anyway?". `restore` (a backup into an empty vault,
 * which opens it) says to stop sharing first: that page has no question of its own.
 */
export function shareQuestion(shares: readonly ShareShown[], action: 'unlock' | 'restore' = 'unlock'): string {
  const each = shares.map((s) => `${quoted(s.title)} (${s.platform})`);
  if (each.length === 0) return '';
  const list = each.length === 1 ? each[0] : `${each.slice(0, -1).join(', ')} and ${each.at(-1)}`;
  const running = each.length === 1 ? `A screen share is running in ${list}. Anyone watching it` : `Screen shares are running in ${list}. Anyone watching them`;
  const ask = action === 'unlock' ? 'Unlock anyway?' : 'Stop sharing, then restore the backup.';
  return `${running} could see your notes. ${ask}`;
}
