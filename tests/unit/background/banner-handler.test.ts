import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser, type Browser } from 'wxt/browser';
import type { BannerSettings } from '@/lib/background/banner-handler';
import { createBus } from '@/lib/background/bus';
import { inPageDomain } from '@/lib/background/in-page-domain';
import type { BannerModelResponse } from '@/lib/in-page/wire';

const settings: BannerSettings = { jurisdiction: 'other', dismissHours: 24, customRules: [] };
const request = { type: 'banner:model', url: 'https://web.whatsapp.com/', kinds: ['messaging'] };
type Sender = Browser.runtime.MessageSender;
const tab = { id: 7, index: 0, active: true, windowId: 1 } as Browser.tabs.Tab;
const fromTab = (url: string, id = browser.runtime.id): Sender => ({ id, url, tab, frameId: 0 });
const lock = async () => undefined;

/** The request as the background's one listener takes it: the bus, with the in-page domain only. */
const answerBannerRequest = (message: unknown, sender: Sender, banner: BannerSettings) =>
  createBus([inPageDomain({ banner: () => banner, call: { contract: () => undefined, lock } })])(message, sender) as Promise<BannerModelResponse | undefined> | undefined;

describe('the background answers banner questions only from our own content scripts', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers our content script on the page it runs in', async () => {
    const answer = await answerBannerRequest(request, fromTab('https://web.whatsapp.com/'), settings);
    expect(answer).toMatchObject({ platformId: 'whatsapp-web', verdict: 'avoid' });
  });

  it.each([
    ['another extension', fromTab('https://web.whatsapp.com/', 'some-other-extension')],
    ['a sender without a tab (not a content script)', { id: browser.runtime.id, url: 'https://web.whatsapp.com/' } as Sender],
    ['a content script asking about another site', fromTab('https://evil.example/')],
    ['our script in a subframe (it is injected into top frames only)', { ...fromTab('https://web.whatsapp.com/'), frameId: 3 }],
    ['a web page (no extension id)', { ...fromTab('https://web.whatsapp.com/'), id: undefined }],
    ['a sandboxed top frame (opaque origin)', { ...fromTab('https://web.whatsapp.com/'), origin: 'null' }],
    ['one of our extension pages', { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') }],
  ])('ignores %s', async (_who, sender) => {
    expect(await answerBannerRequest(request, sender, settings)).toBeUndefined();
  });

  it.each([
    [{ ...request, type: 'vault:unlock' }],
    [{ ...request, url: 42 }],
    [{ ...request, kinds: ['everything'] }],
    [{ ...request, extra: 'field' }],
    ['banner:model'],
    [null],
  ])('ignores a malformed question %j', async (message) => {
    expect(await answerBannerRequest(message, fromTab('https://web.whatsapp.com/'), settings)).toBeUndefined();
  });

  it('honours a dismissal stored for a use-with-care platform', async () => {
    const doxy = { ...request, url: 'https://doxy.me/drsmith', kinds: ['video'] };
    await browser.storage.local.set({ bannerDismissals: { 'doxy-me': Date.now() + 60_000 } });
    expect(await answerBannerRequest(doxy, fromTab('https://doxy.me/drsmith'), settings)).toBeNull();
  });

  it('shows the full card once per platform and verdict, then the chip', async () => {
    const first = await answerBannerRequest(request, fromTab('https://web.whatsapp.com/'), settings);
    const second = await answerBannerRequest(request, fromTab('https://web.whatsapp.com/'), settings);
    expect([first?.firstVisit, second?.firstVisit]).toEqual([true, false]);
    expect((await browser.storage.local.get('bannerLook')).bannerLook).toEqual({ 'whatsapp-web': { seen: ['avoid'] } });
  });
});
