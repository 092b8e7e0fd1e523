import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createScreenShares, SCREEN_SHARES_KEY } from '@/lib/background/screen-shares';

type Answer = 'yes' | 'no' | 'no-answer';

describe('the background’s record of tabs sharing the screen', () => {
  let answers: Record<number, Answer>;
  const ask = vi.fn(async (tabId: number) => answers[tabId] ?? 'no');
  beforeEach(() => {
    fakeBrowser.reset();
    answers = {};
    ask.mockClear();
  });

  const start = () => {
    const shares = createScreenShares(ask);
    shares.listen();
    return shares;
  };

  it('names every tab whose page still says it is sharing', async () => {
    const shares = start();
    await shares.started(4, 'Google Meet');
    await shares.started(9, 'Zoom');
    answers = { 4: 'yes', 9: 'yes' };
    expect(await shares.running()).toEqual([
      { title: '', platform: 'Google Meet' },
      { title: '', platform: 'Zoom' },
    ]);
  });

  it('forgets a tab when its share ends', async () => {
    const shares = start();
    await shares.started(4, 'Google Meet');
    answers = { 4: 'yes' };
    await shares.stopped(4);
    expect(await shares.running()).toEqual([]);
  });

  it('forgets a tab when it closes', async () => {
    const shares = start();
    await shares.started(4, 'Google Meet');
    answers = { 4: 'yes' };
    await fakeBrowser.tabs.onRemoved.trigger(4, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(async () => expect((await fakeBrowser.storage.session.get(SCREEN_SHARES_KEY))[SCREEN_SHARES_KEY]).toEqual({}));
    expect(await shares.running()).toEqual([]);
  });

  it('forgets a tab whose new page, after a navigation, no longer shares', async () => {
    const shares = start();
    await shares.started(4, 'Google Meet');
    answers = { 4: 'no' };
    await fakeBrowser.tabs.onUpdated.trigger(4, { status: 'complete' }, { id: 4 } as never);
    await vi.waitFor(async () => expect((await fakeBrowser.storage.session.get(SCREEN_SHARES_KEY))[SCREEN_SHARES_KEY]).toEqual({}));
  });

  it('keeps a share through a route change inside the call page, which still says yes', async () => {
    const shares = start();
    await shares.started(4, 'Google Meet');
    answers = { 4: 'yes' };
    await fakeBrowser.tabs.onUpdated.trigger(4, { status: 'complete', url: 'https://meet.google.com/other' }, { id: 4 } as never);
    await vi.waitFor(() => expect(ask).toHaveBeenCalledWith(4));
    expect(await shares.running()).toHaveLength(1);
  });

  it('counts a page too busy to answer as still sharing: asking once too often is the safe mistake', async () => {
    const shares = start();
    await shares.started(4, 'Google Meet');
    answers = { 4: 'no-answer' };
    expect(await shares.running()).toHaveLength(1);
  });

  it('asks every tab again before each answer, so a reloaded page no longer counts', async () => {
    const shares = start();
    await shares.started(4, 'Google Meet');
    answers = { 4: 'yes' };
    expect(await shares.running()).toHaveLength(1);
    answers = { 4: 'no' };
    expect(await shares.running()).toEqual([]);
  });

  it('survives a service-worker restart: the record is in storage.session, not only in memory', async () => {
    await start().started(4, 'Google Meet');
    answers = { 4: 'yes' };
    const afterRestart = createScreenShares(ask);
    expect(await afterRestart.running()).toEqual([{ title: '', platform: 'Google Meet' }]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('records two tabs reporting at the same moment, losing neither', async () => {
    const shares = start();
    await Promise.all([shares.started(4, 'Google Meet'), shares.started(9, 'Zoom')]);
    answers = { 4: 'yes', 9: 'yes' };
    expect(await shares.running()).toHaveLength(2);
  });
});

describe('where the browser itself reports shares (Firefox)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('names a tab the browser says is sharing even when no call page told us', async () => {
    const shares = createScreenShares(
      async () => 'no',
      async () => [{ id: 12, title: 'Some meeting', url: 'https://meet.example.org/x' }],
      (url) => (url.startsWith('https://meet.example.org/') ? 'Clinic Jitsi' : undefined),
    );
    expect(await shares.running()).toEqual([{ title: 'Some meeting', platform: 'Clinic Jitsi' }]);
  });

  it('names a tab on a site Anteroom cannot see by what it knows: nothing', async () => {
    const shares = createScreenShares(async () => 'no', async () => [{ id: 12 }]);
    expect(await shares.running()).toEqual([{ title: '', platform: 'a site Anteroom does not watch' }]);
  });

  it('does not name a tab twice when the page and the browser both report it', async () => {
    const shares = createScreenShares(async () => 'yes', async () => [{ id: 4, title: 'Meet' }]);
    await shares.started(4, 'Google Meet');
    expect(await shares.running()).toEqual([{ title: '', platform: 'Google Meet' }]);
  });
});
