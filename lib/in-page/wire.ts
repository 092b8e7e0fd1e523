import type { BannerModel } from '@/lib/rules/banner-model';
import type { PlatformKind } from '@/lib/rules/schema';

/**
 * Every message an in-page script sends or hears, in one place: to and from the background
 * (the banner, the in-call companion) and on the private line from the main-world call probe.
 * Types, fixed words and small hand readers only: in-page code bundles no valibot, so the
 * background's schemas for the requests live in its table (lib/background/in-page-messages.ts),
 * where the type checker holds them to the types here.
 */

// --- The banner ---

/** To the background: what should the banner on this page show? */
export interface BannerModelRequest {
  type: 'banner:model';
  url: string;
  kinds: PlatformKind[];
}
/** Null: not a platform of ours here (or dismissed). */
export type BannerModelResponse = BannerModel | null;

/**
 * From the background to content scripts: the route, the settings or the dismissals changed, ask
 * again. Checked by hand in the content script (a schema parser would double its size).
 */
export interface BannerRefresh {
  type: 'banner:refresh';
}
export const BANNER_REFRESH: BannerRefresh = { type: 'banner:refresh' };

export function isBannerRefresh(message: unknown): boolean {
  return (message as { type?: unknown } | null)?.type === BANNER_REFRESH.type;
}

// --- The in-call companion ---

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

// --- The call probe's private line ---

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
