import compress from '@zxcvbn-ts/dictionary-compression/compress';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';
import type { StrengthData } from './strength';

/**
 * The word lists zxcvbn-ts ships (common passwords, English words and names), in the form the
 * build packages as one file (wxt.config.ts) and strength.ts reads back. Build time and tests
 * only: importing this module pulls in every list.
 */
export function strengthData(): StrengthData {
  const lists = { ...commonDictionary, ...englishDictionary };
  const dictionary: Record<string, string> = {};
  for (const [name, words] of Object.entries(lists)) {
    const packed = compress(words.map(String));
    // compress() returns a list only for lists it cannot pack into one string; none of ours.
    if (typeof packed !== 'string') throw new Error(`zxcvbn list ${name} did not compress to one string`);
    dictionary[name] = packed;
  }
  return { dictionary, graphs: adjacencyGraphs, translations };
}
