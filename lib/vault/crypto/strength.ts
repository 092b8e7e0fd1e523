import type { OptionsGraph, Score, TranslationKeys } from '@zxcvbn-ts/core';
import decompress from '@zxcvbn-ts/dictionary-compression/decompress';
import { PassphrasePolicyError, WeakPassphraseError } from '../errors';
import { checkPassphrase, normalizePassphrase } from './passphrase';

/**
 * How guessable a new passphrase is (zxcvbn-ts), for the notes page and the background alike.
 * The rule: a score of at least 3, or the therapist's explicit "I accept a weaker passphrase".
 *
 * The word lists (about a megabyte) are data, not code: the build writes them to one packaged
 * file (STRENGTH_DATA_PATH, see strength-data.ts) that is fetched the first time a passphrase is
 * scored. Pages could import() them, but an MV3 service worker cannot, and bundling them into the
 * background would make every service-worker start parse them.
 */

export const MIN_STRENGTH_SCORE = 3;

/** Where the build puts the word lists, inside the extension. */
export const STRENGTH_DATA_PATH = '/strength-dictionary.json';

/** The packaged file: each word list compressed the way zxcvbn-ts ships its own. */
export interface StrengthData {
  dictionary: Record<string, string>;
  graphs: OptionsGraph;
  translations: TranslationKeys;
}

export interface StrengthEstimate {
  score: Score;
  /** zxcvbn's own words: what makes it guessable (may be empty) and how to do better. */
  warning: string;
  suggestions: string[];
}

export type StrengthScorer = (passphrase: string) => Promise<StrengthEstimate>;

/** Words anyone guessing a therapist's vault passphrase would try first. */
const RELATED_WORDS = ['anteroom', 'therapy', 'therapist', 'counselling', 'counseling', 'notes', 'session', 'client'];

export function isStrongEnough(score: number): boolean {
  return score >= MIN_STRENGTH_SCORE;
}

/** A scorer that loads the library and its lists on first use, and retries if that load failed. */
export function createStrengthScorer(loadData: () => Promise<StrengthData>): StrengthScorer {
  let ready: Promise<(passphrase: string) => StrengthEstimate> | undefined;
  const load = async () => {
    // Dynamic: pages load the library only when a passphrase is typed. The Chrome background is
    // one classic script, where the bundler inlines it (about 35 KB), since a service worker
    // cannot import() at run time.
    const [{ ZxcvbnFactory }, data] = await Promise.all([import('@zxcvbn-ts/core'), loadData()]);
    const dictionary = Object.fromEntries(Object.entries(data.dictionary).map(([name, words]) => [name, decompress(words)]));
    const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: data.graphs, translations: data.translations });
    return (passphrase: string): StrengthEstimate => {
      const { score, feedback } = zxcvbn.check(normalizePassphrase(passphrase), RELATED_WORDS);
      return { score, warning: feedback.warning ?? '', suggestions: [...feedback.suggestions] };
    };
  };
  return async (passphrase) => {
    ready ??= load();
    ready.catch(() => (ready = undefined));
    return (await ready)(passphrase);
  };
}

const packagedScorers = new Map<string, StrengthScorer>();

/** The scorer extension pages and the background use: the word lists come from the package (one load per context). */
export function packagedStrengthScorer(url: string): StrengthScorer {
  const known = packagedScorers.get(url);
  if (known) return known;
  const scorer = createStrengthScorer(async () => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`strength data: HTTP ${response.status}`);
    return (await response.json()) as StrengthData;
  });
  packagedScorers.set(url, scorer);
  return scorer;
}

/**
 * The rule itself, as the background applies it to every new passphrase whatever the page did:
 * the score is computed here again, and only an explicit acceptance lets a weak one through.
 */
export async function assertStrongEnough(score: StrengthScorer, passphrase: string, acceptWeak: boolean | undefined): Promise<void> {
  // The length rule first: it has no exception, and its message says what to do.
  const policy = checkPassphrase(passphrase);
  if (!policy.ok) throw new PassphrasePolicyError(policy.problems);
  if (acceptWeak === true) return;
  const estimate = await score(passphrase);
  if (isStrongEnough(estimate.score)) return;
  throw new WeakPassphraseError([estimate.warning, ...estimate.suggestions].filter(Boolean).join(' '));
}
