/**
 * Markup for the in-page banner, built as one string and parsed once: the browser's HTML parser
 * makes the nodes without a script wrapper for each, which costs a page load less than building
 * them one by one with createElement (npm run bench).
 *
 * Every value put into an `html` template is escaped, whatever it holds; only another `html`
 * result (or a list of them) goes in as markup. Values go only in element content and in
 * double-quoted attribute values, never in a tag outside quotes (there, even escaped text could
 * name an attribute). So text from the catalogue or from a custom platform the therapist typed
 * can never become an element, an attribute or a script.
 */
export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Interpolation = string | number | boolean | undefined | null | Markup | readonly Markup[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for element content and for quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function piece(value: Interpolation): string {
  if (value instanceof Markup) return value.value;
  if (Array.isArray(value)) return value.map((v: Markup) => (v instanceof Markup ? v.value : escapeHtml(String(v)))).join('');
  // false, null and undefined draw nothing, so `${cond && html`…`}` reads naturally.
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
}

/** A tagged template: `html\`<p>${text}</p>\`` escapes `text`. Attribute values must be quoted. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Markup {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += piece(values[i]) + strings[i + 1]!;
  return new Markup(out);
}
