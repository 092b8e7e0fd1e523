/**
 * The `{{name}}` language of the editable templates. Kept apart from templates.ts so the schema
 * can flag a bad template without importing the template texts.
 *
 * Only contract fields and the therapist's own details are placeholders. There is deliberately
 * no placeholder for a client's name or details: a template may be sent from a webmail tab,
 * whose host page can read everything we put into it.
 */

export const placeholderNames = [
  'sessionMinutes',
  'sessionFormat',
  'emailResponseHours',
  'betweenSessionContact',
  'silenceFollowUpDays',
  'disruptionPlan',
  'disruptionPlans.interruption',
  'disruptionPlans.connection',
  'disruptionPlans.battery',
  'disruptionPlans.platform',
  'backupPlatform',
  'emergencyProcedure',
  'socialMediaPolicy',
  'transcriptPolicy',
  'therapist.name',
  'therapist.practice',
  'therapist.contact',
] as const;

export type PlaceholderName = (typeof placeholderNames)[number];

const known: ReadonlySet<string> = new Set(placeholderNames);

export function isPlaceholderName(name: string): name is PlaceholderName {
  return known.has(name);
}

/** One `{{…}}` found in a template: where it starts, its full text and the name inside. */
export interface PlaceholderToken {
  index: number;
  raw: string;
  name: string;
}

export interface TemplateProblem {
  index: number;
  message: string;
}

export interface ParsedTemplate {
  tokens: PlaceholderToken[];
  problems: TemplateProblem[];
}

const NAME = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/;

/**
 * Finds every well-formed `{{name}}` and reports malformed braces instead of throwing: the
 * therapist is typing, and half-written text is normal.
 */
export function parseTemplate(text: string): ParsedTemplate {
  const tokens: PlaceholderToken[] = [];
  const problems: TemplateProblem[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('{{', at);
    const strayClose = text.indexOf('}}', at);
    if (strayClose !== -1 && (open === -1 || strayClose < open)) {
      problems.push({ index: strayClose, message: 'There is a "}}" without a matching "{{" before it.' });
      at = strayClose + 2;
      continue;
    }
    if (open === -1) break;
    const close = text.indexOf('}}', open + 2);
    const nextOpen = text.indexOf('{{', open + 2);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      problems.push({ index: open, message: 'A placeholder opened with "{{" is never closed with "}}".' });
      at = open + 2;
      continue;
    }
    const raw = text.slice(open, close + 2);
    const name = text.slice(open + 2, close).trim();
    if (name === '') {
      problems.push({ index: open, message: 'There is an empty placeholder "{{}}".' });
    } else if (!NAME.test(name)) {
      problems.push({ index: open, message: `"${raw}" is not a placeholder name Anteroom can read.` });
    } else {
      tokens.push({ index: open, raw, name });
    }
    at = close + 2;
  }
  return { tokens, problems };
}

/** Names used in the text that Anteroom cannot fill, each once, in order of appearance. */
export function unknownPlaceholders(text: string): string[] {
  const names = parseTemplate(text)
    .tokens.map((token) => token.name)
    .filter((name) => !isPlaceholderName(name));
  return [...new Set(names)];
}

/** The first thing wrong with a template, as a sentence for the form, or undefined if none. */
export function templateProblem(text: string): string | undefined {
  const first = parseTemplate(text).problems[0];
  if (first) return first.message;
  const unknown = unknownPlaceholders(text);
  if (unknown.length > 0) {
    const list = unknown.map((name) => `{{${name}}}`).join(', ');
    return `Anteroom cannot fill ${list}. Use one of the listed placeholders.`;
  }
  return undefined;
}
