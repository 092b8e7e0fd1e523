// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { offerProbePort, type ProbeLine } from '@/lib/call/probe-channel';
import { PROBE_PORT_EVENT } from '@/lib/call/probe-protocol';
import probe from '@/entrypoints/in-page-call-probe';

// The main-world probe and the isolated end of its line, against stand-ins for the browser's
// WebRTC and screen-capture objects, in document_start order: the probe, then the offer, then
// the page's own scripts.
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
  });
  afterEach(() => window.removeEventListener('message', recordWindow));

  function startAtDocumentStart(): ProbeLine {
    probe.main();
    const line = offerProbePort();
    if (!line) throw new Error('the probe did not take its port');
    line.listen((data) => heard.push(data));
    return line;
  }

  it('says a share, and its end, on the line and nowhere the page can hear', async () => {
    startAtDocumentStart();
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

  it('keeps share news said before anything listened, so a share still locks the notes', async () => {
    probe.main();
    const line = offerProbePort()!;
    await new MediaDevices().getDisplayMedia();
    await wait(20);
    line.listen((data) => heard.push(data));
    expect(heard).toEqual([{ kind: 'share', state: 'started' }]);
  });

  it('after many shares said before anything listened, the last one heard is the latest', async () => {
    probe.main();
    const line = offerProbePort()!;
    // Twenty short shares, then one that stays on: the listener must learn a share is running.
    for (let i = 0; i < 20; i++) (await new MediaDevices().getDisplayMedia()).getVideoTracks()[0]!.stop();
    await new MediaDevices().getDisplayMedia();
    await wait(20);
    line.listen((data) => heard.push(data));
    expect(heard.at(-1)).toEqual({ kind: 'share', state: 'started' });
    expect(heard.length).toBeLessThanOrEqual(16);
  });

  it('offers nothing a page could take when no probe is listening', () => {
    const taken: MessagePort[] = [];
    window.addEventListener(PROBE_PORT_EVENT, (event) => taken.push(...(event as MessageEvent).ports));
    // Our isolated end ran, but no probe before it: it gives up, and listens for nothing.
    expect(offerProbePort()).toBeUndefined();
  });

  it('a page’s own port, offered after the handshake, is not taken: the probe keeps talking to us', async () => {
    startAtDocumentStart();
    const pageChannel = new MessageChannel();
    const stolen: unknown[] = [];
    pageChannel.port1.onmessage = (event) => stolen.push(event.data);
    const accepted = !window.dispatchEvent(new MessageEvent(PROBE_PORT_EVENT, { ports: [pageChannel.port2], cancelable: true }));
    expect(accepted).toBe(false);
    await new MediaDevices().getDisplayMedia();
    await wait(20);
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
