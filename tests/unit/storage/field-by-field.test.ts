import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checklistStore } from '@/lib/checklist/persistence';
import { freshState, restoreState } from '@/lib/checklist/state';
import { contractDefaults, defaultContract, type Contract } from '@/lib/contract/schema';
import { loadContract } from '@/lib/contract/storage-item';
import { emptyReadinessState } from '@/lib/contract/practice-readiness';
import { loadReadiness } from '@/entrypoints/options/readiness-storage';
import { storedV1 } from '../contract/fixtures';

/**
 * How the three settings read field by field come back from storage: one unreadable field
 * goes back to its default on its own (and the contract and readiness name it), an absent field
 * takes its default quietly, extra fields are dropped, and what older builds wrote still reads.
 */

const d = contractDefaults;
const custom: Contract = {
  ...defaultContract(),
  sessionMinutes: 45,
  jurisdiction: 'uk-gdpr',
  reminderMinutesBefore: [15],
  therapist: { name: 'Dr Ada Byron', practice: 'Byron Therapy', contact: 'ada@example.org' },
  disruptionPlans: { ...d.disruptionPlans, battery: 'Plug in, please.' },
};
const { templates: _templates, ...withoutTemplates } = custom;

describe('the stored contract, read field by field', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each<[string, unknown, Partial<Contract>, string[]]>([
    ['a good contract as it is', custom, custom, []],
    ['an unreadable top-level field as its default', { ...custom, sessionMinutes: 'forty-five' }, { ...custom, sessionMinutes: 50 }, ['sessionMinutes']],
    ['a field stored as null as its default', { ...custom, jurisdiction: null }, { ...custom, jurisdiction: 'other' }, ['jurisdiction']],
    ['a field out of range as its default', { ...custom, autoLockMinutes: 600 }, { ...custom, autoLockMinutes: 15 }, ['autoLockMinutes']],
    ['one bad entry of a list as the whole list’s default', { ...custom, reminderMinutesBefore: [15, 'x'] }, { ...custom, reminderMinutesBefore: [10, 5] }, ['reminderMinutesBefore']],
    ['an unreadable sub-field as its default, its group otherwise kept', { ...custom, therapist: { ...custom.therapist, contact: 7 } }, { ...custom, therapist: { ...custom.therapist, contact: '' } }, ['therapist.contact']],
    [
      'a bad template as its default, naming it',
      { ...custom, templates: { ...d.templates, outOfHours: 'Hi {{nope}}' } },
      { ...custom, templates: d.templates },
      ['templates.outOfHours'],
    ],
    ['a group stored as text: each of its fields reset', { ...custom, therapist: 'Dr Who' }, { ...custom, therapist: d.therapist }, ['therapist.name', 'therapist.practice', 'therapist.contact']],
    ['a group stored as a list: each of its fields reset', { ...custom, disruptionPlans: [] }, { ...custom, disruptionPlans: d.disruptionPlans }, ['disruptionPlans.interruption', 'disruptionPlans.connection', 'disruptionPlans.battery', 'disruptionPlans.platform']],
    ['a group stored as null: each of its fields reset', { ...custom, templates: null }, { ...custom, templates: d.templates }, ['templates.acknowledgement', 'templates.silenceConcern', 'templates.outOfHours', 'templates.disruptionNotice']],
    ['an absent field quietly as its default', withoutTemplates, { ...custom, templates: d.templates }, []],
    ['an absent sub-field quietly as its default', { ...custom, therapist: { name: 'Dr Ada Byron' } }, { ...custom, therapist: { name: 'Dr Ada Byron', practice: '', contact: '' } }, []],
    ['only the fields it stored, the rest quietly as defaults', { sessionMinutes: 30 }, { ...defaultContract(), sessionMinutes: 30 }, []],
    ['extra fields dropped, at the top and in a group', { ...custom, colour: 'teal', therapist: { ...custom.therapist, pet: 'cat' } }, custom, []],
    ['text with its spaces trimmed', { ...custom, backupPlatform: '  Landline call  ' }, { ...custom, backupPlatform: 'Landline call' }, []],
    ['custom platforms kept as stored', { ...custom, customPlatforms: [{ id: 'x' }, 3] }, { ...custom, customPlatforms: [{ id: 'x' }, 3] }, []],
    ['reminders after the session ends replaced by the defaults that fit', { ...custom, sessionMinutes: 12, reminderMinutesBefore: [15] }, { ...custom, sessionMinutes: 12, reminderMinutesBefore: [10, 5] }, ['reminderMinutesBefore']],
    ['reminders judged against the default length when the length was reset', { ...custom, sessionMinutes: 500, reminderMinutesBefore: [100] }, { ...custom, sessionMinutes: 50, reminderMinutesBefore: [10, 5] }, ['sessionMinutes', 'reminderMinutesBefore']],
    ['unreadable reminders named once, even when their default does not fit either', { ...custom, sessionMinutes: 10, reminderMinutesBefore: 'x' }, { ...custom, sessionMinutes: 10, reminderMinutesBefore: [5] }, ['reminderMinutesBefore']],
  ])('reads %s', async (_name, stored, value, resetFields) => {
    await fakeBrowser.storage.local.set({ contract: stored, contract$: { v: 2, savedAt: '2026-11-01T10:00:00.000Z' } });
    expect(await loadContract()).toEqual({ value, resetFields, source: 'local' });
  });

  it.each([['garbage'], [42], [true], [[]], [[1, 2]]])('reads a stored %j that is no contract as the defaults, naming nothing', async (stored) => {
    await fakeBrowser.storage.local.set({ contract: stored, contract$: { v: 2 } });
    expect(await loadContract()).toEqual({ value: defaultContract(), resetFields: [], source: 'local' });
  });

  it('reads nothing stored as the defaults', async () => {
    expect(await loadContract()).toEqual({ value: defaultContract(), resetFields: [], source: 'defaults' });
  });

  it('reads a first-release contract, migrated, resetting only what was unreadable in it', async () => {
    await fakeBrowser.storage.local.set({ contract: { ...storedV1, sessionLength: 'an hour', extra: 1 }, contract$: { v: 1 } });
    const { value, resetFields } = await loadContract();
    expect(resetFields).toEqual(['sessionMinutes']);
    expect(value).toEqual({
      ...defaultContract(),
      ...Object.fromEntries(Object.entries(storedV1).filter(([key]) => key in d)),
      transcriptPolicy: storedV1.recordingPolicy,
      disruptionPlans: { ...d.disruptionPlans, connection: storedV1.disruptionPlan },
    });
  });
});

describe('the stored practice readiness, read item by item', () => {
  beforeEach(() => fakeBrowser.reset());
  const empty = emptyReadinessState();

  it.each<[string, unknown, Record<string, string | null>, string[]]>([
    ['good dates and times as they are', { training: '2026-01-02', insurance: '2026-01-02T09:30:00.000Z', directory: null }, { training: '2026-01-02', insurance: '2026-01-02T09:30:00.000Z' }, []],
    ['an unreadable date as unconfirmed, naming it', { training: '2026-01-02', insurance: 42, directory: 'last spring' }, { training: '2026-01-02' }, ['insurance', 'directory']],
    ['a date that is no calendar day as unconfirmed', { supervision: '2026-02-31T99:00:00Z' }, {}, ['supervision']],
    ['extra items dropped', { training: '2026-01-02', 'old-item': '2025-01-01' }, { training: '2026-01-02' }, []],
    ['text as nothing confirmed', 'garbage', {}, []],
    ['a list as nothing confirmed', ['2026-01-02'], {}, []],
    ['a number as nothing confirmed', 7, {}, []],
  ])('reads %s', async (_name, stored, confirmed, resetItems) => {
    await fakeBrowser.storage.local.set({ practiceReadiness: stored });
    expect(await loadReadiness()).toEqual({ state: { ...empty, ...confirmed }, resetItems });
  });

  it('reads nothing stored as nothing confirmed', async () => {
    expect(await loadReadiness()).toEqual({ state: empty, resetItems: [] });
  });
});

describe('the stored preparation in progress', () => {
  const morning = new Date(2026, 11, 4, 8, 0);
  const noon = new Date(2026, 11, 4, 12, 0);
  const prepared = { ...freshState(morning), format: 'audio' as const, answers: { 'privacy.alone': 'yes' as const, 'plan.backup': 'yes' as const } };
  const tested = { ...prepared, speed: { ok: true as const, downMbps: 40, upMbps: 8, latencyMs: 20, jitterMs: 3, status: 'pass' as const, advice: 'Fine.', at: morning.toISOString() } };
  const failedTest = { ...prepared, speed: { ok: false as const, error: 'No answer from the test server', at: morning.toISOString() } };

  it.each<[string, unknown, unknown]>([
    ['a preparation from earlier today as it is', prepared, prepared],
    ['its connection test with it', tested, tested],
    ['a failed connection test with it', failedTest, failedTest],
    ['extra fields dropped', { ...prepared, colour: 'teal' }, prepared],
    ['nothing stored as a fresh start', undefined, undefined],
    ['a wrong-typed field as a fresh start', { ...prepared, format: 'carrier pigeon' }, undefined],
    ['an answer for a check it does not know as a fresh start', { ...prepared, answers: { 'privacy.cat': 'yes' } }, undefined],
    ['an unreadable connection test as a fresh start', { ...prepared, speed: { ok: true } }, undefined],
    ['another version as a fresh start', { ...prepared, version: 2 }, undefined],
    ['another day as a fresh start', { ...prepared, day: '2026-12-03' }, undefined],
    ['a start time that is no time as a fresh start', { ...prepared, startedAt: 'this morning' }, undefined],
    ['text as a fresh start', 'garbage', undefined],
  ])('reads %s', async (_name, stored, restored) => {
    expect(restoreState(stored, noon)).toEqual(restored);
    const local = { get: async () => (stored === undefined ? {} : { checklistState: structuredClone(stored) }), set: async () => undefined };
    expect(await checklistStore({ local }).load(noon)).toEqual(restored ?? freshState(noon));
  });
});
