import { combine, sampleOf, totalsOf, type CallSample, type RawStat, type Totals } from './sample';
import { PROBE_ATTRIBUTE, PROBE_SOURCE } from './probe-protocol';

/** What the main-world probe's wrappers hand over: the connections and screen shares the page makes. */
export interface ProbeWatch {
  track(pc: RTCPeerConnection): void;
  shared(stream: MediaStream): void;
}

/**
 * The probe's work once the page makes a connection or starts a share: reading getStats() every
 * 2 s, noticing the share end, and saying it all to our isolated script under the secret.
 *
 * Made on first use, not at document_start: most loads of these hosts never hold a call, and
 * every line of script run at document_start is paid by every one of them (npm run bench).
 */
export function createProbeWatch(): ProbeWatch {
  // The secret is asked for when there is something to say, not watched for: a MutationObserver
  // set up at document_start cost every page of these hosts about a millisecond, and an
  // attribute handed over at every page load would tell any page that Anteroom is installed.
  let secret: string | undefined;
  const takeSecret = () => {
    const value = secret === undefined ? document.documentElement?.getAttribute(PROBE_ATTRIBUTE) : undefined;
    if (value) {
      secret = value;
      document.documentElement.removeAttribute(PROBE_ATTRIBUTE);
    }
    return secret !== undefined;
  };
  const send = (message: Record<string, unknown>) => window.postMessage({ source: PROBE_SOURCE, secret, ...message }, location.origin);
  // Screen-share news that came before the secret, said in order once it arrives: a share that
  // started (even if it has stopped since) must still lock the notes.
  const unsaid: Record<string, unknown>[] = [];
  const flush = () => {
    for (const message of unsaid.splice(0)) send(message);
  };
  let asking: ReturnType<typeof setInterval> | undefined;
  let askUntil = 0;
  let ticks = 0;
  const hello = () => window.postMessage({ source: PROBE_SOURCE, kind: 'hello' }, location.origin);
  const askForSecret = () => {
    if (takeSecret()) return;
    hello();
    askUntil = performance.now() + 60_000;
    // Asked again each second: our isolated script starts listening only once the page has
    // loaded and the background has recognised it.
    asking ??= setInterval(() => {
      if (takeSecret()) flush();
      else if (performance.now() < askUntil) return void (++ticks % 4 === 0 && hello());
      else unsaid.length = 0; // not a call platform our isolated script knows: say nothing
      clearInterval(asking);
      asking = undefined;
    }, 250);
  };
  const post = (message: Record<string, unknown>) => {
    if (takeSecret()) {
      flush();
      send(message);
      return;
    }
    if (message.kind === 'share') unsaid.push(message); // stats: the next reading will do
    askForSecret();
  };

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
    for (const t of sharing) if (t.readyState === 'ended') sharing.delete(t);
    if (sharing.size === 0) post({ kind: 'share', state: 'stopped' });
  };

  return {
    track(pc) {
      askForSecret(); // in place before the first reading, two seconds from now
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
