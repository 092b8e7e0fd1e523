/**
 * Turns one RTCPeerConnection.getStats() report into the numbers the in-call indicator needs:
 * send and receive bitrate since the last report, packet loss, round-trip time and jitter.
 * Plain objects in (the report's values), plain numbers out; no page text is ever read.
 * Field names: W3C webrtc-stats (outbound-rtp, inbound-rtp, remote-inbound-rtp, candidate-pair).
 */
export interface RawStat {
  type: string;
  kind?: string;
  timestamp?: number;
  bytesSent?: number;
  bytesReceived?: number;
  packetsLost?: number;
  packetsReceived?: number;
  jitter?: number;
  roundTripTime?: number;
  currentRoundTripTime?: number;
  state?: string;
  nominated?: boolean;
}

export interface Totals {
  at: number;
  bytesSent: number;
  bytesReceived: number;
  packetsLost: number;
  packetsReceived: number;
}

export interface CallSample {
  sendKbps: number;
  recvKbps: number;
  /** Percentage of packets lost since the last report; NaN when nothing was received. */
  lossPct: number;
  /** NaN when the report has none. */
  rttMs: number;
  jitterMs: number;
  /** Video is flowing in either direction (bitrate is only judged for video). */
  video: boolean;
}

const num = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : 0);

export function totalsOf(stats: readonly RawStat[], at: number): Totals {
  const totals: Totals = { at, bytesSent: 0, bytesReceived: 0, packetsLost: 0, packetsReceived: 0 };
  for (const s of stats) {
    if (s.type === 'outbound-rtp') totals.bytesSent += num(s.bytesSent);
    if (s.type === 'inbound-rtp') {
      totals.bytesReceived += num(s.bytesReceived);
      totals.packetsLost += num(s.packetsLost);
      totals.packetsReceived += num(s.packetsReceived);
    }
  }
  return totals;
}

function rttMsOf(stats: readonly RawStat[]): number {
  const pair = stats.find((s) => s.type === 'candidate-pair' && s.state === 'succeeded' && s.nominated && typeof s.currentRoundTripTime === 'number');
  if (pair) return num(pair.currentRoundTripTime) * 1000;
  const remote = stats.filter((s) => s.type === 'remote-inbound-rtp' && typeof s.roundTripTime === 'number');
  return remote.length > 0 ? Math.max(...remote.map((s) => num(s.roundTripTime))) * 1000 : NaN;
}

function jitterMsOf(stats: readonly RawStat[]): number {
  const inbound = stats.filter((s) => s.type === 'inbound-rtp' && typeof s.jitter === 'number');
  return inbound.length > 0 ? Math.max(...inbound.map((s) => num(s.jitter))) * 1000 : NaN;
}

export function sampleOf(stats: readonly RawStat[], now: Totals, previous: Totals | undefined): CallSample {
  const seconds = previous ? (now.at - previous.at) / 1000 : 0;
  const rate = (a: number, b: number) => (seconds > 0 ? Math.max(0, ((a - b) * 8) / 1000 / seconds) : 0);
  const lost = previous ? Math.max(0, now.packetsLost - previous.packetsLost) : 0;
  const received = previous ? Math.max(0, now.packetsReceived - previous.packetsReceived) : 0;
  return {
    sendKbps: previous ? rate(now.bytesSent, previous.bytesSent) : 0,
    recvKbps: previous ? rate(now.bytesReceived, previous.bytesReceived) : 0,
    lossPct: lost + received > 0 ? (100 * lost) / (lost + received) : NaN,
    rttMs: rttMsOf(stats),
    jitterMs: jitterMsOf(stats),
    video: stats.some((s) => (s.type === 'inbound-rtp' || s.type === 'outbound-rtp') && s.kind === 'video'),
  };
}

/** Adds two samples (two peer connections in one call). */
export function combine(a: CallSample, b: CallSample): CallSample {
  const worst = (x: number, y: number) => (Number.isNaN(x) ? y : Number.isNaN(y) ? x : Math.max(x, y));
  return {
    sendKbps: a.sendKbps + b.sendKbps,
    recvKbps: a.recvKbps + b.recvKbps,
    lossPct: worst(a.lossPct, b.lossPct),
    rttMs: worst(a.rttMs, b.rttMs),
    jitterMs: worst(a.jitterMs, b.jitterMs),
    video: a.video || b.video,
  };
}
