/**
 * What the main-world call probe may say to our isolated content script, checked field by field.
 * Numbers and fixed words only; anything else is dropped.
 *
 * They talk over a MessageChannel whose port reaches the probe at document_start, before any
 * of the page's scripts run (lib/in-page/probe/probe-channel.ts): the page never sees the port, so it
 * cannot read this news or write any of its own. It shares the probe's world, though, so it
 * can still keep the probe from noticing a share at all: README.md says what that means.
 */

/** The DOM event that hands the port over; dispatched only before the page's own scripts run. */
export const PROBE_PORT_EVENT = 'anteroom-probe-port';
/** The probe's "I am here", for an isolated end that ran first (lib/in-page/probe/probe-channel.ts). */
export const PROBE_HELLO_EVENT = 'anteroom-probe-hello';

export type ProbeMessage =
  | { kind: 'stats'; sendKbps: number; recvKbps: number; lossPct: number; rttMs: number; jitterMs: number; video: boolean; connected: boolean }
  | { kind: 'share'; state: 'started' | 'stopped' };

const bounded = (n: unknown, max: number) => (typeof n === 'number' && (Number.isNaN(n) || (n >= 0 && n <= max)) ? n : undefined);

export function readProbeMessage(data: unknown): ProbeMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as Record<string, unknown>;
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
