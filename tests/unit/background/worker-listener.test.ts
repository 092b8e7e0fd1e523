import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { createBus, domain } from '@/lib/background/bus';
import { answerWorkerMessage, workerSender, type WorkerMessage } from '@/lib/background/worker-listener';
import { answers, defineOperations, EXTENSION_PAGES } from '@/lib/bus/protocol';

/**
 * The service worker's message channel (Chrome): the way our pages hand it a backup file. Only
 * a top-level window of our own origin is heard, only operations marked `bulk` are answered,
 * and what is answered passed the same sender and payload checks as a runtime message.
 */

const own = { id: 'ours', base: 'chrome-extension://ours/' };
const NOTES = { type: 'window', frameType: 'top-level', url: 'chrome-extension://ours/notes.html' };

const table = defineOperations({
  'test:restore': { payload: { text: v.string() }, answers: answers<number>(), allowedSenders: EXTENSION_PAGES, bulk: true },
  'test:lock': { payload: {}, answers: answers<string>(), allowedSenders: EXTENSION_PAGES },
});

function setUp() {
  const restore = vi.fn(async ({ text }: { text: string }) => text.length);
  const lock = vi.fn(async () => 'locked');
  const bus = createBus([domain(table, { 'test:restore': restore, 'test:lock': lock })], () => own);
  return { bus, restore, lock };
}

// "No answer" is an empty post: undefined in browsers (Node's ports deliver it as null).

/** Posts one message as a page would and resolves with what comes back on its port. */
async function post(bus: ReturnType<typeof setUp>['bus'], data: unknown, from: Partial<Pick<WorkerMessage, 'origin' | 'source'>> = {}) {
  const channel = new MessageChannel();
  const answered = new Promise<unknown>((resolve) => {
    channel.port1.onmessage = (event) => resolve(event.data);
  });
  const waitUntil = vi.fn();
  answerWorkerMessage(bus, { data, origin: 'chrome-extension://ours', source: NOTES, ports: [channel.port2], waitUntil, ...from }, own);
  const answer = await answered;
  channel.port1.close();
  return { answer, waitUntil };
}

describe('the service worker’s message channel', () => {
  it('answers a bulk operation from our page, and keeps the worker alive until it has', async () => {
    const { bus, restore } = setUp();
    const { answer, waitUntil } = await post(bus, { type: 'test:restore', text: 'a backup' });
    expect(answer).toBe(8);
    expect(restore).toHaveBeenCalledWith({ type: 'test:restore', text: 'a backup' }, { kind: 'extension-page', raw: { id: 'ours', url: NOTES.url, origin: 'chrome-extension://ours' } });
    expect(waitUntil).toHaveBeenCalledOnce();
  });

  it('answers nothing but bulk operations: the rest go by runtime message', async () => {
    const { bus, lock } = setUp();
    expect((await post(bus, { type: 'test:lock' })).answer ?? undefined).toBeUndefined();
    expect(lock).not.toHaveBeenCalled();
    expect(await bus({ type: 'test:lock' }, { id: 'ours', url: NOTES.url })).toBe('locked');
  });

  it('checks the payload as the runtime path does', async () => {
    const { bus, restore } = setUp();
    expect((await post(bus, { type: 'test:restore', text: 42 })).answer ?? undefined).toBeUndefined();
    expect((await post(bus, { type: 'test:restore', text: 'x', extra: true })).answer ?? undefined).toBeUndefined();
    expect(restore).not.toHaveBeenCalled();
  });

  it.each([
    ['another origin', { origin: 'chrome-extension://theirs' }],
    ['a look-alike origin', { origin: 'chrome-extension://ours.evil' }],
    ['our page in a frame', { source: { ...NOTES, frameType: 'nested' } }],
    ['a worker, not a window', { source: { type: 'worker', url: 'chrome-extension://ours/worker.js' } }],
    ['a window whose URL is not ours', { source: { ...NOTES, url: 'https://clinic.example/' } }],
    ['no source', { source: null }],
  ])('answers nothing to %s, and runs nothing', async (_name, from) => {
    const { bus, restore } = setUp();
    expect((await post(bus, { type: 'test:restore', text: 'a backup' }, from)).answer ?? undefined).toBeUndefined();
    expect(restore).not.toHaveBeenCalled();
  });

  it('places a sender as a runtime message from one of our pages, so the bus classifies it the same', () => {
    expect(workerSender({ origin: 'chrome-extension://ours', source: NOTES }, own)).toEqual({ id: 'ours', url: NOTES.url, origin: 'chrome-extension://ours' });
  });

  it('answers undefined, not a hang, when the handler fails', async () => {
    const failing = createBus([domain(table, { 'test:restore': async () => Promise.reject(new Error('disk')), 'test:lock': async () => 'locked' })], () => own);
    expect((await post(failing, { type: 'test:restore', text: 'x' })).answer ?? undefined).toBeUndefined();
  });

  it('ignores a post without a port to answer on', () => {
    const { bus, restore } = setUp();
    const waitUntil = vi.fn();
    answerWorkerMessage(bus, { data: { type: 'test:restore', text: 'x' }, origin: 'chrome-extension://ours', source: NOTES, ports: [], waitUntil }, own);
    expect(restore).not.toHaveBeenCalled();
    expect(waitUntil).not.toHaveBeenCalled();
  });
});
