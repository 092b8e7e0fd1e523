import { describe, expect, it } from 'vitest';
import { checkPassphrase, normalizePassphrase } from '@/lib/vault/crypto/passphrase';

describe('passphrase rules', () => {
  it('accepts four ordinary words', () => {
    expect(checkPassphrase('correct horse battery staple')).toEqual({ ok: true, problems: [] });
  });

  it.each(['', 'short', 'fifteen chars!!'])('asks for at least 16 characters (%j)', (passphrase) => {
    const result = checkPassphrase(passphrase);
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatch(/at least 16 characters/);
  });

  it('counts characters, not UTF-16 units: 15 emoji are still too short, 16 are enough', () => {
    expect(checkPassphrase('🙂'.repeat(15)).ok).toBe(false);
    expect(checkPassphrase('🙂'.repeat(16)).ok).toBe(true);
  });

  it('counts after NFKC: a ligature counts as the letters it stands for', () => {
    // "ﬁ" (U+FB01) normalises to "fi", so 8 ligatures make 16 characters.
    expect(checkPassphrase('ﬁ'.repeat(8)).ok).toBe(true);
    expect(normalizePassphrase('ﬁ')).toBe('fi');
  });

  it('gives composed and decomposed accents, and full-width letters, one spelling', () => {
    expect(normalizePassphrase('café'.normalize('NFD'))).toBe(normalizePassphrase('café'.normalize('NFC')));
    expect(normalizePassphrase('ＡＢＣ')).toBe('ABC');
  });

  it('refuses a passphrase of only spaces', () => {
    expect(checkPassphrase(' '.repeat(20)).problems).toContain('A passphrase made only of spaces is too easy to guess.');
  });

  it('refuses a broken (lone surrogate) character that UTF-8 cannot carry', () => {
    expect(checkPassphrase('correct horse battery \uD800staple').ok).toBe(false);
  });
});
