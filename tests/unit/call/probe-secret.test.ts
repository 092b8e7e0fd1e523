// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROBE_ATTRIBUTE, PROBE_SOURCE } from '@/lib/call/probe-protocol';
import probe from '@/entrypoints/in-page-call-probe';

// The main-world probe against stand-ins for the browser's WebRTC and screen-capture objects:
// what it says, and when, as the page (and our isolated script) would hear it.
class FakePeerConnection {
  connectionState = 'new';
}
class FakeTrack extends EventTarget {
  readyState = 'live';
  stop() {
    this.readyState = 'ended';
  }
}
/** A fresh class per test: the probe patches the prototype it finds. */
function fakeMediaDevices() {
  return class FakeMediaDevices {
    async getDisplayMedia() {
      const tracks = [new FakeTrack()];
      return { getVideoTracks: () => tracks };
    }
  };
}

const SECRET = 'a-secret-of-more-than-16-characters';
// Real time: the page's messages are delivered by the DOM's own event loop.
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the call probe', () => {
  let heard: Record<string, unknown>[];
  let MediaDevices: ReturnType<typeof fakeMediaDevices>;
  const listener = (event: MessageEvent) => heard.push(event.data);
  beforeEach(() => {
    heard = [];
    MediaDevices = fakeMediaDevices();
    Object.assign(globalThis, { RTCPeerConnection: FakePeerConnection, MediaDevices });
    Object.assign(window, { RTCPeerConnection: FakePeerConnection, MediaDevices });
    document.documentElement.removeAttribute(PROBE_ATTRIBUTE);
    window.addEventListener('message', listener);
    probe.main();
  });
  afterEach(async () => {
    // Each test's probe stays installed: hand any that still ask a secret, so none of them takes
    // the next test's (the attribute stays once nobody is left asking).
    for (let round = 0; round < 6 && !document.documentElement.hasAttribute(PROBE_ATTRIBUTE); round++) {
      document.documentElement.setAttribute(PROBE_ATTRIBUTE, 'a-leftover-secret-for-old-probes');
      await wait(300);
    }
    document.documentElement.removeAttribute(PROBE_ATTRIBUTE);
    window.removeEventListener('message', listener);
  });

  const shareMessages = () => heard.filter((m) => m.source === PROBE_SOURCE && m.kind === 'share');
  const hellos = () => heard.filter((m) => m.source === PROBE_SOURCE && m.kind === 'hello');

  it('asks nothing and says nothing on a page that makes no call', async () => {
    await wait(300);
    expect(heard).toEqual([]);
  });

  it('asks for the secret when it has something to say, and says nothing before it comes', async () => {
    await new MediaDevices().getDisplayMedia();
    await wait(600);
    expect(shareMessages()).toEqual([]);
    expect(hellos()).toEqual([{ source: PROBE_SOURCE, kind: 'hello' }]);
    // A connection being made asks too, so the secret is there before the first reading.
    new window.RTCPeerConnection();
    await wait(20);
    expect(hellos().length).toBe(2);
  });

  it('a share that started and stopped before the secret came is said in order, so the notes still lock', async () => {
    const stream = await new MediaDevices().getDisplayMedia();
    stream.getVideoTracks()[0]!.stop();
    await wait(50);
    document.documentElement.setAttribute(PROBE_ATTRIBUTE, SECRET);
    await wait(350);
    expect(shareMessages().map((m) => m.state)).toEqual(['started', 'stopped']);
  });

  it('reports a screen share that started before the secret arrived, once it does (so the notes still lock)', async () => {
    await new MediaDevices().getDisplayMedia();
    await wait(500);
    document.documentElement.setAttribute(PROBE_ATTRIBUTE, SECRET);
    await wait(350);
    expect(shareMessages()).toEqual([{ source: PROBE_SOURCE, secret: SECRET, kind: 'share', state: 'started' }]);
    // Taken, and gone from the page's DOM.
    expect(document.documentElement.hasAttribute(PROBE_ATTRIBUTE)).toBe(false);
  });

  it('reports a share at once when the secret is already there, and its end', async () => {
    document.documentElement.setAttribute(PROBE_ATTRIBUTE, SECRET);
    const stream = await new MediaDevices().getDisplayMedia();
    await wait(0);
    await wait(20);
    stream.getVideoTracks()[0]!.stop();
    await wait(20);
    expect(shareMessages().map((m) => m.state)).toEqual(['started', 'stopped']);
  });

  it('returns the browser’s own connection objects', () => {
    const pc = new window.RTCPeerConnection();
    expect(pc).toBeInstanceOf(FakePeerConnection);
  });

  it('refuses a call without `new` exactly as the browser’s own constructor does', () => {
    const withoutNew = (ctor: unknown) => () => (ctor as () => unknown)();
    expect(withoutNew(FakePeerConnection)).toThrow(TypeError);
    expect(withoutNew(window.RTCPeerConnection)).toThrow(TypeError);
  });
});
