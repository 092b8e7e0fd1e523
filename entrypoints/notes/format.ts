/** Small display helpers for the notes page. Dates are shown in the therapist's own locale. */

export function toDate(value: number | string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  // A bare calendar date means that day here, not midnight in London.
  const day = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function formatDateTime(value: number | string | undefined): string {
  const date = toDate(value);
  return date ? date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

export function formatDate(value: number | string | undefined): string {
  const date = toDate(value);
  return date ? date.toLocaleDateString(undefined, { dateStyle: 'medium' }) : '';
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "a, b and c" */
export function listInWords(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** Tags as typed ("grief, sleep ,grief") → ["grief", "sleep"]: trimmed, no empties, no repeats. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    const key = tag.toLocaleLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

/**
 * The part of a note around the first match of the query, for search results; the whole
 * opening when there is no literal match (the search may match words, not the exact string).
 */
export function excerptAround(body: string, query: string, radius = 80): { before: string; match: string; after: string } {
  const flat = body.replace(/\s+/g, ' ').trim();
  const needle = query.trim().toLocaleLowerCase();
  const at = needle ? flat.toLocaleLowerCase().indexOf(needle) : -1;
  if (at < 0) return { before: flat.length > radius * 2 ? `${flat.slice(0, radius * 2)}…` : flat, match: '', after: '' };
  const start = Math.max(0, at - radius);
  const end = Math.min(flat.length, at + needle.length + radius);
  return {
    before: `${start > 0 ? '…' : ''}${flat.slice(start, at)}`,
    match: flat.slice(at, at + needle.length),
    after: `${flat.slice(at + needle.length, end)}${end < flat.length ? '…' : ''}`,
  };
}

/** The first line of a note, shortened: what a list shows before the note is opened. */
export function firstLine(body: string, max = 140): string {
  const line = body.trim().split('\n', 1)[0] ?? '';
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** Today's date in the therapist's time zone, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
