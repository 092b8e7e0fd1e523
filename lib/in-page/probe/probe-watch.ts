import { combine, sampleOf, totalsOf, type CallSample, type RawStat, type Totals } from './sample';

/** What the main-world probe's wrappers hand over: the connections and screen shares the page makes. */
export interface ProbeWatch {
  track(pc: RTCPeerConnection): void;
  shared(stream: MediaStream): void;
}

/** What the probe captured at document_start, before the page could replace anything. */
export interface ProbeNatives {
  /** Says one message on the private line to our isolated script (lib/in-page/probe/probe-channel.ts). */
  post(message: object): void;
  /** A track's own readyState: a page can shadow the property on a track, not this getter. */
  ended(track: MediaStreamTrack): boolean;
}

/**
 * The probe's work once the page makes a connection or starts a share: reading getStats() every
 * 2 s, noticing the share end, and saying it all to our isolated script.
 *
 * Made on first use, not at document_start: most loads of these hosts never hold a call, and
 * every line of script run at document_start is paid by every one of them (npm run bench).
 */
export function createProbeWatch(natives: ProbeNatives): ProbeWatch {
  const post = (message: Record<string, unknown>) => natives.post(message);

  const connections = new Set<RTCPeerConnection>();
  const previous = new WeakMap<RTCPeerConnection, Totals>();
  const born = new WeakMap<RTCPeerConnection, number>();
  let timer: ReturnType<typeof setInterval> | undefined;

  const readAll = async () => {
    let sample: CallSample | undefined;
    let connected = false;
    for (const pc of [...connections]) {
      // Closed or failed connections are dropped, and so is one that never connected within
      // a minute (a page that prepares connections it never uses): no polling forever.
      if (pc.connectionState === 'closed' || pc.connectionState === 'failed' || (pc.connectionState === 'new' && performance.now() - (born.get(pc) ?? 0) > 60_000)) {
        connections.delete(pc);
        continue;
      }
      if (pc.connectionState === 'connected') connected = true;
      try {
        const report = await pc.getStats();
        const stats: RawStat[] = [];
        report.forEach((s: RawStat) => stats.push(s));
        const totals = totalsOf(stats, performance.now());
        const one = sampleOf(stats, totals, previous.get(pc));
        previous.set(pc, totals);
        sample = sample ? combine(sample, one) : one;
      } catch {
        // A connection closing between the state check and getStats: skip it this round.
      }
    }
    if (connections.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
    if (sample) post({ kind: 'stats', ...sample, connected });
  };

  const sharing = new Set<MediaStreamTrack>();
  const stopped = () => {
    for (const t of sharing) if (natives.ended(t)) sharing.delete(t);
    if (sharing.size === 0) post({ kind: 'share', state: 'stopped' });
  };

  return {
    track(pc) {
      connections.add(pc);
      born.set(pc, performance.now());
      timer ??= setInterval(() => void readAll(), 2000);
    },
    shared(stream) {
      post({ kind: 'share', state: 'started' });
      for (const t of stream.getVideoTracks()) {
        sharing.add(t);
        // 'ended' fires when the user stops sharing from the browser; a page calling stop()
        // does not fire it, so the stop is also wrapped per track.
        t.addEventListener('ended', stopped);
        const nativeStop = t.stop.bind(t);
        t.stop = () => {
          nativeStop();
          stopped();
        };
      }
    },
  };
}
