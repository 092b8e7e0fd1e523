/**
 * The quality ladder: what a measured speed or a live call's numbers mean for a session.
 * Sources (shared/research/platforms-and-checklists.md §4–5): Zoom needs 0.6 Mbps each way for
 * 1:1 video and 1.2–1.8 Mbps for 720p–1080p, so "2 Mbps both ways" is a webcam figure with
 * headroom; audio-only calls need 60–100 kbps. The live-call ladder follows Twilio's diagnostics
 * (overall = worst metric) with the research file's default thresholds.
 */

export type SpeedStatus = 'pass' | 'warn' | 'fail';

/** Mbps in both directions that video needs with headroom (the 2 Mbps webcam figure). */
export const VIDEO_MBPS = 2;
/** Below this even a low-quality video stream struggles (Zoom's 1:1 HQ minimum is 0.6 Mbps). */
export const AUDIO_ONLY_MBPS = 0.6;

const finite = (n: number) => (Number.isFinite(n) && n > 0 ? n : 0);

/** Verdict on a measured connection: pass ≥ 2 Mbps both ways, warn 0.6–2, fail below 0.6. */
export function speedVerdict(r: { downMbps: number; upMbps: number }): { status: SpeedStatus; advice: string } {
  const down = finite(r.downMbps);
  const up = finite(r.upMbps);
  const slowest = Math.min(down, up);
  const weak = down <= up ? 'download' : 'upload';
  if (slowest >= VIDEO_MBPS) {
    return { status: 'pass', advice: 'Fast enough for video: at least 2 Mbps each way.' };
  }
  if (slowest >= AUDIO_ONLY_MBPS) {
    return {
      status: 'warn',
      advice: `Your ${weak} speed is below 2 Mbps, so video may freeze or blur: consider audio only, or pause other devices using this connection.`,
    };
  }
  return {
    status: 'fail',
    advice: `Your ${weak} speed is too low for video and may break up audio: use the backup plan you agreed with your client, such as a phone call.`,
  };
}

export type CallQuality = 'good' | 'fair' | 'poor';

export interface CallStats {
  lossPct: number;
  rttMs: number;
  jitterMs: number;
  bitrateKbps: number;
}

/** Per metric: at or better than `good` is good, worse than `poor` is poor, fair between. */
interface Rung {
  good: number;
  poor: number;
  higherIsBetter: boolean;
}

/**
 * RTT, jitter and loss: the research file's default ladder (good < 150 ms / 30 ms / 1 %; poor
 * > 400 ms / 50 ms / 5 %). Bitrate is a live stream's rate, not spare capacity, so its "good"
 * follows Twilio (> 1000 kbps excellent) and Daily (good ≥ 1.1 Mbps) rather than the 1.5 Mbps
 * capacity figure, which would call an ordinary 720p call (Zoom: 1.2 Mbps) fair; poor is the
 * ladder's < 600 kbps, Zoom's 1:1 minimum.
 */
export const CALL_LADDER: Record<keyof CallStats, Rung> = {
  rttMs: { good: 150, poor: 400, higherIsBetter: false },
  jitterMs: { good: 30, poor: 50, higherIsBetter: false },
  lossPct: { good: 1, poor: 5, higherIsBetter: false },
  bitrateKbps: { good: 1000, poor: 600, higherIsBetter: true },
};

function rate(value: number, rung: Rung): CallQuality {
  if (rung.higherIsBetter) {
    if (value >= rung.good) return 'good';
    return value < rung.poor ? 'poor' : 'fair';
  }
  if (value < rung.good) return 'good';
  return value > rung.poor ? 'poor' : 'fair';
}

const ORDER: Record<CallQuality, number> = { good: 0, fair: 1, poor: 2 };

/** Each metric's rating; a metric the call did not report (NaN, negative) is left out. */
export function callQualityByMetric(stats: CallStats): Partial<Record<keyof CallStats, CallQuality>> {
  const out: Partial<Record<keyof CallStats, CallQuality>> = {};
  for (const key of Object.keys(CALL_LADDER) as (keyof CallStats)[]) {
    const value = stats[key];
    if (Number.isFinite(value) && value >= 0) out[key] = rate(value, CALL_LADDER[key]);
  }
  return out;
}

/**
 * A live call's quality: the worst of its metrics, as Twilio's diagnostics score it. With no
 * metric known it says 'good'; a caller that can show "unknown" checks callQualityByMetric first.
 */
export function callQuality(stats: CallStats): CallQuality {
  return Object.values(callQualityByMetric(stats)).reduce<CallQuality>(
    (worst, q) => (ORDER[q] > ORDER[worst] ? q : worst),
    'good',
  );
}
