// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPageContext } from '@/components/in-page/page-context';

// The host page's view: everything dispatched on window or document while our context works.
function watchPageEvents() {
  const seen: string[] = [];
  const record = (event: Event) => seen.push(event.type);
  for (const type of ['message', 'wxt:locationchange', 'locationchange']) {
    window.addEventListener(type, record);
    document.addEventListener(type, record);
  }
  return seen;
}

describe('the in-page context', () => {
  const realId = fakeBrowser.runtime.id;
  beforeEach(() => {
    vi.useFakeTimers();
    history.replaceState(null, '', '/room/1');
  });
  afterEach(() => {
    vi.useRealTimers();
    (fakeBrowser.runtime as { id?: string }).id = realId;
  });

  it('hears SPA route changes (history API and hash) and tells the page nothing', async () => {
    const seen = watchPageEvents();
    const ctx = createPageContext();
    const urls: string[] = [];
    ctx.onUrlChange((href) => urls.push(href));

    history.pushState(null, '', '/room/2');
    await vi.advanceTimersByTimeAsync(1100);
    location.hash = '#chat';
    await vi.advanceTimersByTimeAsync(1100);
    await vi.advanceTimersByTimeAsync(3000); // no change, no call

    expect(urls.map((u) => new URL(u).pathname + new URL(u).hash)).toEqual(['/room/2', '/room/2#chat']);
    expect(seen).toEqual([]);
  });

  it('ends when the extension behind it is gone: listeners removed, route polling stopped, callbacks told once', async () => {
    const ctx = createPageContext();
    const heard: string[] = [];
    const ended = vi.fn();
    ctx.listen('online', () => heard.push('online'));
    ctx.onUrlChange((href) => heard.push(href));
    ctx.onInvalidated(ended);
    expect(ctx.isValid).toBe(true);

    (fakeBrowser.runtime as { id?: string }).id = undefined; // updated, reloaded or removed
    history.pushState(null, '', '/room/3');
    await vi.advanceTimersByTimeAsync(1100);
    window.dispatchEvent(new Event('online'));

    expect(ctx.isValid).toBe(false);
    expect(ended).toHaveBeenCalledTimes(1);
    expect(heard).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
