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
