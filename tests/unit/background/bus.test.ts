import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { createBus, domain } from '@/lib/background/bus';
import { answers, defineOperations, EXTENSION_PAGES, TOP_FRAME_SCRIPTS } from '@/lib/bus/protocol';

/**
 * The bus's own guarantees, on a small table of its own: what reaches a handler has passed the
 * sender check and the schema, and nothing else does.
 */

type Sender = Browser.runtime.MessageSender;
const own = () => ({ id: 'ours', base: 'chrome-extension://ours/' });
const call = 'https://meet.google.com/abc';
const tab = { id: 5, index: 0, active: true, windowId: 1, url: call } as Browser.tabs.Tab;
const PAGE: Sender = { id: 'ours', url: 'chrome-extension://ours/notes.html' };
const TOP: Sender = { id: 'ours', url: call, tab, frameId: 0 };
const SUBFRAME: Sender = { id: 'ours', url: 'https://ads.example/frame', tab, frameId: 4 };
const WEB: Sender = { url: call, tab, frameId: 0 };

const table = defineOperations({
  'test:page-op': { payload: { n: v.pipe(v.number(), v.integer()) }, answers: answers<number>(), allowedSenders: EXTENSION_PAGES, effects: ['clients-changed'] },
  'test:top-frame-op': { payload: {}, answers: answers<string>(), allowedSenders: TOP_FRAME_SCRIPTS },
});

function setUp() {
  const pageOp = vi.fn(async ({ n }: { n: number }) => n * 2);
  const topOp = vi.fn(async () => 'ok');
  const changed = vi.fn(async () => undefined);
  const bus = createBus([domain(table, { 'test:page-op': pageOp, 'test:top-frame-op': topOp }, { effects: { 'clients-changed': changed } })], own);
  return { bus, pageOp, topOp, changed };
}

describe('the bus', () => {
  it('runs the handler for an allowed sender with a well-formed payload, then the operation’s effects', async () => {
    const { bus, pageOp, changed } = setUp();
    expect(await bus({ type: 'test:page-op', n: 21 }, PAGE)).toBe(42);
    expect(pageOp).toHaveBeenCalledWith({ type: 'test:page-op', n: 21 }, { kind: 'extension-page', raw: PAGE });
    expect(changed).toHaveBeenCalledOnce();
  });

  it('gives a content script no answer to a page-only operation, and never runs it', () => {
    const { bus, pageOp, changed } = setUp();
    expect(bus({ type: 'test:page-op', n: 1 }, TOP)).toBeUndefined();
    expect(pageOp).not.toHaveBeenCalled();
    expect(changed).not.toHaveBeenCalled();
  });

  it('refuses from a subframe what only a top frame may do', async () => {
    const { bus, topOp } = setUp();
    expect(bus({ type: 'test:top-frame-op' }, SUBFRAME)).toBeUndefined();
    expect(bus({ type: 'test:top-frame-op' }, PAGE)).toBeUndefined();
    expect(bus({ type: 'test:top-frame-op' }, WEB)).toBeUndefined();
    expect(topOp).not.toHaveBeenCalled();
    expect(await bus({ type: 'test:top-frame-op' }, TOP)).toBe('ok');
  });

  it.each([
    ['an unknown type', { type: 'test:dump-keys' }],
    ['a type that names an object property', { type: '__proto__' }],
    ['another inherited name', { type: 'constructor' }],
    ['no type', { n: 1 }],
    ['not an object', 'test:page-op'],
    ['null', null],
  ])('refuses %s', (_name, message) => {
    const { bus, pageOp, topOp } = setUp();
    expect(bus(message, PAGE)).toBeUndefined();
    expect(bus(message, TOP)).toBeUndefined();
    expect(pageOp).not.toHaveBeenCalled();
    expect(topOp).not.toHaveBeenCalled();
  });

  it.each([
    ['a field of the wrong type', { type: 'test:page-op', n: 'twenty' }],
    ['a missing field', { type: 'test:page-op' }],
    ['an extra field', { type: 'test:page-op', n: 1, debug: true }],
    ['a value the schema refuses', { type: 'test:page-op', n: 1.5 }],
  ])('never lets a malformed payload reach the handler: %s', (_name, message) => {
    const { bus, pageOp, changed } = setUp();
    expect(bus(message, PAGE)).toBeUndefined();
    expect(pageOp).not.toHaveBeenCalled();
    expect(changed).not.toHaveBeenCalled();
  });

  it('runs no effect when the handler fails, and hands the failure to the domain’s answer', async () => {
    const failing = vi.fn(async () => {
      throw new Error('no');
    });
    const changed = vi.fn(async () => undefined);
    const bus = createBus(
      [domain(table, { 'test:page-op': failing, 'test:top-frame-op': async () => '' }, { effects: { 'clients-changed': changed }, answer: (work) => work().catch(() => 'failed') })],
      own,
    );
    expect(await bus({ type: 'test:page-op', n: 1 }, PAGE)).toBe('failed');
    expect(changed).not.toHaveBeenCalled();
  });

  it('refuses two handlers for one type', () => {
    const d = domain(table, { 'test:page-op': async () => 1, 'test:top-frame-op': async () => '' });
    expect(() => createBus([d, d], own)).toThrow(/Two handlers for test:page-op/);
  });
});
