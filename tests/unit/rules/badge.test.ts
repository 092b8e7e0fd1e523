import { describe, expect, it } from 'vitest';
import { badgeFor, DEFAULT_TITLE } from '@/lib/rules/badge';
import type { Verdict } from '@/lib/rules/verdict';

const verdict = (level: Verdict['verdict'], reason?: string): Verdict => ({
  verdict: level,
  reasons: reason ? [{ id: 'r', verdict: level, text: reason }] : [],
  saferSettings: [],
  unverified: [],
});

describe('the toolbar badge', () => {
  it.each([
    ['avoid', 'NO', '#a11d1d', 'avoid for clinical work'],
    ['caution', '!', '#8a5a00', 'use with care'],
    ['ok', 'OK', '#1f6f43', 'suitable for clinical work'],
  ] as const)('shows %s as "%s" in its own colour and says so in words', (level, text, color, words) => {
    const badge = badgeFor('Some Platform', verdict(level));
    expect(badge.text).toBe(text);
    expect(badge.color).toBe(color);
    expect(badge.title).toContain('Some Platform');
    expect(badge.title).toContain(words);
  });

  it('explains the deciding reason in the tooltip', () => {
    expect(badgeFor('WhatsApp Web', verdict('avoid', 'The owner earns from advertising.')).title).toContain('The owner earns from advertising.');
  });

  it('is cleared on a site that is not in the catalogue', () => {
    expect(badgeFor(undefined, undefined)).toEqual({ text: '', color: '#00000000', title: DEFAULT_TITLE });
  });
});
