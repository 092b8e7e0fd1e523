import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { combine, sampleOf, totalsOf, type CallSample, type RawStat, type Totals } from '@/lib/call/sample';
import { PROBE_ATTRIBUTE, PROBE_SOURCE } from '@/lib/call/probe-protocol';

/**
 * The call probe, in the page's own world at document_start, before the page's scripts run: it
 * wraps RTCPeerConnection to read getStats() every 2 s, and getDisplayMedia to notice screen
 * sharing. It stays silent until our isolated content script hands it a secret (a DOM attribute,
 * set when the probe asks and only once the background has recognised the page as a call
 * platform), then posts numbers and fixed words tagged with it. The page shares this world and can see those messages, so the
 * secret only keeps out other frames and stale scripts; a page that forges them can only change
 * its own indicator or lock the notes early. The wrappers return the browser's own objects and
 * results, so calls behave exactly as without us.
 *
 * Declared as a MAIN-world content script rather than injected later (DESIGN.md said
 * "injected"): injecting at document_idle would come after the page had created its
 * connections, and needs a web-accessible resource that pages can fingerprint.
 */
export default defineUnlistedScript({
  // This runs in the page's own world: a global variable here would be the page's to see (and
  // could overwrite one of the page's own).
  globalName: false,
  // Declared in the manifest at document_start, in the MAIN world: lib/in-page/scripts.ts.
  main() {
    const NativePeerConnection = window.RTCPeerConnection;
    if (typeof NativePeerConnection !== 'function') return;

    // The secret is asked for when there is something to say, not watched for: a MutationObserver
    // set up here at document_start cost every page of these hosts about a millisecond, and an
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

    const track = (pc: RTCPeerConnection) => {
      askForSecret(); // in place before the first reading, two seconds from now
      connections.add(pc);
      born.set(pc, performance.now());
      timer ??= setInterval(() => void readAll(), 2000);
    };

    // A function that returns the browser's own object: `new RTCPeerConnection(...)` and
    // `instanceof` behave exactly as before, and statics (generateCertificate) are inherited.
    // Reflect.construct with new.target keeps subclasses working: `class X extends
    // RTCPeerConnection` still gets an X, with its own methods.
    const Wrapped = function RTCPeerConnection(this: unknown, ...args: ConstructorParameters<typeof NativePeerConnection>) {
      const pc = Reflect.construct(NativePeerConnection, args, new.target ?? Wrapped) as RTCPeerConnection;
      track(pc);
      return pc;
    } as unknown as typeof NativePeerConnection;
    Wrapped.prototype = NativePeerConnection.prototype;
    Object.setPrototypeOf(Wrapped, NativePeerConnection);
    window.RTCPeerConnection = Wrapped;
    const legacy = window as unknown as { webkitRTCPeerConnection?: unknown };
    if (legacy.webkitRTCPeerConnection === NativePeerConnection) legacy.webkitRTCPeerConnection = Wrapped;

    const nativeGetDisplayMedia = MediaDevices.prototype.getDisplayMedia;
    if (typeof nativeGetDisplayMedia === 'function') {
      const sharing = new Set<MediaStreamTrack>();
      const stopped = () => {
        for (const t of sharing) if (t.readyState === 'ended') sharing.delete(t);
        if (sharing.size === 0) post({ kind: 'share', state: 'stopped' });
      };
      MediaDevices.prototype.getDisplayMedia = async function getDisplayMedia(this: MediaDevices, ...args: Parameters<MediaDevices['getDisplayMedia']>) {
        const stream = await nativeGetDisplayMedia.apply(this, args);
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
        return stream;
      };
    }
  },
});
