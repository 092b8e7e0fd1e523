import { LOCAL_KEYS } from '@/lib/storage/keys';

/**
 * The banner's preferences, as the in-page banner and the background share them (items and
 * schemas: lib/storage/items/banner.ts). The readers here take anything and are written by hand:
 * the in-page banner imports this file and must not bundle a schema library.
 */

/** Where dismissals live: storage.local, platform id → time (ms) until which its banner stays hidden. */
export const DISMISSALS_KEY = LOCAL_KEYS.bannerDismissals;

export type Dismissals = Record<string, number>;

export function isDismissed(dismissals: unknown, platformId: string, now: number): boolean {
  if (typeof dismissals !== 'object' || dismissals === null) return false;
  const until = (dismissals as Record<string, unknown>)[platformId];
  return typeof until === 'number' && until > now;
}

/**
 * How each platform's banner looks: storage.local, platform id → the verdicts whose full card
 * was already shown (afterwards a chip) and the corner the therapist moved it to. Platform ids
 * and corners only; nothing about a client or a session.
 */
export const BANNER_LOOK_KEY = LOCAL_KEYS.bannerLook;

/** Top right sits below the top 56 px, where call and mail apps keep their account menus. */
export const CORNERS = ['top-right', 'bottom-right', 'bottom-left', 'top-left'] as const;
export type Corner = (typeof CORNERS)[number];

export interface PlatformLook {
  seen: string[];
  corner?: Corner;
}

/** The stored look of one platform; anything unreadable counts as never seen, default corner. */
export function lookOf(stored: unknown, platformId: string): PlatformLook {
  const entry = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>)[platformId] : undefined;
  if (typeof entry !== 'object' || entry === null) return { seen: [] };
  const { seen, corner } = entry as { seen?: unknown; corner?: unknown };
  return {
    seen: Array.isArray(seen) ? seen.filter((v): v is string => typeof v === 'string') : [],
    ...(CORNERS.includes(corner as Corner) ? { corner: corner as Corner } : {}),
  };
}

/** The next corner, clockwise from the top right. */
export function nextCorner(corner: Corner): Corner {
  return CORNERS[(CORNERS.indexOf(corner) + 1) % CORNERS.length]!;
}

/** `stored` with one platform's look replaced (the other platforms' kept as they were). */
export function withLook(stored: unknown, platformId: string, look: PlatformLook): Record<string, unknown> {
  const all = typeof stored === 'object' && stored !== null ? { ...(stored as Record<string, unknown>) } : {};
  return { ...all, [platformId]: look };
}
