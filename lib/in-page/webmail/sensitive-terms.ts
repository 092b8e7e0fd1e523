/**
 * Finds which categories of clinical detail a draft mentions. One regular expression per list,
 * built once; whole words only, case-insensitive, `*` at the end of a term matches any ending.
 * Returns categories, never the matched words, so nothing from the draft travels further.
 */
export interface TermList {
  language: string;
  categories: Record<string, string[]>;
}

export interface SensitiveMatcher {
  categoriesIn(text: string): string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function termPattern(term: string): string {
  const wildcard = term.endsWith('*');
  const body = (wildcard ? term.slice(0, -1) : term)
    .toLowerCase()
    .split(/\s+/)
    .map(escape)
    .join('\\s+');
  return wildcard ? `${body}[\\p{L}\\p{N}-]*` : body;
}

export function compileTerms(list: TermList): SensitiveMatcher {
  const names = Object.keys(list.categories);
  // One named group per category: a single pass over the draft finds them all.
  const alternatives = names.map((name, i) => `(?<c${i}>${(list.categories[name] ?? []).map(termPattern).join('|')})`);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return {
    categoriesIn(text: string): string[] {
      const found = new Set<string>();
      pattern.lastIndex = 0;
      for (const match of text.matchAll(pattern)) {
        const groups = match.groups ?? {};
        names.forEach((name, i) => {
          if (groups[`c${i}`] !== undefined) found.add(name);
        });
        if (found.size === names.length) break;
      }
      return names.filter((n) => found.has(n));
    },
  };
}
