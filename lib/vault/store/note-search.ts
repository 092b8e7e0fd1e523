import type { NoteView } from './views';

/**
 * Full-text search over notes already opened in background memory. No search index is kept on
 * disk: an index of words would be note content in clear. Every word of the query must appear
 * in the body or a tag; case, accents and full-width forms are ignored.
 */

export const MAX_SEARCH_RESULTS = 200;

const ASCII_ONLY = /^[ -~\t\n\r]*$/;

function fold(text: string): string {
  // Printable ASCII has no accents or compatibility forms: skip the normalisation, which was most of
  // the time of a search over 10,000 English notes (npm run bench).
  if (ASCII_ONLY.test(text)) return text.toLocaleLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase();
}

export function queryTerms(query: string): string[] {
  return fold(query).split(/\s+/).filter((term) => term.length > 0);
}

export function matchingNotes(notes: readonly NoteView[], query: string, limit = MAX_SEARCH_RESULTS): NoteView[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const matches: NoteView[] = [];
  for (const note of notes) {
    const haystack = fold(`${note.body}\n${note.tags.join('\n')}`);
    if (terms.every((term) => haystack.includes(term))) matches.push(note);
    if (matches.length >= limit) break;
  }
  return matches;
}
