import { callQuality, type CallQuality } from '@/lib/network/quality';
import type { CallSample } from '../probe/sample';

/** A probe sample with the time it was taken. */
export type TrackerSample = CallSample & { at: number };

/**
 * The in-call quality with hysteresis, so the indicator does not flicker: it gets worse after
 * two samples in a row at the worse level (4 s) and better only after four (8 s). It also
 * keeps how long the call has been poor (the audio-only suggestion comes after 10 s) and how
 * long no media has arrived (the disruption plan comes after 6 s).
 */
export interface TrackerState {
  quality: CallQuality | 'unknown';
  /** ms the displayed quality has been poor (0 when it is not). */
  poorForMs: number;
  /** ms since media last arrived (0 while it flows). */
  stalledForMs: number;
}

export const WORSEN_AFTER = 2;
export const IMPROVE_AFTER = 4;
const ORDER = { good: 0, fair: 1, poor: 2 } as const;

export function rawQuality(s: TrackerSample): CallQuality {
  return callQuality({
    lossPct: s.lossPct,
    rttMs: s.rttMs,
    jitterMs: s.jitterMs,
    // Bitrate only says something about video: an audio-only call is rightly below 600 kbps.
    bitrateKbps: s.video ? Math.max(s.sendKbps, s.recvKbps) : NaN,
  });
}

export function createQualityTracker() {
  let shown: CallQuality | 'unknown' = 'unknown';
  let candidate: CallQuality | undefined;
  let streak = 0;
  let poorSince: number | undefined;
  let lastMediaAt: number | undefined;

  return {
    push(sample: TrackerSample): TrackerState {
      if (sample.recvKbps > 0) lastMediaAt = sample.at;
      else lastMediaAt ??= sample.at;
      const raw = rawQuality(sample);
      if (shown === 'unknown') {
        shown = raw;
      } else if (raw === shown) {
        candidate = undefined;
        streak = 0;
      } else {
        streak = raw === candidate ? streak + 1 : 1;
        candidate = raw;
        const needed = ORDER[raw] > ORDER[shown] ? WORSEN_AFTER : IMPROVE_AFTER;
        if (streak >= needed) {
          shown = raw;
          candidate = undefined;
          streak = 0;
        }
      }
      if (shown === 'poor') poorSince ??= sample.at;
      else poorSince = undefined;
      return {
        quality: shown,
        poorForMs: poorSince === undefined ? 0 : sample.at - poorSince,
        stalledForMs: lastMediaAt === undefined ? 0 : sample.at - lastMediaAt,
      };
    },
  };
}
