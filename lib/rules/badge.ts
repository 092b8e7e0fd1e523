import type { Verdict } from './verdict';

/**
 * What the toolbar icon shows for a tab. Text and colour both carry the verdict, so it reads
 * without colour vision; the title (tooltip) says why in words.
 */
export interface Badge {
  text: string;
  color: string;
  title: string;
}

export const DEFAULT_TITLE = 'Anteroom: pre-session checklist';

const LOOK = {
  avoid: { text: 'NO', color: '#a11d1d', words: 'avoid for clinical work' },
  caution: { text: '!', color: '#8a5a00', words: 'use with care for clinical work' },
  ok: { text: 'OK', color: '#1f6f43', words: 'suitable for clinical work' },
} as const;

export function badgeFor(platformName: string | undefined, verdict: Verdict | undefined): Badge {
  if (!platformName || !verdict) return { text: '', color: '#00000000', title: DEFAULT_TITLE };
  const look = LOOK[verdict.verdict];
  const why = verdict.reasons[0]?.text;
  return {
    text: look.text,
    color: look.color,
    title: `Anteroom: ${platformName} — ${look.words}.${why ? ` ${why}` : ''} Click for the pre-session checklist.`,
  };
}
