import { describe, expect, it } from 'vitest';
import { censusOf, sessionTabOf, type TabLike } from '@/lib/checklist/tabs';

const ORIGIN = 'chrome-extension://abc/';

describe('the session tab', () => {
  it.each<[string, TabLike[], number | undefined, number | undefined]>([
    ['is the active tab when the checklist is the toolbar popup', [{ id: 1, active: false, lastAccessed: 9 }, { id: 2, active: true, lastAccessed: 5 }], undefined, 2],
    ['is the most recently used other tab when the checklist is a tab itself', [{ id: 1, lastAccessed: 5 }, { id: 2, lastAccessed: 7 }, { id: 3, active: true, lastAccessed: 9 }], 3, 2],
    ['is never one of Anteroom’s own pages', [{ id: 1, lastAccessed: 5 }, { id: 2, lastAccessed: 8, url: `${ORIGIN}options.html` }, { id: 3, active: true }], 3, 1],
    ['is none in a window with nothing else', [{ id: 3, active: true }], 3, undefined],
  ])('%s', (_name, tabs, self, expected) => {
    expect(sessionTabOf(tabs, self, ORIGIN)?.id).toBe(expected);
  });
});

describe('the other tabs', () => {
  const tabs: TabLike[] = [
    { id: 1, windowId: 1, active: true, audible: true, url: 'https://meet.google.com/x' }, // the session
    { id: 2, windowId: 1, audible: true }, // music
    { id: 3, windowId: 1, audible: true, mutedInfo: { muted: true } }, // muted already
    { id: 4, windowId: 1 }, // idle, awake
    { id: 5, windowId: 1, discarded: true }, // asleep
    { id: 6, windowId: 2, active: true }, // shown in another window
    { id: 7, windowId: 1, url: `${ORIGIN}popup.html`, active: false }, // the checklist itself
  ];

  it('leave out the session’s own sound, muted tabs and Anteroom’s pages', () => {
    const census = censusOf(tabs, { selfTabId: 7, sessionTabId: 1, windowId: 1, extensionOrigin: ORIGIN });
    expect(census).toEqual({ playing: [2], otherTabs: 5, otherWindows: 1, sleepable: [4] });
  });

  it('count an unrecognised tab playing sound as another tab', () => {
    expect(censusOf(tabs, { selfTabId: 7, windowId: 1, extensionOrigin: ORIGIN }).playing).toEqual([1, 2]);
  });
});
