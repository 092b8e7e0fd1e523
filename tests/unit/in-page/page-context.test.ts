// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPageContext } from '@/lib/in-page/page-context';

describe('the in-page context', () => {
  const realId = fakeBrowser.runtime.id;
  afterEach(() => {
    (fakeBrowser.runtime as { id?: string }).id = realId;
  });

  it('keeps its window listeners while the extension is there', () => {
    const ctx = createPageContext();
    const heard: string[] = [];
    ctx.listen('online', () => heard.push('online'));
    window.dispatchEvent(new Event('online'));
    expect(ctx.isValid).toBe(true);
    expect(heard).toEqual(['online']);
  });

  it('ends when the extension behind it is gone: listeners removed, callbacks told once', () => {
    const ctx = createPageContext();
    const heard: string[] = [];
    const ended = vi.fn();
    ctx.listen('online', () => heard.push('online'));
    ctx.onInvalidated(ended);

    (fakeBrowser.runtime as { id?: string }).id = undefined; // updated, reloaded or removed
    expect(ctx.isValid).toBe(false);
    expect(ctx.isValid).toBe(false);
    window.dispatchEvent(new Event('online'));

    expect(ended).toHaveBeenCalledTimes(1);
    expect(heard).toEqual([]);
  });

  it('runs every clean-up even when one of them throws', () => {
    const ctx = createPageContext();
    const heard: string[] = [];
    const later = vi.fn();
    ctx.onInvalidated(() => {
      throw new Error('an extension API called after the extension went away');
    });
    ctx.listen('online', () => heard.push('online'));
    ctx.onInvalidated(later);

    (fakeBrowser.runtime as { id?: string }).id = undefined;
    expect(ctx.isValid).toBe(false);
    window.dispatchEvent(new Event('online'));

    expect(later).toHaveBeenCalledTimes(1);
    expect(heard).toEqual([]);
  });
});
