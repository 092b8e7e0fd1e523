import { describe, expect, it } from 'vitest';
import { freshState, prepReducer, restoreState, type PreparationState } from '@/lib/checklist/state';
import { checklistStore, STATE_KEY, type StorageArea } from '@/lib/checklist/persistence';
import { MAX_RUNS, RUNS_KEY, runRecordFor, withRun, type RunRecord } from '@/lib/checklist/runs';
import { itemsFor } from '@/lib/checklist/model';
import { checks } from '@/lib/checklist/checks/index';

const morning = new Date(2026, 10, 21, 8, 0);
const noon = new Date(2026, 10, 21, 12, 0);
const tomorrow = new Date(2026, 10, 22, 8, 0);

describe('the preparation state', () => {
  it.each<[string, PreparationState, Parameters<typeof prepReducer>[1], Partial<PreparationState>]>([
    ['an answer is recorded', freshState(morning), { type: 'answer', id: 'privacy.wifi', answer: 'yes' }, { answers: { 'privacy.wifi': 'yes' } }],
    ['unticking removes the answer', { ...freshState(morning), answers: { 'privacy.wifi': 'yes' } }, { type: 'answer', id: 'privacy.wifi', answer: null }, { answers: {} }],
    ['“not alone” replaces “alone”', { ...freshState(morning), answers: { 'privacy.alone': 'yes' } }, { type: 'answer', id: 'privacy.alone', answer: 'not-alone' }, { answers: { 'privacy.alone': 'not-alone' } }],
    ['the format is chosen for this session', freshState(morning), { type: 'format', format: 'text' }, { format: 'text' }],
    ['Start fresh forgets answers, format and the speed test', { ...freshState(morning), format: 'audio', answers: { 'plan.backup': 'yes' }, speed: { ok: false, error: 'x', at: morning.toISOString() } }, { type: 'start-fresh', now: noon }, { answers: {}, format: null, startedAt: noon.toISOString(), speed: undefined }],
  ])('%s', (_name, before, action, expected) => {
    const after = prepReducer(before, action);
    for (const [key, value] of Object.entries(expected)) expect(after[key as keyof PreparationState]).toEqual(value);
    expect(before).not.toBe(after);
  });

  it('keeps a speed result with its time', () => {
    const after = prepReducer(freshState(morning), { type: 'speed', result: { ok: true, downMbps: 5, upMbps: 3, latencyMs: 20, jitterMs: 2, status: 'pass', advice: '' }, at: noon });
    expect(after.speed).toMatchObject({ ok: true, downMbps: 5, at: noon.toISOString() });
  });

  it('keeps answers given before the stored preparation arrived', () => {
    const stored = { ...freshState(morning), answers: { 'privacy.wifi': 'yes' as const }, format: 'audio' as const };
    const early = prepReducer(freshState(noon), { type: 'answer', id: 'plan.backup', answer: 'yes' });
    const merged = prepReducer(early, { type: 'restored', stored });
    expect(merged.answers).toEqual({ 'privacy.wifi': 'yes', 'plan.backup': 'yes' });
    expect(merged.startedAt).toBe(stored.startedAt);
    expect(merged.format).toBe('audio');
  });

  it.each([
    ['restores a preparation from earlier today', { ...freshState(morning), answers: { 'privacy.wifi': 'yes' } }, noon, true],
    ['starts afresh the next day', freshState(morning), tomorrow, false],
    ['starts afresh from something unreadable', { version: 1, answers: 'lots' }, noon, false],
    ['starts afresh from an id it does not know', { ...freshState(morning), answers: { 'privacy.cat': 'yes' } }, noon, false],
    ['starts afresh from nothing', undefined, noon, false],
  ])('%s', (_name, stored, now, restored) => {
    expect(restoreState(stored, now) !== undefined).toBe(restored);
  });
});

function memoryArea(initial: Record<string, unknown> = {}): StorageArea & { data: Record<string, unknown> } {
  const data = { ...initial };
  return {
    data,
    get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => void Object.assign(data, structuredClone(items)),
  };
}

describe('where the preparation is kept', () => {
  it('uses session storage when the browser has it', async () => {
    const session = memoryArea();
    const local = memoryArea();
    const store = checklistStore({ session, local });
    const state = { ...freshState(morning), answers: { 'plan.backup': 'yes' as const } };
    await store.save(state);
    expect(session.data[STATE_KEY]).toEqual(state);
    expect(local.data[STATE_KEY]).toBeUndefined();
    expect(await store.load(noon)).toEqual(state);
  });

  it('falls back to local storage, where yesterday’s preparation is not restored', async () => {
    const local = memoryArea();
    const store = checklistStore({ local });
    await store.save({ ...freshState(morning), answers: { 'plan.backup': 'yes' } });
    expect((await store.load(noon)).answers).toEqual({ 'plan.backup': 'yes' });
    expect((await store.load(tomorrow)).answers).toEqual({});
  });

  it('starts afresh when storage cannot be read', async () => {
    const broken: StorageArea = { get: () => Promise.reject(new Error('gone')), set: () => Promise.reject(new Error('gone')) };
    expect((await checklistStore({ local: broken }).load(noon)).answers).toEqual({});
  });

  it('records runs in local storage, one per preparation', async () => {
    const local = memoryArea();
    const store = checklistStore({ session: memoryArea(), local });
    const prep = freshState(morning);
    const items = itemsFor(checks, 'video', {}, {});
    await Promise.all([
      store.recordRun(runRecordFor(prep, items, { platform: 'doxy-me', format: 'video', ready: false, now: morning })),
      store.recordRun(runRecordFor(prep, items, { platform: 'doxy-me', format: 'video', ready: true, now: noon })),
    ]);
    const runs = local.data[RUNS_KEY] as RunRecord[];
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ ready: true, platform: 'doxy-me', startedAt: prep.startedAt });
  });
});

describe('the run records', () => {
  const run = (startedAt: string, extra: Partial<RunRecord> = {}): RunRecord => ({ startedAt, updatedAt: startedAt, platform: null, format: 'video', ready: false, items: {}, ...extra });

  it('hold time, platform, format and each item’s status: nothing about the client', () => {
    const prep = { ...freshState(morning), answers: { 'privacy.alone': 'yes' as const } };
    const items = itemsFor(checks, 'audio', prep.answers, { 'platform.verdict': { status: 'pass', detail: 'Doxy.me: fine' } });
    const record = runRecordFor(prep, items, { platform: 'doxy-me', format: 'audio', ready: false, now: noon });
    expect(Object.keys(record).sort()).toEqual(['format', 'items', 'platform', 'ready', 'startedAt', 'updatedAt']);
    expect(record.items['privacy.alone']).toBe('done');
    expect(record.items['platform.verdict']).toBe('pass');
    expect(record.items['room.lighting']).toBeUndefined();
    expect(JSON.stringify(record)).not.toContain('Doxy.me: fine');
  });

  it('replace the same preparation’s record and keep the newest 50', () => {
    let runs: RunRecord[] = [];
    for (let i = 0; i < 60; i++) runs = withRun(runs, run(new Date(Date.UTC(2026, 0, 1 + i)).toISOString()));
    expect(runs).toHaveLength(MAX_RUNS);
    expect(runs[0]!.startedAt).toBe(new Date(Date.UTC(2026, 0, 11)).toISOString());
    const updated = withRun(runs, run(runs[10]!.startedAt, { ready: true }));
    expect(updated).toHaveLength(MAX_RUNS);
    expect(updated.filter((r) => r.ready)).toHaveLength(1);
  });

  it('skip stored entries they cannot read', () => {
    expect(withRun([null, 'x', { startedAt: 5 }], run('2026-01-01T00:00:00.000Z'))).toHaveLength(1);
    expect(withRun('not a list', run('2026-01-01T00:00:00.000Z'))).toHaveLength(1);
  });
});
