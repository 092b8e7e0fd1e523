import { describe, expect, it } from 'vitest';
import { checks, sections } from '@/lib/checklist/checks/index';
import { layoutOf, settledSummary } from '@/lib/checklist/layout';
import { itemsFor, type ItemView } from '@/lib/checklist/model';
import type { Answers, CheckId, Evaluation } from '@/lib/checklist/types';

const askedIds = checks.filter((check) => check.kind === 'asked').map((check) => check.id);
const measuredIds = checks.filter((check) => check.kind === 'measured').map((check) => check.id);
const everyMeasured = (status: Evaluation['status']): Partial<Record<CheckId, Evaluation>> =>
  Object.fromEntries(measuredIds.map((id) => [id, { status, detail: 'x' }]));
const allYes: Answers = Object.fromEntries(askedIds.map((id) => [id, 'yes']));
const ids = (groups: { items: ItemView[] }[]) => groups.flatMap((group) => group.items.map((item) => item.check.id));

describe('the popup’s arrangement of the checklist', () => {
  it('puts every item first while nothing is confirmed or measured yet', () => {
    const items = itemsFor(checks, 'video', {}, {});
    const layout = layoutOf(sections, items);
    expect(ids(layout.attention)).toEqual(items.map((item) => item.check.id));
    expect(layout.settled).toEqual([]);
  });

  it('folds each section into one line once everything passes or is confirmed', () => {
    const items = itemsFor(checks, 'video', allYes, everyMeasured('pass'));
    const layout = layoutOf(sections, items);
    expect(layout.attention).toEqual([]);
    expect(layout.settled.map((group) => group.id)).toEqual(sections.map((section) => section.id));
    expect(ids(layout.settled).sort()).toEqual(items.map((item) => item.check.id).sort());
    const privacy = layout.settled.find((group) => group.id === 'privacy')!;
    expect(privacy.summary).toBe(`${privacy.items.length} confirmed`);
  });

  it.each<[string, Evaluation['status'], boolean]>([
    ['a failing measured item stays in view', 'fail', true],
    ['one worth a look stays in view', 'warn', true],
    ['one that could not tell stays in view, with its button', 'unknown', true],
    ['one that passed folds away', 'pass', false],
  ])('%s', (_name, status, inView) => {
    const items = itemsFor(checks, 'video', allYes, { ...everyMeasured('pass'), 'platform.verdict': { status, detail: 'x' } });
    const layout = layoutOf(sections, items);
    expect(ids(layout.attention).includes('platform.verdict')).toBe(inView);
    expect(ids(layout.settled).includes('platform.verdict')).toBe(!inView);
  });

  it('keeps a measured item that is still checking in view, even before it reports', () => {
    const layout = layoutOf(sections, itemsFor(checks, 'video', allYes, {}));
    expect(ids(layout.attention)).toEqual(measuredIds.filter((id) => id !== 'privacy.headset'));
  });

  it('keeps the registry’s order inside each group', () => {
    const items = itemsFor(checks, 'video', { 'privacy.screen': 'yes', 'privacy.wifi': 'yes' }, {});
    const layout = layoutOf(sections, items);
    const order = checks.map((check) => check.id);
    for (const group of [...layout.attention, ...layout.settled]) {
      const shown = group.items.map((item) => item.check.id);
      expect(shown).toEqual(order.filter((id) => shown.includes(id)));
    }
  });

  it.each<[string, Answers, Partial<Record<CheckId, Evaluation>>, string]>([
    ['counts confirmed answers', { 'privacy.alone': 'yes', 'privacy.screen': 'yes' }, {}, '2 confirmed'],
    ['counts a “not alone” answer as confirmed', { 'privacy.alone': 'not-alone' }, {}, '1 confirmed'],
    ['counts passing measurements as fine', {}, { 'platform.verdict': { status: 'pass', detail: 'x' } }, '1 fine'],
    [
      'names both when both are there',
      { 'privacy.alone': 'yes' },
      { 'platform.verdict': { status: 'pass', detail: 'x' }, 'interruptions.battery': { status: 'pass', detail: 'x' } },
      '2 fine, 1 confirmed',
    ],
  ])('its folded line %s', (_name, answers, evaluations, words) => {
    const met = itemsFor(checks, 'video', answers, evaluations).filter((item) => item.status === 'pass' || item.status === 'done');
    expect(settledSummary(met)).toBe(words);
  });
});
