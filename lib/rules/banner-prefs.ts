/** Where dismissals live: storage.local, platform id → time (ms) until which its banner stays hidden. */
export const DISMISSALS_KEY = 'bannerDismissals';

export type Dismissals = Record<string, number>;

export function isDismissed(dismissals: unknown, platformId: string, now: number): boolean {
  if (typeof dismissals !== 'object' || dismissals === null) return false;
  const until = (dismissals as Record<string, unknown>)[platformId];
  return typeof until === 'number' && until > now;
}
