import { createProbeWatch, type ProbeWatch } from './probe-watch';
import { awaitProbePort } from './probe-channel';

/**
 * The call probe, in the page's own world at document_start, before the page's scripts run: it
 * wraps RTCPeerConnection to read getStats() every 2 s, and getDisplayMedia to notice screen
 * sharing. It says numbers and fixed words to our isolated script over a MessageChannel port
 * handed to it before the page's own scripts run (lib/in-page/probe/probe-channel.ts), so the page can
 * neither read that news nor forge it. It shares this world with the page, though: a page set on
 * it could still keep a share from reaching these wrappers (README.md says what the lock can
 * promise). The wrappers return the browser's own objects and results, so calls behave exactly
 * as without us.
 *
 * Declared as a MAIN-world content script rather than injected later: injecting at
 * document_idle would come after the page had created its connections, and needs a
 * web-accessible resource that pages can fingerprint.
 */
export function installCallProbe(): void {
  // First, before anything can return early: the port is offered only before the page's
  // scripts run, whichever of the probe and our isolated script runs first.
  const post = awaitProbePort();
  const NativePeerConnection = window.RTCPeerConnection;
  if (typeof NativePeerConnection !== 'function') return;
  const readyState = Object.getOwnPropertyDescriptor(MediaStreamTrack.prototype, 'readyState')?.get;
  const apply = Reflect.apply;
  const ended = (track: MediaStreamTrack) => (readyState ? apply(readyState, track, []) === 'ended' : track.readyState === 'ended');

  // Only the wrappers are put in place here; the watch behind them is made when the page first
  // connects or shares (lib/in-page/probe/probe-watch.ts says why).
  let watch: ProbeWatch | undefined;
  const watcher = () => (watch ??= createProbeWatch({ post, ended }));

  // A function that returns the browser's own object: `new RTCPeerConnection(...)` and
  // `instanceof` behave exactly as before, and statics (generateCertificate) are inherited.
  // Reflect.construct with new.target keeps subclasses working: `class X extends
  // RTCPeerConnection` still gets an X, with its own methods.
  const Wrapped = function RTCPeerConnection(this: unknown, ...args: ConstructorParameters<typeof NativePeerConnection>) {
    // Called without `new`: the browser's own function throws its own error, as without us.
    if (new.target === undefined) return Reflect.apply(NativePeerConnection, this, args) as RTCPeerConnection;
    const pc = Reflect.construct(NativePeerConnection, args, new.target) as RTCPeerConnection;
    watcher().track(pc);
    return pc;
  } as unknown as typeof NativePeerConnection;
  Wrapped.prototype = NativePeerConnection.prototype;
  Object.setPrototypeOf(Wrapped, NativePeerConnection);
  window.RTCPeerConnection = looksNative(Wrapped, 'RTCPeerConnection');
  const legacy = window as unknown as { webkitRTCPeerConnection?: unknown };
  if (legacy.webkitRTCPeerConnection === NativePeerConnection) legacy.webkitRTCPeerConnection = Wrapped;

  const nativeGetDisplayMedia = MediaDevices.prototype.getDisplayMedia;
  if (typeof nativeGetDisplayMedia === 'function') {
    const getDisplayMedia = async function getDisplayMedia(this: MediaDevices, ...args: Parameters<MediaDevices['getDisplayMedia']>) {
      const stream = (await apply(nativeGetDisplayMedia, this, args)) as MediaStream;
      watcher().shared(stream);
      return stream;
    };
    MediaDevices.prototype.getDisplayMedia = looksNative(getDisplayMedia, 'getDisplayMedia');
  }
}

/**
 * Gives a wrapper the name the browser's own function has. The build's minifier drops function
 * names, and a page that reads `RTCPeerConnection.name` (feature checks, logging) must see what
 * it sees without us, or it may behave differently.
 */
function looksNative<F extends object>(wrapper: F, name: string): F {
  Object.defineProperty(wrapper, 'name', { value: name, configurable: true });
  return wrapper;
}
