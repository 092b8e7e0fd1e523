import type { CallMessage } from '@/lib/in-page/wire';

/** The background's check of what the in-call content script sends (lib/in-page/wire.ts). */
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
