/**
 * The quality ladder: what a measured speed or a live call's numbers mean for a session.
 * Sources (shared/research/platforms-and-checklists.md §4–5): Zoom needs 0.6 Mbps each way for
 * 1:1 video and 1.2–1.8 Mbps for 720p–1080p, so "2 Mbps both ways" is a webcam figure with
 * headroom; audio-only calls need 60–100 kbps. The live-call ladder follows Twilio's diagnostics
 * (overall = worst metric) with the research file's default thresholds.
 */

export type SpeedStatus = 'pass' | 'warn' | 'fail';

/** Mbps in both directions that video needs with headroom (the seeds' 2 Mbps webcam figure). */
export const VIDEO_MBPS = 2;
/**
 * Below this even audio breaks up: Zoom's VoIP needs 60–80 kbps (Zoom Phone 60–100), and Twilio
 * rates a stream under 150 kbps "bad" (research §4–5).
 */
export const AUDIO_MIN_MBPS = 0.15;
/** Steady enough for video: the call ladder's "good" round trip and jitter (CALL_LADDER below). */
export const STEADY_LATENCY_MS = 150;
export const STEADY_JITTER_MS = 30;

/** A measured line. latency and jitter are optional for history entries that predate them. */
export interface MeasuredLine {
  downMbps: number;
  upMbps: number;
  latencyMs?: number;
  jitterMs?: number;
  /** The speed test's AIM "video conferencing" (rtc) class, where it could score one. */
  videoCallClass?: 'bad' | 'poor' | 'average' | 'good' | 'great';
}

/** What the therapist agreed with clients (contract): what to do when the line fails. */
export interface AgreedPlan {
  backupPlatform: string;
  /** The contract's plan if the connection fails (disruptionPlans.connection); may be ''. */
  connectionPlan: string;
}

const finite = (n: number | undefined) => (n !== undefined && Number.isFinite(n) && n > 0 ? n : 0);
const mbpsText = (n: number) => (n >= 10 ? n.toFixed(0) : n.toFixed(1));

function ifItDrops(plan: AgreedPlan | undefined): string {
  const agreed = plan?.connectionPlan.trim();
  if (agreed) return ` If the call drops, your agreed plan: ${agreed}`;
  const backup = plan?.backupPlatform.trim();
  return backup ? ` If the call drops, use your agreed backup: ${backup}.` : ' If the call drops, use the backup you agreed with your client.';
}

/**
 * The seeds' rule on a measured line: about 2 Mbps each way with a steady delay for video
 * (pass); audio only below that or when the delay is unsteady (warn); the agreed backup when even
 * audio would break up (fail). Advice quotes the therapist's own agreed plan where there is one.
 */
export function speedVerdict(r: MeasuredLine, plan?: AgreedPlan): { status: SpeedStatus; advice: string } {
  const down = finite(r.downMbps);
  const up = finite(r.upMbps);
  const slowest = Math.min(down, up);
  const weak = down <= up ? 'download' : 'upload';
  if (slowest < AUDIO_MIN_MBPS) {
    const backup = plan?.backupPlatform.trim();
    return {
      status: 'fail',
      advice: `Your ${weak} speed (${mbpsText(slowest)} Mbps) is too low even for audio: ${backup ? `use your agreed backup: ${backup}.` : 'use the backup you agreed with your client, such as a phone call.'}`,
    };
  }
  const unsteady: string[] = [];
  if (r.latencyMs !== undefined && r.latencyMs >= STEADY_LATENCY_MS) unsteady.push(`a ${Math.round(r.latencyMs)} ms delay`);
  if (r.jitterMs !== undefined && r.jitterMs >= STEADY_JITTER_MS) unsteady.push(`${Math.round(r.jitterMs)} ms of jitter`);
  if (r.videoCallClass === 'bad' || r.videoCallClass === 'poor') unsteady.push(`a delay that grows under load (video calls rated ${r.videoCallClass})`);
  if (slowest < VIDEO_MBPS) {
    return {
      status: 'warn',
      advice: `Your ${weak} speed (${mbpsText(slowest)} Mbps) is below the 2 Mbps video needs: plan on audio only, or switch to it if the picture freezes.${ifItDrops(plan)}`,
    };
  }
  if (unsteady.length > 0) {
    return {
      status: 'warn',
      advice: `Fast enough, but not steady (${unsteady.join(', ')}): video may stutter, so be ready to switch to audio only.${ifItDrops(plan)}`,
    };
  }
  return { status: 'pass', advice: 'Fast and steady enough for video: at least 2 Mbps each way and a steady delay.' };
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
