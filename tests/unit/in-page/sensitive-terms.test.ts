import { describe, expect, it } from 'vitest';
import { compileTerms } from '@/lib/in-page/webmail/sensitive-terms';
import englishTerms from '@/rules/sensitive-terms/en.json';

const terms = compileTerms(englishTerms);

describe('spotting clinical detail in a draft', () => {
  it.each([
    ['She has had suicidal thoughts since March.', ['self-harm']],
    ['We talked about the SSRI and the new dosage.', ['medication']],
    ['He was diagnosed with PTSD.', ['diagnosis']],
    ['Her partner has been abusive.', ['abuse']],
    ['A relapse after detox.', ['substance-use']],
    ['I attach my session notes and the risk assessment.', ['clinical-record']],
    ['Suicide, sertraline and bipolar disorder.', ['self-harm', 'diagnosis', 'medication']],
    ['Across   line\nbreaks: panic\nattacks.', ['diagnosis']],
  ])('finds %j', (draft, categories) => {
    expect(terms.categoriesIn(draft)).toEqual(expect.arrayContaining(categories));
    expect(terms.categoriesIn(draft)).toHaveLength(categories.length);
  });

  it.each([
    'See you on Tuesday at 10.',
    'Thanks for your message; I will reply within 48 hours.',
    'The medicine cabinet of curiosities',
    'A rapeseed field in bloom',
  ])('stays quiet on ordinary messages: %j', (draft) => {
    expect(terms.categoriesIn(draft)).toEqual([]);
  });

  it('matches whole words only, not parts of other words', () => {
    expect(terms.categoriesIn('The therapist is not ptsdx or xocd')).toEqual([]);
  });

  it('reports categories only, never the words it found', () => {
    const found = terms.categoriesIn('sertraline');
    expect(found.join()).not.toContain('sertraline');
  });

  it('every list entry compiles and can be found on its own', () => {
    for (const [category, list] of Object.entries(englishTerms.categories)) {
      for (const term of list) {
        const sample = term.endsWith('*') ? `${term.slice(0, -1)}al` : term;
        expect(terms.categoriesIn(`Note: ${sample}.`), `${category}: ${term}`).toContain(category);
      }
    }
  });

  it('handles a long draft (50,000 characters) in one pass', () => {
    const draft = 'We met again and talked about the week. '.repeat(1250) + ' medication';
    expect(terms.categoriesIn(draft)).toEqual(['medication']);
  });
});
