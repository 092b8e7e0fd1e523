/**
 * What the main-world call probe may say to our content script, checked field by field: the
 * page shares the probe's world, so every message is treated as possibly forged. Numbers and
 * fixed words only; anything else is dropped.
 */
export const PROBE_ATTRIBUTE = 'data-anteroom-probe';
export const PROBE_SOURCE = 'anteroom-call-probe';

export type ProbeMessage =
  | { kind: 'stats'; sendKbps: number; recvKbps: number; lossPct: number; rttMs: number; jitterMs: number; video: boolean; connected: boolean }
  | { kind: 'share'; state: 'started' | 'stopped' };

/**
 * The probe's request for the secret, sent only when it has something to say and no secret yet:
 * our isolated script answers (by setting PROBE_ATTRIBUTE) only on pages it knows as call
 * platforms, so pages that never hold a call never carry the attribute.
 */
export function isProbeHello(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  return m.source === PROBE_SOURCE && m.kind === 'hello' && Object.keys(m).length === 2;
}

const bounded = (n: unknown, max: number) => (typeof n === 'number' && (Number.isNaN(n) || (n >= 0 && n <= max)) ? n : undefined);

export function readProbeMessage(data: unknown, secret: string): ProbeMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as Record<string, unknown>;
  if (m.source !== PROBE_SOURCE || m.secret !== secret || typeof secret !== 'string' || secret.length < 16) return undefined;
  if (m.kind === 'share') return m.state === 'started' || m.state === 'stopped' ? { kind: 'share', state: m.state } : undefined;
  if (m.kind !== 'stats') return undefined;
  const sendKbps = bounded(m.sendKbps, 1e6);
  const recvKbps = bounded(m.recvKbps, 1e6);
  const lossPct = bounded(m.lossPct, 100);
  const rttMs = bounded(m.rttMs, 60_000);
  const jitterMs = bounded(m.jitterMs, 60_000);
  if ([sendKbps, recvKbps, lossPct, rttMs, jitterMs].some((n) => n === undefined)) return undefined;
  if (typeof m.video !== 'boolean' || typeof m.connected !== 'boolean') return undefined;
  return { kind: 'stats', sendKbps: sendKbps!, recvKbps: recvKbps!, lossPct: lossPct!, rttMs: rttMs!, jitterMs: jitterMs!, video: m.video, connected: m.connected };
}
