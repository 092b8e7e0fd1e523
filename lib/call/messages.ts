/**
 * Messages between the in-call content script and the background. Numbers and fixed words
 * only: the content script never sends page text, the background never sends client data.
 */
export interface CallSettings {
  sessionMinutes: number;
  reminderMinutesBefore: number[];
  disruptionPlan: string;
  backupPlatform: string;
}

export type CallMessage =
  | { type: 'call:settings' }
  | { type: 'call:screen-share'; state: 'started' | 'stopped' }
  | {
      type: 'call:ended';
      startedAt: number;
      endedAt: number;
      seconds: { good: number; fair: number; poor: number; unknown: number };
      /** Mean video bitrate (the larger direction) over the call's video samples; absent without video. */
      videoKbps?: number;
    };

const isCount = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 86_400;
/** A whole number of kilobits per second, up to 1 Gbps. */
const isKbps = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 1_000_000;
const isTime = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n > 1e12 && n < 1e13;

export function readCallMessage(data: unknown): CallMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as Record<string, unknown>;
  const keys = Object.keys(m).sort().join();
  if (m.type === 'call:settings' && keys === 'type') return { type: 'call:settings' };
  if (m.type === 'call:screen-share' && keys === 'state,type' && (m.state === 'started' || m.state === 'stopped')) {
    return { type: 'call:screen-share', state: m.state };
  }
  const endedKeys = keys === 'endedAt,seconds,startedAt,type' || keys === 'endedAt,seconds,startedAt,type,videoKbps';
  if (m.type === 'call:ended' && endedKeys && isTime(m.startedAt) && isTime(m.endedAt) && (m.endedAt as number) >= (m.startedAt as number)) {
    const s = m.seconds as Record<string, unknown> | null;
    if (typeof s !== 'object' || s === null || Object.keys(s).sort().join() !== 'fair,good,poor,unknown') return undefined;
    if (![s.good, s.fair, s.poor, s.unknown].every(isCount)) return undefined;
    if ('videoKbps' in m && !isKbps(m.videoKbps)) return undefined;
    return {
      type: 'call:ended',
      startedAt: m.startedAt as number,
      endedAt: m.endedAt as number,
      seconds: s as { good: number; fair: number; poor: number; unknown: number },
      ...('videoKbps' in m ? { videoKbps: m.videoKbps as number } : {}),
    };
  }
  return undefined;
}

/**
 * From the background to a call page's top frame, before an unlock and after a navigation: is
 * the screen share this tab reported still running? Answered by the in-call companion only
 * once it has seen a share; a page without one (reloaded, navigated away) cannot say yes.
 */
export const STILL_SHARING = { type: 'call:still-sharing' } as const;

export function isStillSharingQuestion(message: unknown): boolean {
  return (message as { type?: unknown } | null)?.type === STILL_SHARING.type;
}

export function isStillSharingAnswer(reply: unknown): reply is { sharing: boolean } {
  return typeof reply === 'object' && reply !== null && typeof (reply as { sharing?: unknown }).sharing === 'boolean';
}
