import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser, type Browser } from 'wxt/browser';
import * as v from 'valibot';
import { chooseClient, chosenClient, createSessionRecorder, sessionRecordFor } from '@/lib/background/session-recorder';
import { LIMITS, MAX_SESSION_MINUTES, sealedSession } from '@/lib/vault/store/record-schemas';
import { sessionClientDomain } from '@/lib/background/session-client-handler';
import { createBus } from '@/lib/background/bus';
import type { SessionInput } from '@/lib/vault/store/sessions-store';

const call = { startedAt: Date.UTC(2026, 10, 21, 10), endedAt: Date.UTC(2026, 10, 21, 10, 50), platform: 'doxy-me' };

describe('a finished call joins the chosen client’s sessions', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps nothing when no client was chosen', async () => {
    const save = vi.fn(async () => true);
    expect(await createSessionRecorder({ saveIfUnlocked: save }).callEnded(call)).toBe('no-client');
    expect(save).not.toHaveBeenCalled();
  });

  it('saves time, length, platform and the latest checklist for the chosen client, once', async () => {
    await browser.storage.local.set({ checklistRuns: [{ startedAt: 'a', updatedAt: '2026-11-21T09:55:00Z', platform: 'doxy-me', format: 'video', ready: true, items: { 'privacy.alone': 'done' } }] });
    await chooseClient('c0ffee');
    const saved: SessionInput[] = [];
    const recorder = createSessionRecorder({ saveIfUnlocked: async (input) => (saved.push(input), true) });
    expect(await recorder.callEnded(call)).toBe('saved');
    expect(saved).toEqual([{ clientId: 'c0ffee', startedAt: call.startedAt, durationMinutes: 50, platform: 'doxy-me', checklistSnapshot: { 'privacy.alone': 'done' } }]);
    expect(await chosenClient()).toBeNull();
  });

  it('waits for the next unlock when the vault is locked (a screen share locked it), then writes', async () => {
    await chooseClient('c0ffee');
    let unlocked = false;
    const saved: SessionInput[] = [];
    const recorder = createSessionRecorder({ saveIfUnlocked: async (input) => (unlocked ? (saved.push(input), true) : false) });
    expect(await recorder.callEnded(call)).toBe('pending');
    expect(await recorder.flush()).toBe(0);
    unlocked = true;
    expect(await recorder.flush()).toBe(1);
    expect(saved).toHaveLength(1);
    expect(await recorder.flush()).toBe(0);
  });

  it('keeps what waits in session memory only, with an opaque id and numbers', async () => {
    await chooseClient('c0ffee');
    await createSessionRecorder({ saveIfUnlocked: async () => false }).callEnded(call);
    expect(JSON.stringify(await browser.storage.local.get(null))).not.toContain('c0ffee');
    expect(JSON.stringify(await browser.storage.session.get(null))).toContain('c0ffee');
  });
});

describe('choosing the session’s client', () => {
  beforeEach(() => fakeBrowser.reset());
  const ownPage = (): Browser.runtime.MessageSender => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });
  const contentScript = (): Browser.runtime.MessageSender => ({ id: browser.runtime.id, url: 'https://meet.google.com/x', tab: { id: 1 } as Browser.tabs.Tab, frameId: 0 });
  const answerSessionClientMessage = (message: unknown, sender: Browser.runtime.MessageSender) => createBus([sessionClientDomain()])(message, sender);

  it('is accepted from our own pages', async () => {
    expect(await answerSessionClientMessage({ type: 'session:choose-client', clientId: 'abc123' }, ownPage())).toEqual({ clientId: 'abc123' });
  });

  it('is refused from a content script or with a malformed id', async () => {
    expect(await answerSessionClientMessage({ type: 'session:choose-client', clientId: 'abc123' }, contentScript())).toBeUndefined();
    expect(await answerSessionClientMessage({ type: 'session:choose-client', clientId: '../x' }, ownPage())).toBeUndefined();
    expect(await chosenClient()).toBeNull();
  });
});

describe('a finished call is always a record the vault, and so every restore, accepts', () => {
  beforeEach(() => fakeBrowser.reset());

  it('records a call tab left open for 25 hours as the longest session a record holds, not as an unrestorable record', async () => {
    const long = { startedAt: call.startedAt, endedAt: call.startedAt + 25 * 3_600_000, platform: 'doxy-me' };
    const input = sessionRecordFor('c0ffee', long, {});
    expect(input.durationMinutes).toBe(MAX_SESSION_MINUTES);
    const { clientId: _clientId, ...sealedPart } = input;
    expect(v.safeParse(sealedSession, { date: new Date(input.startedAt).toISOString(), ...sealedPart }).success).toBe(true);
  });

  it('shortens a custom platform id longer than a record holds', () => {
    const input = sessionRecordFor('c0ffee', { ...call, platform: `custom-${'a'.repeat(150)}.example.org` }, {});
    expect(input.platform).toHaveLength(LIMITS.platform);
    expect(input.platform.startsWith('custom-aaaa')).toBe(true);
  });

  it('gives the real length of an ordinary call, and never a negative one', () => {
    expect(sessionRecordFor('c0ffee', call, {}).durationMinutes).toBe(50);
    expect(sessionRecordFor('c0ffee', { ...call, endedAt: call.startedAt - 60_000 }, {}).durationMinutes).toBe(0);
  });
});
