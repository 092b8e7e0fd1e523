import type { Score, ZxcvbnFactory } from '@zxcvbn-ts/core';

/**
 * Passphrase rules. The passphrase is NFKC-normalised before it is counted or derived, so the
 * same words typed on another keyboard, or pasted with composed vs decomposed accents or
 * full-width letters, give the same key. (1Password also normalises; we record NFKC in the
 * format notes.) Spaces are kept as typed: they are part of the passphrase.
 */

export const MIN_PASSPHRASE_CHARS = 16;

export function normalizePassphrase(passphrase: string): string {
  return passphrase.normalize('NFKC');
}

export interface PassphraseCheck {
  ok: boolean;
  problems: string[];
}

// A lone UTF-16 surrogate cannot be encoded as UTF-8; TextEncoder would silently swap it for U+FFFD.
const LONE_SURROGATE = /\p{Cs}/u;

export function checkPassphrase(passphrase: string): PassphraseCheck {
  const normalized = normalizePassphrase(passphrase);
  const problems: string[] = [];
  const length = [...normalized].length; // code points, so an emoji counts as one character
  if (length < MIN_PASSPHRASE_CHARS) {
    problems.push(
      `Use at least ${MIN_PASSPHRASE_CHARS} characters (this one has ${length}). A few unrelated words work well.`,
    );
  }
  if (normalized.trim() === '' && length > 0) {
    problems.push('A passphrase made only of spaces is too easy to guess.');
  }
  if (LONE_SURROGATE.test(normalized)) {
    problems.push('The passphrase contains a broken character; please retype it.');
  }
  return { ok: problems.length === 0, problems };
}

export type StrengthScore = Score;

export interface StrengthEstimate {
  score: StrengthScore;
  hint: string;
}

const HINT_BY_SCORE: Record<StrengthScore, string> = {
  0: 'Very easy to guess. Add more unrelated words.',
  1: 'Easy to guess. Add more unrelated words.',
  2: 'Could be guessed with effort. Add another uncommon word.',
  3: 'Hard to guess.',
  4: 'Very hard to guess.',
};

let estimator: Promise<ZxcvbnFactory> | undefined;

/**
 * zxcvbn's dictionaries are about a megabyte, so they load on first use (on the notes page)
 * rather than in every bundle that imports this module. Call it from pages only: MV3 service
 * workers do not allow dynamic import().
 */
function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        translations: en.translations,
      }),
  );
  estimator.catch(() => {
    estimator = undefined; // let a later call retry a failed chunk load
  });
  return estimator;
}

/** Score 0–4 and one short plain-English hint. `relatedWords` (names, the product) count as guessable. */
export async function estimateStrength(passphrase: string, relatedWords: readonly string[] = []): Promise<StrengthEstimate> {
  const zxcvbn = await loadEstimator();
  const result = zxcvbn.check(normalizePassphrase(passphrase), ['anteroom', ...relatedWords]);
  const { score, feedback } = result;
  const hint = score >= 3 ? HINT_BY_SCORE[score] : feedback.warning || feedback.suggestions[0] || HINT_BY_SCORE[score];
  return { score, hint };
}
