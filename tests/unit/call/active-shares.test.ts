import { describe, expect, it } from 'vitest';
import { readShareMap, shareQuestion, withoutShare, withShare } from '@/lib/call/active-shares';

const meet = { tabId: 4, platform: 'Google Meet', since: 1000 };
const zoom = { tabId: 9, platform: 'Zoom', since: 2000 };

describe('the record of running screen shares', () => {
  it('keeps one entry per tab, with the time the share first started', () => {
    const once = withShare({}, meet);
    const again = withShare(once, { ...meet, since: 5000 });
    expect(again).toEqual({ 4: meet });
    expect(withShare(again, zoom)).toEqual({ 4: meet, 9: zoom });
  });

  it('forgets only the tab whose share ended', () => {
    const both = withShare(withShare({}, meet), zoom);
    expect(withoutShare(both, 4)).toEqual({ 9: zoom });
    // Nothing to forget: the same map back, so nothing is written.
    expect(withoutShare(both, 77)).toBe(both);
  });

  it.each([
    ['nothing stored', undefined, {}],
    ['a wrong shape', 'sharing', {}],
    ['an entry under another tab’s key', { 5: meet }, {}],
    ['an entry without a platform', { 4: { tabId: 4, since: 1 } }, {}],
    ['a good entry beside a bad one', { 4: meet, 9: { tabId: 'nine' } }, { 4: meet }],
  ])('reads back only well-formed entries: %s', (_what, stored, expected) => {
    expect(readShareMap(stored)).toEqual(expected);
  });
});

describe('the question before the notes open during a share', () => {
  it('names the tab and the platform, and asks', () => {
    expect(shareQuestion([{ title: 'Meet – abc-defg-hij', platform: 'Google Meet' }])).toBe(
      'A screen share is running in tab “Meet – abc-defg-hij” (Google Meet). Anyone watching it could see your notes. Unlock anyway?',
    );
  });

  it('lists every running share', () => {
    expect(
      shareQuestion([
        { title: 'Meet', platform: 'Google Meet' },
        { title: 'Zoom meeting', platform: 'Zoom' },
        { title: '', platform: 'Whereby' },
      ]),
    ).toBe('Screen shares are running in tab “Meet” (Google Meet), tab “Zoom meeting” (Zoom) and an untitled tab (Whereby). Anyone watching them could see your notes. Unlock anyway?');
  });

  it('shortens a long page title and flattens its line breaks', () => {
    const question = shareQuestion([{ title: `A\n${'x'.repeat(200)}`, platform: 'Zoom' }]);
    expect(question).toMatch(/^A screen share is running in tab “A x{77}…” \(Zoom\)/);
  });

  it('tells a restore to wait for the share to end', () => {
    expect(shareQuestion([{ title: 'Meet', platform: 'Google Meet' }], 'restore')).toMatch(/could see your notes\. Stop sharing, then restore the backup\.$/);
  });

  it('says nothing when nothing is shared', () => {
    expect(shareQuestion([])).toBe('');
  });
});
