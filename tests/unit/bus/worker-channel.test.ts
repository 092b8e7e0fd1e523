// @vitest-environment happy-dom
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { request } from '@/lib/bus/client';
import { answers, defineOperations, EXTENSION_PAGES } from '@/lib/bus/protocol';
import { messageFor } from '@/lib/error-messages';

/**
 * A page's side of the service worker channel: a backup file goes to the worker when a worker
 * controls the page (Chrome), everything else and every page without one (Firefox) sends a
 * runtime message, and a worker that goes away gives the same failure as a runtime message
 * that finds nobody.
 */

const table = defineOperations({
  'test:restore': { payload: { text: v.string() }, answers: answers<number>(), allowedSenders: EXTENSION_PAGES, bulk: true },
  'test:lock': { payload: {}, answers: answers<string>(), allowedSenders: EXTENSION_PAGES },
});

/** A stand-in for the controlling worker: answers each post on its port, as the background does. */
class FakeWorker extends EventTarget {
  state: ServiceWorkerState = 'activated';
  posted: unknown[] = [];
  answer: (message: unknown) => unknown = (message) => ({ ok: true, value: (message as { text: string }).text.length });
  postMessage(message: unknown, transfer: MessagePort[]) {
    this.posted.push(message);
    const port = transfer[0]!;
    queueMicrotask(() => port.postMessage(this.answer(message)));
  }
  /** Stops before answering, as a worker the browser shuts down. */
  stop() {
    this.answer = () => undefined;
    this.postMessage = (message: unknown) => {
      this.posted.push(message);
      queueMicrotask(() => {
        this.state = 'redundant';
        this.dispatchEvent(new Event('statechange'));
      });
    };
  }
}

let worker: FakeWorker | undefined;
/** Whether the worker controls the page (the first page of a browser start may load before it does). */
let controls: boolean;
let sendMessage: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  worker = new FakeWorker();
  controls = true;
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    get: () => ({ controller: controls ? worker : null, getRegistration: async () => (worker ? { active: worker } : undefined) }),
  });
  sendMessage = vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async () => ({ ok: true, value: 'by runtime' })) as never);
});
afterEach(() => {
  delete (navigator as unknown as { serviceWorker?: unknown }).serviceWorker;
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('a page’s requests, by channel', () => {
  it('posts a bulk request to the controlling worker and reads its answer from the port', async () => {
    expect(await request(table['test:restore'], { text: 'a backup' })).toEqual({ ok: true, value: 8 });
    expect(worker!.posted).toEqual([{ type: 'test:restore', text: 'a backup' }]);
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('finds the worker by its registration when it does not control the page yet', async () => {
    controls = false;
    expect(await request(table['test:restore'], { text: 'a backup' })).toEqual({ ok: true, value: 8 });
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('sends every other request as a runtime message', async () => {
    expect(await request(table['test:lock'], {})).toEqual({ ok: true, value: 'by runtime' });
    expect(worker!.posted).toEqual([]);
  });

  it('sends a bulk request as a runtime message where no worker controls the page (Firefox)', async () => {
    worker = undefined;
    expect(await request(table['test:restore'], { text: 'a backup' })).toEqual({ ok: true, value: 'by runtime' });
    expect(sendMessage).toHaveBeenCalledWith({ type: 'test:restore', text: 'a backup' });
  });

  it('checks the payload before anything is sent', async () => {
    const result = await request(table['test:restore'], { text: 42 } as never);
    expect(result.ok).toBe(false);
    expect(worker!.posted).toEqual([]);
  });

  it('says the background could not be reached when the worker stops before answering', async () => {
    worker!.stop();
    expect(await request(table['test:restore'], { text: 'a backup' })).toEqual({ ok: false, error: { code: 'unexpected', message: messageFor('background-unreachable') } });
  });

  it('says the background did not answer when the worker answers nothing (a refused request)', async () => {
    worker!.answer = () => undefined;
    expect(await request(table['test:restore'], { text: 'a backup' })).toEqual({ ok: false, error: { code: 'unexpected', message: messageFor('background-no-answer') } });
  });
});
