import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser, type Browser } from 'wxt/browser';
import { CALL_HISTORY_KEY, type CallHandlerDeps } from '@/lib/background/call-handler';
import { createBus } from '@/lib/background/bus';
import { inPageDomain } from '@/lib/background/in-page-domain';
import type { BannerSettings } from '@/lib/background/banner-handler';
import { defaultContract } from '@/lib/contract/schema';

type Sender = Browser.runtime.MessageSender;
const fromCallPage = (id = browser.runtime.id): Sender => ({ id, url: 'https://meet.google.com/abc', tab: { id: 3, index: 0, active: true, windowId: 1 } as Browser.tabs.Tab, frameId: 0 });
const fromOurPage: Sender = { id: 'x', url: 'chrome-extension://x/popup.html' };
const banner: BannerSettings = { jurisdiction: 'other', dismissHours: 24, customRules: [] };

/** The message as the background's one listener takes it: the bus, with the in-page domain only. */
const answerCallMessage = (message: unknown, sender: Sender, call: CallHandlerDeps, ready?: Promise<unknown>) =>
  createBus([inPageDomain({ banner: () => banner, call, ready })])(message, sender);

describe('the background side of the in-call companion', () => {
  const lock = vi.fn(async () => undefined);
  const deps = { contract: () => defaultContract(), lock };
  beforeEach(() => {
    fakeBrowser.reset();
    lock.mockClear();
  });

  it('gives a call page the contract’s session length, notices and disruption plan — nothing else', async () => {
    const answer = await answerCallMessage({ type: 'call:settings' }, fromCallPage(), deps);
    expect(Object.keys(answer!).sort()).toEqual(['backupPlatform', 'disruptionPlan', 'reminderMinutesBefore', 'sessionMinutes']);
  });

  it('locks the notes when a screen share starts, not when it stops', async () => {
    await answerCallMessage({ type: 'call:screen-share', state: 'stopped' }, fromCallPage(), deps);
    expect(lock).not.toHaveBeenCalled();
    await answerCallMessage({ type: 'call:screen-share', state: 'started' }, fromCallPage(), deps);
    expect(lock).toHaveBeenCalledWith('screen-share');
  });

  it('keeps a finished call as time and seconds per quality, with no identity', async () => {
    await answerCallMessage({ type: 'call:ended', startedAt: 1.7e12, endedAt: 1.7e12 + 3_000_000, seconds: { good: 2900, fair: 100, poor: 0, unknown: 0 } }, fromCallPage(), deps);
    const stored = (await browser.storage.local.get(CALL_HISTORY_KEY))[CALL_HISTORY_KEY] as unknown[];
    expect(stored).toEqual([{ at: new Date(1.7e12).toISOString(), minutes: 50, seconds: { good: 2900, fair: 100, poor: 0, unknown: 0 } }]);
  });

  it('keeps the call’s mean video bitrate when the page measured one', async () => {
    await answerCallMessage({ type: 'call:ended', startedAt: 1.7e12, endedAt: 1.7e12 + 60_000, seconds: { good: 60, fair: 0, poor: 0, unknown: 0 }, videoKbps: 1450 }, fromCallPage(), deps);
    const stored = (await browser.storage.local.get(CALL_HISTORY_KEY))[CALL_HISTORY_KEY] as { videoKbps?: number }[];
    expect(stored.at(-1)?.videoKbps).toBe(1450);
  });

  it.each([
    ['another extension', fromCallPage('other-extension')],
    ['an extension page (not a call page)', fromOurPage],
    ['our script in a subframe (it is injected into top frames only)', { ...fromCallPage(), url: 'https://ads.example/frame', frameId: 4 }],
    ['a web page (no extension id)', { ...fromCallPage(), id: undefined }],
    ['a sandboxed top frame (opaque origin)', { ...fromCallPage(), origin: 'null' }],
  ])('ignores %s', async (_who, sender) => {
    expect(await answerCallMessage({ type: 'call:screen-share', state: 'started' }, sender, deps)).toBeUndefined();
    expect(lock).not.toHaveBeenCalled();
  });
});

describe('which tabs are sharing', () => {
  const lock = vi.fn(async () => undefined);
  const shares = { started: vi.fn(async () => undefined), stopped: vi.fn(async () => undefined) };
  const deps = { contract: () => defaultContract(), lock, shares, platformNameOf: (url: string) => (url.startsWith('https://meet.google.com/') ? 'Google Meet' : undefined) };
  beforeEach(() => {
    fakeBrowser.reset();
    lock.mockClear();
    shares.started.mockClear();
    shares.stopped.mockClear();
  });

  it('records the sharing tab, with its platform’s name, before the notes lock', async () => {
    const order: string[] = [];
    shares.started.mockImplementationOnce(async () => void order.push('recorded'));
    lock.mockImplementationOnce(async () => void order.push('locked'));
    await answerCallMessage({ type: 'call:screen-share', state: 'started' }, fromCallPage(), deps);
    expect(shares.started).toHaveBeenCalledWith(3, 'Google Meet');
    expect(order).toEqual(['recorded', 'locked']);
  });

  it('forgets the tab when its share stops', async () => {
    await answerCallMessage({ type: 'call:screen-share', state: 'stopped' }, fromCallPage(), deps);
    expect(shares.stopped).toHaveBeenCalledWith(3);
  });

  it('takes no share news from anyone but our content script in a tab', async () => {
    await answerCallMessage({ type: 'call:screen-share', state: 'stopped' }, fromOurPage, deps);
    await answerCallMessage({ type: 'call:screen-share', state: 'started' }, fromCallPage('other-extension'), deps);
    expect(shares.started).not.toHaveBeenCalled();
    expect(shares.stopped).not.toHaveBeenCalled();
  });
});

describe('what the bus lets through to the call handlers', () => {
  const lock = vi.fn(async () => undefined);
  const deps = { contract: () => defaultContract(), lock };
  const seconds = { good: 50, fair: 10, poor: 0, unknown: 0 };
  const ended = { type: 'call:ended', startedAt: 1.7e12, endedAt: 1.7e12 + 60_000, seconds };
  beforeEach(() => {
    fakeBrowser.reset();
    lock.mockClear();
  });

  // Ported from the hand reader's table (readCallMessage), with the cases it checked silently.
  it.each([
    [{ type: 'call:settings' }, true],
    [{ type: 'call:settings', extra: 1 }, false],
    [{ type: 'call:screen-share', state: 'started' }, true],
    [{ type: 'call:screen-share', state: 'started', note: 'x' }, false],
    [{ type: 'call:screen-share', state: 'paused' }, false],
    [ended, true],
    [{ ...ended, endedAt: ended.startedAt }, true],
    [{ ...ended, endedAt: 1.6e12 }, false],
    [{ ...ended, startedAt: 1e12, endedAt: 1e12 }, false],
    [{ ...ended, startedAt: 1_700_000_000, endedAt: 1_700_000_060 }, false],
    [{ ...ended, endedAt: 1.7e12, seconds: { ...seconds, good: 'x' } }, false],
    [{ ...ended, seconds: { ...seconds, good: -1 } }, false],
    [{ ...ended, seconds: { ...seconds, good: 86_401 } }, false],
    [{ ...ended, seconds: { ...seconds, good: NaN } }, false],
    [{ ...ended, seconds: { ...seconds, extra: 0 } }, false],
    [{ ...ended, seconds: { good: 50, fair: 10, poor: 0 } }, false],
    [{ ...ended, videoKbps: 1800 }, true],
    [{ ...ended, videoKbps: 1800.5 }, false],
    [{ ...ended, videoKbps: 'fast' }, false],
    [{ ...ended, videoKbps: undefined }, false],
    [{ ...ended, videoKbps: 1_000_001 }, false],
    [{ ...ended, note: 'client name' }, false],
    [{ type: 'call:still-sharing' }, false],
    [{ type: 'vault:unlock', passphrase: 'x' }, false],
  ])('%j is accepted: %s', async (message, ok) => {
    const answer = answerCallMessage(message, fromCallPage(), deps);
    expect(answer !== undefined).toBe(ok);
    await answer;
    const stored = (await browser.storage.local.get(CALL_HISTORY_KEY))[CALL_HISTORY_KEY] as unknown[] | undefined;
    if (!ok) expect([stored, lock.mock.calls.length]).toEqual([undefined, 0]);
  });

  it('waits for the settings before answering, and refuses at once', async () => {
    let settle = () => {};
    const ready = new Promise<void>((resolve) => (settle = resolve));
    const contract = vi.fn(() => defaultContract());
    const answer = answerCallMessage({ type: 'call:settings' }, fromCallPage(), { contract, lock }, ready);
    await Promise.resolve();
    expect(contract).not.toHaveBeenCalled();
    expect(answerCallMessage({ type: 'call:settings' }, fromOurPage, { contract, lock }, ready)).toBeUndefined();
    settle();
    expect(await answer).toMatchObject({ sessionMinutes: defaultContract().sessionMinutes });
  });
});
