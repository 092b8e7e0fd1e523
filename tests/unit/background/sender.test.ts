import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { classifySender } from '@/lib/background/sender';

/**
 * How the bus tells senders apart, with senders spelled out as each browser reports them
 * (runtime.MessageSender): Chrome adds `origin` (and documentId); Firefox leaves `origin` out.
 */

type Sender = Browser.runtime.MessageSender;
const ID = 'ours';
const chrome = { id: ID, base: `chrome-extension://${ID}/` };
const firefox = { id: ID, base: 'moz-extension://0f1e2d3c-uuid/' };
const tab = (url: string) => ({ id: 5, index: 0, active: true, windowId: 1, url }) as Browser.tabs.Tab;
const call = 'https://meet.google.com/abc-defg-hij';

describe('classifySender', () => {
  it.each<[string, Sender]>([
    ['the side panel or popup (no tab)', { id: ID, url: `${chrome.base}notes.html`, origin: `chrome-extension://${ID}` }],
    ['the notes page open in a tab', { id: ID, url: `${chrome.base}notes.html`, tab: tab(`${chrome.base}notes.html`), frameId: 0 }],
    ['a page without the origin field (older Chrome)', { id: ID, url: `${chrome.base}options.html` }],
  ])('calls %s an extension page', (_name, sender) => {
    expect(classifySender(sender, chrome)).toBe('extension-page');
  });

  it('knows a Firefox extension page by its moz-extension base', () => {
    expect(classifySender({ id: ID, url: `${firefox.base}notes.html` }, firefox)).toBe('extension-page');
  });

  it('calls our content script in a tab’s top frame a top-frame script, in Chrome and in Firefox', () => {
    expect(classifySender({ id: ID, url: call, origin: 'https://meet.google.com', tab: tab(call), frameId: 0, documentId: 'D1' }, chrome)).toBe('top-frame-script');
    expect(classifySender({ id: ID, url: call, tab: tab(call), frameId: 0 }, firefox)).toBe('top-frame-script');
  });

  it('calls our content script in a subframe a subframe script', () => {
    const frame = 'https://embedded.example/widget';
    expect(classifySender({ id: ID, url: frame, origin: 'https://embedded.example', tab: tab(call), frameId: 7 }, chrome)).toBe('subframe-script');
  });

  it.each<[string, Sender]>([
    ['another extension', { id: 'someone-else', url: `chrome-extension://someone-else/popup.html` }],
    ['a sender with no id', { url: `${chrome.base}notes.html` }],
    ['a sender with no URL', { id: ID }],
    ['a look-alike host (chrome-extension://<our id>.evil.example)', { id: ID, url: `chrome-extension://${ID}.evil.example/notes.html` }],
    ['our page URL with a foreign origin reported', { id: ID, url: `${chrome.base}notes.html`, origin: 'https://evil.example' }],
    ['our page framed inside a web page’s tab', { id: ID, url: `${chrome.base}notes.html`, tab: tab('https://evil.example/'), frameId: 3 }],
    ['a content script with no tab', { id: ID, url: call }],
    ['a content script on a plain http page', { id: ID, url: 'http://meet.example/', tab: tab('http://meet.example/'), frameId: 0 }],
    ['a top frame whose origin is not its URL’s', { id: ID, url: call, origin: 'https://evil.example', tab: tab(call), frameId: 0 }],
    ['a sandboxed frame (opaque origin)', { id: ID, url: call, origin: 'null', tab: tab(call), frameId: 0 }],
    ['an about:blank frame', { id: ID, url: 'about:blank', origin: 'https://meet.google.com', tab: tab(call), frameId: 2 }],
    ['a tab sender that does not say its frame', { id: ID, url: call, tab: tab(call) }],
    ['a negative frame id', { id: ID, url: call, tab: tab(call), frameId: -1 }],
  ])('calls %s other', (_name, sender) => {
    expect(classifySender(sender, chrome)).toBe('other');
  });
});
