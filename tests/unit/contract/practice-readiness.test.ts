import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  emptyReadinessState,
  readinessDue,
  readinessItemIds,
  readinessItems,
  readinessStateSchema,
  type ReadinessState,
} from '../../../lib/contract/practice-readiness';

const now = new Date('2026-06-15T12:00:00Z');
const allConfirmed = (at: string): ReadinessState =>
  Object.fromEntries(readinessItemIds.map((id) => [id, at])) as ReadinessState;

describe('the yearly practice readiness checklist', () => {
  it('lists each item once, with a title and a reason', () => {
    expect(readinessItems.map((item) => item.id)).toEqual([...readinessItemIds]);
    for (const item of readinessItems) {
      expect(item.title.length).toBeGreaterThan(10);
      expect(item.why.length).toBeGreaterThan(20);
    }
  });

  it.each([
    ['professional-body', /professional body/],
    ['training', /training/],
    ['insurance', /insurance/],
    ['supervision', /supervisor/],
    ['data-registration', /sensitive data/],
    ['directory', /directory/],
    ['computer-protection', /computer/],
    ['written-contract', /written contract/],
  ])('asks about %s', (id, title) => {
    expect(readinessItems.find((item) => item.id === id)?.title).toMatch(title);
  });

  it('mentions security software, disk encryption and a screen lock for computer protection', () => {
    const why = readinessItems.find((item) => item.id === 'computer-protection')!.why;
    expect(why).toMatch(/security software/);
    expect(why).toMatch(/encryption/);
    expect(why).toMatch(/screen lock/);
  });

  it('shows everything as due when nothing has been confirmed', () => {
    const due = readinessDue(emptyReadinessState(), now);
    expect(due.map((entry) => entry.item.id)).toEqual([...readinessItemIds]);
    expect(due.every((entry) => entry.reason === 'unconfirmed')).toBe(true);
  });

  it.each<[string, string, boolean]>([
    ['confirmed today', '2026-06-15T12:00:00Z', false],
    ['confirmed 364 days ago', '2025-06-16T12:00:00Z', false],
    ['confirmed exactly 365 days ago', '2025-06-15T12:00:00Z', false],
    ['confirmed 365 days and a minute ago', '2025-06-15T11:59:00Z', true],
    ['confirmed two years ago', '2024-06-01', true],
  ])('an item %s is due: %s', (_label, confirmedAt, due) => {
    const state = { ...allConfirmed('2026-06-01'), insurance: confirmedAt };
    const result = readinessDue(state, now);
    expect(result.map((entry) => entry.item.id)).toEqual(due ? ['insurance'] : []);
    if (due) expect(result[0]).toMatchObject({ reason: 'expired', confirmedAt });
  });

  it('treats an unreadable date as never confirmed', () => {
    const state = { ...allConfirmed('2026-06-01'), directory: 'not a date' };
    expect(readinessDue(state, now)).toMatchObject([{ item: { id: 'directory' }, reason: 'unconfirmed' }]);
  });
});

describe('the stored readiness state', () => {
  it('accepts dates, ISO times and null, and fills absent items with null', () => {
    const parsed = v.parse(readinessStateSchema, { training: '2026-01-02', insurance: '2026-01-02T09:30:00.000Z', directory: null });
    expect(parsed).toEqual({ ...emptyReadinessState(), training: '2026-01-02', insurance: '2026-01-02T09:30:00.000Z' });
  });

  it.each([['yesterday'], ['2026-13-45'], [20260102]])('rejects %j as a confirmation date', (confirmedAt) => {
    expect(v.safeParse(readinessStateSchema, { training: confirmedAt }).success).toBe(false);
  });
});
