import { callsByHour } from '@/lib/call/by-hour';
import type { CallSummary } from '@/lib/call/history';
import { hourLabel } from './by-hour';
import { VIDEO_MBPS } from './quality';

/**
 * What Anteroom can say about the connection without sending a single request: the browser's
 * own estimate (Network Information API, Chromium only) and how the therapist's past calls went
 * at this hour of the day. Each sentence names its source and its age. Pure.
 */

/** navigator.connection's figures. Chromium caps downlink at 10 Mbps and rounds both figures. */
export interface BrowserEstimate {
  downlinkMbps: number;
  rttMs: number;
}

export interface PassiveInput {
  /** null where the browser has no such API (Firefox, Safari); 'none-yet' when it has no figures yet. */
  browser: BrowserEstimate | 'none-yet' | null;
  calls: readonly CallSummary[];
  now: Date;
  /** The local hour by default; tests pass a fixed-zone one. */
  hourOf?: (at: Date) => number;
}

/**
 * Hints, never a verdict: with no traffic Chromium reports a default (1.4 Mbps, 100 ms seen in
 * headless Chromium 2026-12), and it adds noise on purpose, so only a measured test passes or warns.
 */
export interface PassiveReading {
  /** Whether a source points at a line too weak for video (said in its sentence too). */
  weak: boolean;
  /** Which sources had something to say. */
  sources: ('browser' | 'calls')[];
  /** One sentence per source, each naming where it comes from and how old it is. */
  sentences: string[];
}

/** Chromium reports at most 10 Mbps (WICG Network Information, "downlink"; MDN, as of 2026-12). */
export const BROWSER_DOWNLINK_CAP_MBPS = 10;
/** A round trip this long makes conversation awkward (the call ladder's "poor", lib/network/quality.ts). */
const SLOW_RTT_MS = 400;

const mbps = (n: number) => (n >= 10 ? n.toFixed(0) : n.toFixed(1));

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago". */
export function ago(thenMs: number, nowMs: number): string {
  const minutes = Math.max(0, Math.floor((nowMs - thenMs) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  return `${Math.round(hours / 24)} days ago`;
}

/** Reads navigator.connection: null where it does not exist, 'none-yet' when it reports no figures. */
export function browserEstimateFrom(connection: unknown): BrowserEstimate | 'none-yet' | null {
  if (typeof connection !== 'object' || connection === null) return null;
  const { downlink, rtt } = connection as { downlink?: unknown; rtt?: unknown };
  if (typeof downlink !== 'number' || !Number.isFinite(downlink) || downlink <= 0) return 'none-yet';
  return { downlinkMbps: downlink, rttMs: typeof rtt === 'number' && Number.isFinite(rtt) && rtt >= 0 ? rtt : NaN };
}

function browserSentence(estimate: PassiveInput['browser']): { sentence: string; weak: boolean } {
  if (estimate === null) {
    return {
      sentence: 'Firefox gives no connection estimate.',
      weak: false,
    };
  }
  if (estimate === 'none-yet') return { sentence: 'No estimate from the browser yet (it needs recent traffic).', weak: false };
  const capped = estimate.downlinkMbps >= BROWSER_DOWNLINK_CAP_MBPS;
  const down = capped ? `at least ${BROWSER_DOWNLINK_CAP_MBPS} Mbps` : `about ${mbps(estimate.downlinkMbps)} Mbps`;
  const delay = Number.isFinite(estimate.rttMs) && estimate.rttMs > 0 ? `, ${Math.round(estimate.rttMs)} ms delay` : '';
  const weak = estimate.downlinkMbps < VIDEO_MBPS || estimate.rttMs >= SLOW_RTT_MS;
  return {
    sentence: `Browser's rough estimate (just now): ${down} down${delay}${weak ? ', weak for video; a test will tell' : ''}.`,
    weak,
  };
}

/**
 * ", video about 1.6 Mbps" from the calls that measured one; '' when none did. Said, never judged:
 * a call uses what its platform asks for, which may be far below what the line could carry.
 */
function videoPhrase(calls: readonly CallSummary[]): string {
  const rates = calls.map((c) => c.videoKbps).filter((kbps): kbps is number => kbps !== undefined && kbps > 0);
  if (rates.length === 0) return '';
  return `, video about ${mbps(rates.reduce((a, b) => a + b, 0) / rates.length / 1000)} Mbps`;
}

function callsSentence(calls: readonly CallSummary[], now: Date, hourOf: (at: Date) => number): { sentence: string; weak: boolean } | undefined {
  const dated = calls.map((c) => ({ call: c, at: Date.parse(c.at) })).filter((c) => Number.isFinite(c.at) && c.at <= now.getTime());
  if (dated.length === 0) return undefined;
  const hour = hourOf(now);
  const sameHour = dated.filter((c) => hourOf(new Date(c.at)) === hour);
  if (sameHour.length > 0) {
    const [summary] = callsByHour(sameHour.map((c) => c.call), hourOf);
    const latest = Math.max(...sameHour.map((c) => c.at));
    if (summary) {
      const calls = `${summary.calls} past call${summary.calls === 1 ? '' : 's'}`;
      return {
        sentence: `Your ${calls} around ${hourLabel(hour)} (latest ${ago(latest, now.getTime())}): good ${summary.goodPct} % of the time, poor ${summary.poorPct} %${videoPhrase(sameHour.map((c) => c.call))}, ${summary.verdict}.`,
        weak: summary.verdict === 'rough',
      };
    }
  }
  const last = dated.reduce((a, b) => (b.at > a.at ? b : a));
  const [summary] = callsByHour([last.call], hourOf);
  if (!summary) return undefined;
  return {
    sentence: `Your latest call (${ago(last.at, now.getTime())}, another hour): good ${summary.goodPct} % of the time${videoPhrase([last.call])}.`,
    weak: false,
  };
}

export function passiveEstimate(input: PassiveInput): PassiveReading {
  const hourOf = input.hourOf ?? ((at: Date) => at.getHours());
  const browser = browserSentence(input.browser);
  const calls = callsSentence(input.calls, input.now, hourOf);
  return {
    weak: browser.weak || calls?.weak === true,
    sources: [...(typeof input.browser === 'object' && input.browser ? (['browser'] as const) : []), ...(calls ? (['calls'] as const) : [])],
    sentences: [browser.sentence, ...(calls ? [calls.sentence] : [])],
  };
}
