import { describe, expect, it } from 'vitest';
import { isDismissed, lookOf } from '@/lib/rules/banner-prefs';
import { bannerDismissalsItem, bannerLookItem } from '@/lib/storage/items/banner';

/**
 * The in-page banner reads its preferences with small hand-written readers (it may not bundle
 * valibot); the background reads the same keys through the items' schemas. Both must read any
 * stored value alike, good or bad.
 */

const now = 1_764_838_800_000;

describe('the banner’s hand readers agree with the items’ schemas', () => {
  it.each<[string, unknown]>([
    ['a good look with a corner', { zoom: { seen: ['caution', 'avoid'], corner: 'bottom-left' } }],
    ['a good look without a corner', { zoom: { seen: ['caution'] } }],
    ['another platform’s look only', { 'doxy-me': { seen: ['caution'], corner: 'top-left' } }],
    ['an unknown corner', { zoom: { seen: ['caution'], corner: 'middle' } }],
    ['seen verdicts mixed with non-text', { zoom: { seen: ['caution', 3, null, 'avoid'], corner: 'top-right' } }],
    ['seen stored as text', { zoom: { seen: 'caution', corner: 'bottom-right' } }],
    ['a look with extra fields', { zoom: { seen: ['caution'], corner: 'top-left', size: 'large' } }],
    ['an empty look', { zoom: {} }],
    ['a look stored as a list', { zoom: ['caution'] }],
    ['a look stored as null', { zoom: null }],
    ['a look stored as text', { zoom: 'caution' }],
    ['nothing stored', undefined],
    ['null', null],
    ['text', 'zoom'],
    ['a list', [{ seen: ['caution'] }]],
  ])('reads %s alike', (_name, stored) => {
    const parsed = bannerLookItem.parse(stored);
    expect(lookOf(stored, 'zoom')).toEqual(parsed.zoom ?? { seen: [] });
    expect(lookOf(stored, 'zoom')).toEqual(lookOf(parsed, 'zoom'));
  });

  it.each<[string, unknown, boolean]>([
    ['a dismissal still running', { zoom: now + 1 }, true],
    ['a dismissal that ran out', { zoom: now }, false],
    ['another platform’s dismissal', { 'doxy-me': now + 60_000 }, false],
    ['a dismissal stored as text', { zoom: 'tomorrow' }, false],
    ['a dismissal stored as null', { zoom: null }, false],
    ['a dismissal beside unreadable ones', { zoom: now + 60_000, meet: 'soon', teams: [] }, true],
    ['nothing stored', undefined, false],
    ['null', null, false],
    ['text', 'zoom', false],
    ['a list', [now + 60_000], false],
  ])('reads %s alike', (_name, stored, dismissed) => {
    expect(isDismissed(stored, 'zoom', now)).toBe(dismissed);
    expect((bannerDismissalsItem.parse(stored).zoom ?? 0) > now).toBe(dismissed);
  });
});
