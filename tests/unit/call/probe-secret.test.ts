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
  afterEach(() => {
    window.removeEventListener('message', listener);
  });

  const shareMessages = () => heard.filter((m) => m.source === PROBE_SOURCE && m.kind === 'share');

  it('says nothing before our isolated script hands it the secret', async () => {
    await new MediaDevices().getDisplayMedia();
    await wait(600);
    expect(shareMessages()).toEqual([]);
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
});
