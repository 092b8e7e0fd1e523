// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { offerProbePort, type ProbeLine } from '@/lib/in-page/probe/probe-channel';
import { PROBE_HELLO_EVENT, PROBE_PORT_EVENT } from '@/lib/in-page/wire';
import probe from '@/entrypoints/in-page-call-probe';

// The main-world probe and the isolated end of its line, against stand-ins for the browser's
// WebRTC and screen-capture objects, at document_start (the document still loading, no <script>
// parsed) in either order, then the page's own scripts.
class FakePeerConnection {
  connectionState = 'new';
}
class FakeTrack extends EventTarget {
  #state = 'live';
  get readyState() {
    return this.#state;
  }
  stop() {
    this.#state = 'ended';
  }
}
function fakeMediaDevices() {
  return class FakeMediaDevices {
    async getDisplayMedia() {
      const tracks = [new FakeTrack()];
      return { getVideoTracks: () => tracks };
    }
  };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const ORDERS = ['probe first', 'isolated end first'] as const;
type Order = (typeof ORDERS)[number];

describe('the call probe’s private line', () => {
  let MediaDevices: ReturnType<typeof fakeMediaDevices>;
  let heard: unknown[];
  let onWindow: unknown[];
  const recordWindow = (event: MessageEvent) => onWindow.push(event.data);
  beforeEach(() => {
    MediaDevices = fakeMediaDevices();
    Object.assign(globalThis, { RTCPeerConnection: FakePeerConnection, MediaDevices, MediaStreamTrack: FakeTrack });
    Object.assign(window, { RTCPeerConnection: FakePeerConnection, MediaDevices, MediaStreamTrack: FakeTrack });
    // happy-dom's MessagePort is not the class of the MessageChannel it hands out; the probe
    // captures the prototype's postMessage, as in a browser, so give it the real one.
    const RealPort = Object.getPrototypeOf(new MessageChannel().port1).constructor as typeof MessagePort;
    Object.assign(globalThis, { MessagePort: RealPort });
    heard = [];
    onWindow = [];
    window.addEventListener('message', recordWindow);
    document.head.replaceChildren();
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
  });
  afterEach(() => {
    window.removeEventListener('message', recordWindow);
    Reflect.deleteProperty(document, 'readyState');
  });

  function startAtDocumentStart(order: Order = 'probe first'): ProbeLine {
    let line: ProbeLine;
    if (order === 'probe first') {
      probe.main();
      line = offerProbePort();
    } else {
      line = offerProbePort();
      expect(line.connected).toBe(false);
      probe.main();
    }
    if (!line.connected) throw new Error('the probe did not take its port');
    line.listen((data) => heard.push(data));
    return line;
  }

  /** The parser reaches the page's first <script>: past this point the page's own code may run. */
  async function pageParsed() {
    document.head.append(document.createElement('script'));
    // The HTML parser runs a microtask checkpoint before it runs a script.
    await Promise.resolve();
  }

  /** A page's own port, offered the way our isolated end offers: true if anything took it. */
  function pageOffers(stolen: unknown[]): boolean {
    const pageChannel = new MessageChannel();
    pageChannel.port1.onmessage = (event) => stolen.push(event.data);
    return !window.dispatchEvent(new MessageEvent(PROBE_PORT_EVENT, { ports: [pageChannel.port2], cancelable: true }));
  }

  /** A page saying hello the way the probe does: the ports it was offered in answer. */
  function pageSaysHello(): readonly MessagePort[] {
    const offered: MessagePort[] = [];
    const take = (event: Event) => {
      offered.push(...(event as MessageEvent).ports);
      event.preventDefault();
    };
    window.addEventListener(PROBE_PORT_EVENT, take);
    window.dispatchEvent(new Event(PROBE_HELLO_EVENT));
    window.removeEventListener(PROBE_PORT_EVENT, take);
    return offered;
  }

  it('keeps share news said before anything listened, so a share still locks the notes', async () => {
    probe.main();
    const line = offerProbePort();
    await new MediaDevices().getDisplayMedia();
    await wait(20);
    line.listen((data) => heard.push(data));
    expect(heard).toEqual([{ kind: 'share', state: 'started' }]);
  });

  it('after many shares said before anything listened, the last one heard is the latest', async () => {
    probe.main();
    const line = offerProbePort();
    // Twenty short shares, then one that stays on: the listener must learn a share is running.
    for (let i = 0; i < 20; i++) (await new MediaDevices().getDisplayMedia()).getVideoTracks()[0]!.stop();
    await new MediaDevices().getDisplayMedia();
    await wait(20);
    line.listen((data) => heard.push(data));
    expect(heard.at(-1)).toEqual({ kind: 'share', state: 'started' });
    expect(heard.length).toBeLessThanOrEqual(16);
  });

  it.each(ORDERS)('%s: the line connects, a share and its end are heard on it and nowhere the page can hear', async (order) => {
    startAtDocumentStart(order);
    const stream = await new MediaDevices().getDisplayMedia();
    await wait(20);
    stream.getVideoTracks()[0]!.stop();
    await wait(20);
    expect(heard).toEqual([
      { kind: 'share', state: 'started' },
      { kind: 'share', state: 'stopped' },
    ]);
    expect(onWindow).toEqual([]);
    expect(document.documentElement.getAttributeNames()).toEqual([]);
  });

  it.each(ORDERS)('%s: a page’s own port and hello, after the handshake, get nothing: the probe keeps talking to us', async (order) => {
    startAtDocumentStart(order);
    await pageParsed();
    const stolen: unknown[] = [];
    expect(pageOffers(stolen)).toBe(false);
    expect(pageSaysHello()).toHaveLength(0);
    await new MediaDevices().getDisplayMedia();
    await wait(20);
    expect(stolen).toEqual([]);
    expect(heard).toEqual([{ kind: 'share', state: 'started' }]);
  });

  it('a page racing to offer its port to a probe still waiting for ours gets nothing once it can run', async () => {
    // The probe ran; the page's first script is parsed before our isolated end came (which
    // document_start rules out): the probe has stopped waiting by the time that script runs.
    probe.main();
    await pageParsed();
    const stolen: unknown[] = [];
    expect(pageOffers(stolen)).toBe(false);
    await new MediaDevices().getDisplayMedia();
    await wait(20);
    expect(stolen).toEqual([]);
  });

  it('a page racing to say hello to an isolated end still waiting for the probe is offered nothing once it can run', async () => {
    const line = offerProbePort();
    await pageParsed();
    expect(pageSaysHello()).toHaveLength(0);
    expect(line.connected).toBe(false);
  });

  it('where no probe runs, offers nothing a page could take, and answers no hello: no sign Anteroom is there', async () => {
    const line = offerProbePort();
    await pageParsed();
    expect(pageSaysHello()).toHaveLength(0);
    expect(line.connected).toBe(false);
  });

  it('injected after the page’s scripts ran (a tab open at install), neither end offers or listens', async () => {
    // The page's script is parsed and ran; it waits for our port with a listener of its own.
    await pageParsed();
    const taken: MessagePort[] = [];
    const waitForPort = (event: Event) => {
      taken.push(...(event as MessageEvent).ports);
      event.preventDefault();
    };
    window.addEventListener(PROBE_PORT_EVENT, waitForPort);
    try {
      const line = offerProbePort();
      expect(pageSaysHello()).toHaveLength(0);
      expect(line.connected).toBe(false);
      // The same once the document has finished loading, even with no <script> in it.
      Object.defineProperty(document, 'readyState', { value: 'complete', configurable: true });
      document.head.replaceChildren();
      expect(offerProbePort().connected).toBe(false);
      expect(pageSaysHello()).toHaveLength(0);
      expect(taken).toHaveLength(0);
    } finally {
      window.removeEventListener(PROBE_PORT_EVENT, waitForPort);
    }
  });

  it.each(ORDERS)('%s: a page that replaces the port, event and channel methods after document_start neither reads nor drops the news', async (order) => {
    startAtDocumentStart(order);
    await pageParsed();
    const stolen: unknown[] = [];
    const proto = MessagePort.prototype;
    const originals = { postMessage: proto.postMessage, dispatch: EventTarget.prototype.dispatchEvent, remove: EventTarget.prototype.removeEventListener, channel: window.MessageChannel };
    try {
      proto.postMessage = function (message: unknown) {
        stolen.push(message);
      };
      EventTarget.prototype.dispatchEvent = function () {
        stolen.push('dispatchEvent');
        return true;
      };
      EventTarget.prototype.removeEventListener = function () {
        stolen.push('removeEventListener');
      };
      window.MessageChannel = function () {
        stolen.push('MessageChannel');
      } as unknown as typeof MessageChannel;
      await new MediaDevices().getDisplayMedia();
      await wait(20);
    } finally {
      proto.postMessage = originals.postMessage;
      EventTarget.prototype.dispatchEvent = originals.dispatch;
      EventTarget.prototype.removeEventListener = originals.remove;
      window.MessageChannel = originals.channel;
    }
    expect(stolen).toEqual([]);
    expect(heard).toEqual([{ kind: 'share', state: 'started' }]);
  });

  it('a page faking the end of the share on the track does not end it', async () => {
    startAtDocumentStart();
    const stream = await new MediaDevices().getDisplayMedia();
    const track = stream.getVideoTracks()[0]!;
    Object.defineProperty(track, 'readyState', { value: 'ended' });
    track.dispatchEvent(new Event('ended'));
    await wait(20);
    expect(heard).toEqual([{ kind: 'share', state: 'started' }]);
  });

  it('returns the browser’s own connection objects', () => {
    startAtDocumentStart();
    expect(new window.RTCPeerConnection()).toBeInstanceOf(FakePeerConnection);
  });

  it('refuses a call without `new` exactly as the browser’s own constructor does', () => {
    startAtDocumentStart();
    const withoutNew = (ctor: unknown) => () => (ctor as () => unknown)();
    expect(withoutNew(FakePeerConnection)).toThrow(TypeError);
    expect(withoutNew(window.RTCPeerConnection)).toThrow(TypeError);
  });
});
