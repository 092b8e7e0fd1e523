import decompress from '@zxcvbn-ts/dictionary-compression/decompress';
import { dictionary as englishDictionary } from '@zxcvbn-ts/language-en';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createStrengthScorer, isStrongEnough, MIN_STRENGTH_SCORE } from '@/lib/vault/crypto/strength';
import { strengthData } from '@/lib/vault/crypto/strength-data';

const data = strengthData();
const score = createStrengthScorer(async () => data);

describe('passphrase strength (zxcvbn)', () => {
  it.each(['aaaaaaaaaaaaaaaa', 'abcdefghijklmnop', '1234567890123456', 'password1234567890', 'qwertyuiopasdfgh', 'iloveyouiloveyou', 'anteroomanteroom'])(
    'scores %j below the rule, with zxcvbn feedback',
    async (passphrase) => {
      const estimate = await score(passphrase);
      expect(estimate.score).toBeLessThan(MIN_STRENGTH_SCORE);
      expect(isStrongEnough(estimate.score)).toBe(false);
      expect(estimate.warning.length + estimate.suggestions.join('').length).toBeGreaterThan(0);
    },
  );

  it('names what is wrong with a run of one letter, in the library\'s words', async () => {
    const estimate = await score('aaaaaaaaaaaaaaaa');
    expect(estimate.score).toBe(0);
    expect(estimate.warning).toMatch(/repeated characters/i);
  });

  it.each(['lantern orchard velvet compass', 'quiet harbour lantern seventeen', 'copper meadow violin nineteen'])(
    'accepts unrelated words: %j',
    async (passphrase) => {
      expect((await score(passphrase)).score).toBeGreaterThanOrEqual(MIN_STRENGTH_SCORE);
    },
  );

  it('scores the NFKC form, so full-width letters are no stronger than plain ones', async () => {
    expect((await score('ａａａａａａａａａａａａａａａａ')).score).toBe((await score('aaaaaaaaaaaaaaaa')).score);
  });

  it('packs the word lists without losing or reordering a word (rank decides the score)', () => {
    for (const [name, words] of Object.entries(englishDictionary)) {
      expect(decompress(data.dictionary[name]!), name).toEqual(words.map(String));
    }
  });

  it('keeps the packaged lists small enough to ship (about 1.6 MB, 0.8 MB gzipped: half what the plain lists weigh)', () => {
    const json = JSON.stringify(data);
    expect(json.length).toBeLessThan(1_700_000);
    expect(gzipSync(json).length).toBeLessThan(900_000);
  });

  it('tries again after the lists failed to load', async () => {
    let calls = 0;
    const flaky = createStrengthScorer(async () => {
      calls += 1;
      if (calls === 1) throw new Error('offline');
      return data;
    });
    await expect(flaky('lantern orchard velvet compass')).rejects.toThrow('offline');
    expect((await flaky('lantern orchard velvet compass')).score).toBeGreaterThanOrEqual(3);
  });
});
