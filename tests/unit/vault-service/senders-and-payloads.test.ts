import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBus } from '@/lib/background/bus';
import { onVaultLocked, saveClient, vaultStatus } from '@/lib/vault-client';
import { LIMITS } from '@/lib/vault/store/record-schemas';
import {
  ask,
  BACKGROUND,
  CONTENT_SCRIPT,
  LOOK_ALIKE_ORIGIN,
  OTHER_EXTENSION,
  PAGE,
  PAGE_IN_TAB,
  routeClientMessages,
  startService,
} from './harness';

/**
 * Who the vault answers: our own extension pages, and nobody else. A refused message gets no
 * answer at all (not an error that would confirm the vault exists). No key derivation here.
 */

beforeEach(() => {
  fakeBrowser.reset();
});

const requests = [
  { type: 'vault:status' },
  { type: 'vault:unlock', passphrase: 'correct horse battery staple' },
  { type: 'vault:list-clients' },
  { type: 'vault:search-notes', query: 'sleep' },
  { type: 'vault:export-backup' },
  { type: 'vault:lock', reason: 'screen-share' },
];

describe('the vault answers only our own extension pages', () => {
  it.each([
    ['a notes page in the side panel', PAGE],
    ['a notes page open in a tab', PAGE_IN_TAB],
  ])('answers %s', async (_name, sender) => {
    startService();
    expect(await ask({ type: 'vault:status' }, sender)).toEqual({ ok: true, value: { state: 'none', autoLockMinutes: 15 } });
  });

  it.each([
    ['a content script on a video-call page (a tab with an https URL)', CONTENT_SCRIPT],
    ['another extension', OTHER_EXTENSION],
    ['a look-alike origin (chrome-extension://<our id>.evil.example)', LOOK_ALIKE_ORIGIN],
    ['a sender with no URL', { id: 'test-extension-id' }],
    ['a sender with no id', { url: PAGE.url }],
    ['our page URL reported inside a web page tab', { ...PAGE, tab: { id: 4, url: 'https://evil.example/' } }],
  ])('gives %s no answer at all, for every request', async (_name, sender) => {
    startService();
    for (const request of requests) expect(await ask(request, sender)).toBeUndefined();
  });

  it('does not lock for a content script that asks it to (the in-call feature calls lockVault in the background)', async () => {
    startService();
    const broadcast = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    expect(await ask({ type: 'vault:lock', reason: 'screen-share' }, CONTENT_SCRIPT)).toBeUndefined();
    expect(broadcast).not.toHaveBeenCalled();
    expect(await ask({ type: 'vault:lock', reason: 'screen-share' }, PAGE)).toEqual({ ok: true });
    expect(broadcast).toHaveBeenCalledWith({ type: 'vault:locked', reason: 'screen-share' });
  });

  it('does not answer its own lock broadcast', async () => {
    startService();
    expect(await ask({ type: 'vault:locked' }, BACKGROUND)).toBeUndefined();
  });

  it('leaves messages that are not the vault’s to the other handlers', () => {
    const { service } = startService();
    expect(createBus([service.messages])({ type: 'banner:model', url: 'https://meet.google.com/x', kinds: ['video'] }, PAGE)).toBeUndefined();
  });
});

describe('pages believe a lock broadcast only from our background', () => {
  it.each([
    ['a content script (our id, but in a web page tab)', CONTENT_SCRIPT],
    ['a content script in a frame reported without a tab URL', { id: CONTENT_SCRIPT.id, url: CONTENT_SCRIPT.url, tab: { id: 3 } }],
    ['our id with a web page URL and no tab', { id: PAGE.id, url: 'https://meet.google.com/x' }],
    ['our id with no URL', { id: PAGE.id }],
    ['a look-alike origin', LOOK_ALIKE_ORIGIN],
    ['another extension', OTHER_EXTENSION],
    ['one of our pages open in a tab', PAGE_IN_TAB],
  ])('ignores one from %s', async (_name, sender) => {
    const heard = vi.fn();
    onVaultLocked(heard);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'vault:locked', reason: 'screen-share' }, sender as never);
    expect(heard).not.toHaveBeenCalled();
  });

  it('hears one from the background', async () => {
    const heard = vi.fn();
    onVaultLocked(heard);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'vault:locked', reason: 'screen-share' }, BACKGROUND);
    expect(heard).toHaveBeenCalledWith('screen-share');
  });
});

describe('every request is checked against its schema', () => {
  it.each([
    ['an unknown request type', { type: 'vault:dump-keys' }],
    ['an extra field', { type: 'vault:status', debug: true }],
    ['a passphrase that is not text', { type: 'vault:unlock', passphrase: 42 }],
    ['an empty passphrase', { type: 'vault:unlock', passphrase: '' }],
    ['a passphrase longer than anyone types', { type: 'vault:unlock', passphrase: 'x'.repeat(1025) }],
    ['an id with a path in it', { type: 'vault:list-notes', clientId: '../../etc' }],
    ['a label that is too long', { type: 'vault:save-client', input: { label: 'x'.repeat(LIMITS.label + 1), contactMode: 'video' } }],
    ['an unknown contact mode', { type: 'vault:save-client', input: { label: 'A.B.', contactMode: 'carrier pigeon' } }],
    ['tags that are not a list', { type: 'vault:save-note', input: { clientId: 'c1', body: 'x', tags: 'a,b' } }],
    ['an unknown import mode', { type: 'vault:import-backup', text: '{}', passphrase: 'p', mode: 'merge' }],
    ['an unknown lock reason', { type: 'vault:lock', reason: 'because' }],
    ['not an object at all', 'vault:status'],
    ['null', null],
  ])('gives no answer to %s', async (_name, message) => {
    startService();
    expect(await ask(message)).toBeUndefined();
  });

  it('the page’s own client says what was wrong instead of waiting for silence', async () => {
    startService();
    routeClientMessages();
    const result = await saveClient({ label: '', contactMode: 'video' });
    expect(result).toEqual({ ok: false, error: { code: 'invalid-input', message: 'Give the client a label' } });
    const tooLong = await saveClient({ label: 'x'.repeat(LIMITS.label + 1), contactMode: 'video' });
    expect(tooLong.ok || tooLong.error.message).toBe('label: expected <=200');
  });

  it('the client turns silence into an error it can show', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    expect(await vaultStatus()).toMatchObject({ ok: false, error: { code: 'unexpected' } });
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Could not establish connection'));
    expect(await vaultStatus()).toMatchObject({ ok: false, error: { code: 'unexpected' } });
  });
});

describe('storage.session', () => {
  it('is kept to trusted contexts (extension pages and the background) where the browser supports it', () => {
    const setAccessLevel = vi.fn().mockResolvedValue(undefined);
    Object.assign(fakeBrowser.storage.session, { setAccessLevel });
    startService();
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });
});
