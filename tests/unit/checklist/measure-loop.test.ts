import { describe, expect, it, vi } from 'vitest';
import { defaultContract } from '@/lib/contract/schema';
import { startMeasuring, type MeasureOptions } from '@/lib/checklist/measure-loop';
import { createStore, type ConnectionTest, type Source } from '@/lib/checklist/probe-context';
import { allFormats, asked, measured, type CheckDefinition, type CheckId, type Evaluation } from '@/lib/checklist/types';

/**
 * The popup's loop over the measured checks, with made-up checks: each probe is held apart from
 * the others (a throw or a hang shows that item as unknown and nothing else), watches rerun
 * their probe, stopping unsubscribes everything, and buttons run their check's work.
 */

interface Reading {
  ok: boolean;
}

const base = { title: 'A check', why: 'Why it matters.', whenNotMet: 'What to do.', source: 'research §1', formats: allFormats };
const evaluate = ({ ok }: Reading): Evaluation => ({ status: ok ? 'pass' : 'warn', detail: ok ? 'fine' : 'not fine' });

/** A check with a made-up id (the registry's ids are the real ones; these never reach it). */
function check(id: string, parts: Partial<Parameters<typeof measured<Reading, string>>[0]>): CheckDefinition {
  return measured({ ...base, id, evaluate, probe: async () => ({ ok: true }), ...parts }) as unknown as CheckDefinition;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** Starts the loop and collects what it reports, latest per id. */
function start(checks: CheckDefinition[], options?: MeasureOptions) {
  const reported: Record<string, Evaluation> = {};
  const reports: [string, Evaluation][] = [];
  const connectionTest = createStore<ConnectionTest>({});
  const loop = startMeasuring(checks, { contract: defaultContract(), connectionTest }, (id: CheckId, evaluation) => {
    reported[id] = evaluation;
    reports.push([id, evaluation]);
  }, options);
  return { loop, reported, reports };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the measuring loop', () => {
  it('starts every measured probe at once and reports each on its own, leaving asked items alone', async () => {
    const slow = deferred<Reading>();
    const fastProbe = vi.fn(async () => ({ ok: false }));
    const slowProbe = vi.fn(() => slow.promise);
    const { reported } = start([
      check('a.slow', { probe: slowProbe }),
      check('a.fast', { probe: fastProbe }),
      asked({ ...base, id: 'a.asked' }) as unknown as CheckDefinition,
    ]);
    await settle();
    expect(slowProbe).toHaveBeenCalledTimes(1);
    expect(fastProbe).toHaveBeenCalledTimes(1);
    expect(reported).toEqual({ 'a.fast': { status: 'warn', detail: 'not fine' } });
    slow.resolve({ ok: true });
    await settle();
    expect(reported['a.slow']).toEqual({ status: 'pass', detail: 'fine' });
    expect(reported['a.asked']).toBeUndefined();
  });

  it('shows a probe that throws as unknown, for that item only', async () => {
    const { reported } = start([
      check('a.broken', {
        probe: async () => {
          throw new Error('no tabs');
        },
        unreadable: 'Anteroom could not read your tabs just now.',
      }),
      check('a.throws-at-once', {
        probe: () => {
          throw new Error('before any await');
        },
      }),
      check('a.fine', {}),
    ]);
    await settle();
    expect(reported['a.broken']).toEqual({ status: 'unknown', detail: 'Anteroom could not read your tabs just now.' });
    expect(reported['a.throws-at-once']).toEqual({ status: 'unknown', detail: 'Anteroom could not check this just now.' });
    expect(reported['a.fine']).toEqual({ status: 'pass', detail: 'fine' });
  });

  it('shows a probe that hangs past the timeout as unknown, and takes its answer if it comes later', async () => {
    const late = deferred<Reading>();
    const { reported } = start([check('a.hangs', { probe: () => late.promise }), check('a.fine', {})], { timeoutMs: 30 });
    await settle();
    expect(reported['a.hangs']).toBeUndefined();
    expect(reported['a.fine']).toEqual({ status: 'pass', detail: 'fine' });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(reported['a.hangs']).toEqual({ status: 'unknown', detail: 'Anteroom could not check this just now.' });
    late.resolve({ ok: false });
    await settle();
    expect(reported['a.hangs']).toEqual({ status: 'warn', detail: 'not fine' });
  });

  it('measures again when a watch says so, and drops an older run that answers late', async () => {
    const runs = [deferred<Reading>(), deferred<Reading>()];
    let rerun = () => {};
    let calls = 0;
    const { reported, reports } = start([
      check('a.watched', {
        probe: () => runs[calls++]!.promise,
        watch: (_ctx, again) => {
          rerun = again;
          return () => {};
        },
      }),
    ]);
    await settle();
    rerun();
    await settle();
    expect(calls).toBe(2);
    runs[1]!.resolve({ ok: false });
    await settle();
    runs[0]!.resolve({ ok: true }); // the first run, overtaken
    await settle();
    expect(reported['a.watched']).toEqual({ status: 'warn', detail: 'not fine' });
    expect(reports).toHaveLength(1);
  });

  it('unsubscribes every watch when stopped, and reports nothing after', async () => {
    const unsubscribe = vi.fn();
    const pending = deferred<Reading>();
    let rerun = () => {};
    const { loop, reports } = start([
      check('a.watched', {
        probe: () => pending.promise,
        watch: (_ctx, again) => {
          rerun = again;
          return unsubscribe;
        },
      }),
    ]);
    loop.stop();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
    pending.resolve({ ok: true });
    rerun();
    await settle();
    expect(reports).toEqual([]);
  });

  it('keeps measuring the other items when a watch cannot start', async () => {
    const { reported } = start([
      check('a.bad-watch', {
        watch: () => {
          throw new Error('no such event');
        },
      }),
      check('a.fine', {}),
    ]);
    await settle();
    expect(reported['a.bad-watch']).toEqual({ status: 'pass', detail: 'fine' });
    expect(reported['a.fine']).toEqual({ status: 'pass', detail: 'fine' });
  });

  it('reads a shared source once for every check, again only after it changes, and stops watching it with the last check', async () => {
    let changed = () => {};
    const stopWatching = vi.fn();
    let value = 0;
    const read = vi.fn(async () => ++value);
    const counter: Source<number> = {
      read,
      watch: (onChange) => {
        changed = onChange;
        return stopWatching;
      },
    };
    const watchSpy = vi.spyOn(counter, 'watch');
    const fromCounter = (id: string) =>
      check(id, { probe: async (ctx) => ({ ok: (await ctx.read(counter)) > 1 }), watch: (ctx, rerun) => ctx.watch(counter, rerun) });
    const { loop, reported } = start([fromCounter('a.one'), fromCounter('a.two'), fromCounter('a.three')]);
    await settle();
    expect(read).toHaveBeenCalledTimes(1);
    expect(watchSpy).toHaveBeenCalledTimes(1);
    expect(reported['a.three']?.status).toBe('warn');
    expect(loop.context.latest(counter)).toBe(1);
    changed();
    await settle();
    expect(read).toHaveBeenCalledTimes(2);
    expect(Object.values(reported).map((evaluation) => evaluation.status)).toEqual(['pass', 'pass', 'pass']);
    loop.stop();
    expect(stopWatching).toHaveBeenCalledTimes(1);
  });

  it('shows the checks of a source that fails as unknown, and reads it afresh the next time', async () => {
    let calls = 0;
    const flaky: Source<boolean> = {
      read: () => {
        calls += 1;
        if (calls === 1) throw new Error('not yet');
        return Promise.resolve(true);
      },
    };
    let rerun = () => {};
    const { loop, reported } = start([
      check('a.flaky', {
        probe: async (ctx) => ({ ok: await ctx.read(flaky) }),
        watch: (_ctx, again) => {
          rerun = again;
          return () => {};
        },
      }),
    ]);
    // A read that throws before it returns still answers with a rejected promise (the popup reads sources too).
    await expect(loop.context.read(flaky)).rejects.toThrow('not yet');
    await settle();
    expect(reported['a.flaky']?.status).toBe('unknown');
    rerun();
    await settle();
    expect(calls).toBe(2);
    expect(reported['a.flaky']?.status).toBe('pass');
  });

  it('runs a button’s work inside the click, then measures its check again', async () => {
    const order: string[] = [];
    let ok = false;
    const { loop, reported } = start([
      check('a.fixable', {
        probe: async () => ({ ok }),
        actions: {
          'mute-tabs': () => {
            order.push('work started');
            ok = true;
            return Promise.resolve();
          },
        },
      }),
      check('a.other', {}),
    ]);
    await settle();
    expect(reported['a.fixable']?.status).toBe('warn');
    const done = loop.act('mute-tabs');
    order.push('click returned');
    await done;
    expect(order).toEqual(['work started', 'click returned']);
    expect(reported['a.fixable']?.status).toBe('pass');
    await expect(loop.act('pause-downloads')).resolves.toBeUndefined(); // nobody offers it
  });

  it('measures the check again even when its button’s work fails', async () => {
    const probe = vi.fn(async () => ({ ok: true }));
    const { loop } = start([
      check('a.fixable', {
        probe,
        actions: {
          'sleep-tabs': () => {
            throw new Error('tab gone');
          },
        },
      }),
    ]);
    await settle();
    await loop.act('sleep-tabs');
    expect(probe).toHaveBeenCalledTimes(2);
  });
});
