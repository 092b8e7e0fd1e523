import { describe, expect, it } from 'vitest';
import { checks } from '@/lib/checklist/checks/index';
import { applies, itemsFor, readinessOf, type ItemView } from '@/lib/checklist/model';
import type { Answers, CheckId, Evaluation, SessionFormat } from '@/lib/checklist/types';

const ids = (format: SessionFormat, answers: Answers = {}) => checks.filter((check) => applies(check, format, answers)).map((check) => check.id);
const askedIds = checks.filter((check) => check.kind === 'asked').map((check) => check.id);

/** Every measured check reporting the same status (battery measured, not asked). */
function allMeasured(status: Evaluation['status']): Partial<Record<CheckId, Evaluation>> {
  return Object.fromEntries(checks.filter((check) => check.kind === 'measured').map((check) => [check.id, { status, detail: 'x' }]));
}
const confirmAll = (extra: Answers = {}): Answers => ({
  ...Object.fromEntries(askedIds.map((id) => [id, 'yes'])),
  ...extra,
});

describe('which items apply to a session', () => {
  it.each<[string, SessionFormat, Answers, CheckId[], CheckId[]]>([
    ['video asks about lighting', 'video', {}, ['room.lighting', 'privacy.screen', 'network.speed'], ['privacy.headset']],
    ['audio only leaves out lighting and camera', 'audio', {}, ['privacy.alone', 'network.speed'], ['room.lighting']],
    ['live text leaves out lighting and the headset', 'text', { 'privacy.alone': 'not-alone' }, ['privacy.screen', 'plan.emergency'], ['room.lighting', 'privacy.headset']],
    ['a therapist who is not alone is asked about a headset', 'video', { 'privacy.alone': 'not-alone' }, ['privacy.headset'], []],
    ['a therapist who is alone is not', 'audio', { 'privacy.alone': 'yes' }, [], ['privacy.headset']],
  ])('%s', (_name, format, answers, present, absent) => {
    const shown = ids(format, answers);
    for (const id of present) expect(shown).toContain(id);
    for (const id of absent) expect(shown).not.toContain(id);
  });

  it('keeps the registry’s order', () => {
    const order = checks.map((check) => check.id);
    const shown = ids('video');
    expect(shown).toEqual(order.filter((id) => shown.includes(id)));
  });
});

describe('an item’s status', () => {
  it('is todo for an unanswered question and done once answered, either way', () => {
    const [alone] = itemsFor(checks.filter((c) => c.id === 'privacy.alone'), 'video', {}, {});
    expect(alone).toMatchObject({ status: 'todo', mode: 'asked' });
    for (const answer of ['yes', 'not-alone'] as const) {
      const [item] = itemsFor(checks.filter((c) => c.id === 'privacy.alone'), 'video', { 'privacy.alone': answer }, {});
      expect(item).toMatchObject({ status: 'done', answer });
    }
  });

  it('is pending and unknown for a measured check that has not reported', () => {
    const [item] = itemsFor(checks.filter((c) => c.id === 'network.speed'), 'video', {}, {});
    expect(item).toMatchObject({ status: 'unknown', pending: true, mode: 'measured' });
  });

  it('turns a measurement the browser cannot make into a question', () => {
    const battery = checks.filter((c) => c.id === 'interruptions.battery');
    const evaluation: Evaluation = { status: 'todo', detail: 'No battery API.', askInstead: true };
    expect(itemsFor(battery, 'video', {}, { 'interruptions.battery': evaluation })[0]).toMatchObject({ mode: 'asked', status: 'todo' });
    expect(itemsFor(battery, 'video', { 'interruptions.battery': 'yes' }, { 'interruptions.battery': evaluation })[0]).toMatchObject({ status: 'done' });
  });

  it('gives what to do for a problem, and no generic advice for a check that merely could not tell', () => {
    const audible = checks.filter((c) => c.id === 'interruptions.audible-tabs');
    expect(itemsFor(audible, 'video', {}, { 'interruptions.audible-tabs': { status: 'warn', detail: 'x' } })[0]?.advice).toBe(audible[0]!.whenNotMet);
    expect(itemsFor(audible, 'video', {}, { 'interruptions.audible-tabs': { status: 'unknown', detail: 'x' } })[0]?.advice).toBeUndefined();
    expect(itemsFor(audible, 'video', {}, { 'interruptions.audible-tabs': { status: 'pass', detail: 'x' } })[0]?.advice).toBeUndefined();
  });
});

describe('readiness', () => {
  const ready = (items: ItemView[]) => readinessOf(items).state;
  it.each<[string, SessionFormat, Answers, Partial<Record<CheckId, Evaluation>>, 'ready' | 'not-ready']>([
    ['ready when everything passes and every question is answered', 'video', confirmAll(), allMeasured('pass'), 'ready'],
    ['warnings are allowed', 'video', confirmAll(), allMeasured('warn'), 'ready'],
    ['checks that could not tell are allowed', 'audio', confirmAll(), allMeasured('unknown'), 'ready'],
    ['one failure is not', 'video', confirmAll(), { ...allMeasured('pass'), 'platform.verdict': { status: 'fail', detail: 'x' } }, 'not-ready'],
    ['one unanswered question is not', 'video', { ...confirmAll(), 'plan.emergency': undefined }, allMeasured('pass'), 'not-ready'],
    ['a check still running is not', 'video', confirmAll(), { ...allMeasured('pass'), 'network.speed': undefined }, 'not-ready'],
    ['not alone needs the headset confirmed', 'video', { ...confirmAll(), 'privacy.alone': 'not-alone', 'privacy.headset': undefined }, allMeasured('pass'), 'not-ready'],
    ['not alone with a headset is ready', 'video', { ...confirmAll(), 'privacy.alone': 'not-alone' }, allMeasured('pass'), 'ready'],
    ['live text does not need the headset even when not alone', 'text', { ...confirmAll(), 'privacy.alone': 'not-alone', 'privacy.headset': undefined }, allMeasured('pass'), 'ready'],
  ])('%s', (_name, format, answers, evaluations, expected) => {
    const clean = Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== undefined)) as Answers;
    const cleanEvaluations = Object.fromEntries(Object.entries(evaluations).filter(([, value]) => value !== undefined));
    expect(ready(itemsFor(checks, format, clean, cleanEvaluations))).toBe(expected);
  });

  it('lists warnings, problems, questions left and checks that could not tell', () => {
    const evaluations = { ...allMeasured('pass'), 'interruptions.other-tabs': { status: 'warn', detail: 'x' }, 'network.speed': { status: 'unknown', detail: 'x' }, 'platform.verdict': { status: 'fail', detail: 'x' } } as const;
    const readiness = readinessOf(itemsFor(checks, 'video', { 'privacy.alone': 'yes' }, evaluations));
    expect(readiness.warnings.map((i) => i.check.id)).toEqual(['interruptions.other-tabs']);
    expect(readiness.failing.map((i) => i.check.id)).toEqual(['platform.verdict']);
    expect(readiness.notChecked.map((i) => i.check.id)).toEqual(['network.speed']);
    expect(readiness.toConfirm.map((i) => i.check.id)).not.toContain('privacy.alone');
    expect(readiness.toConfirm).toHaveLength(askedIds.length - 2); // alone answered; headset does not apply
  });
});
