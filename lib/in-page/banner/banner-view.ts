import type { BannerModel, VerdictLevel } from '@/lib/rules/banner-model';
import { html, Markup } from '../html';

/** Shown when a draft holds clinical detail and the provider can read it. */
export interface SensitiveWarning {
  categories: string[];
  reason: 'provider-can-read' | 'unknown-recipients';
}

export interface BannerHandlers {
  onDismiss: () => void;
  /** The chip was pressed: show the card. */
  onExpand?: () => void;
  /** "Make small": back to the chip. */
  onCollapse?: () => void;
  /** Move the banner to the next corner. */
  onMove?: () => void;
  /** Webmail: insert the template with this id into the message being written. */
  onTemplate?: (id: string) => boolean;
}

/**
 * The in-page banner, in an open shadow root on the host page. Plain markup (not Preact) keeps
 * content scripts small; px units because rem would follow the host page's root font size.
 * Only platform facts are ever rendered here: the host page can read it.
 *
 * Drawn on every load of a catalogue host, so it is cheap to draw: one string of markup, every
 * value escaped by `html` (./html.ts), parsed at once; one click and one mousedown listener on
 * the root instead of one per button; only the stylesheet parts for what is drawn.
 */
/** The chip's verdict word, about as long as a browser's own permission chip. */
const CHIP_WORD: Record<Exclude<VerdictLevel, 'ok'>, string> = { avoid: 'Avoid', caution: 'Use with care' };
const CHIP_MARK: Record<Exclude<VerdictLevel, 'ok'>, string> = { avoid: '✕', caution: '!' };

const HEADLINE: Record<VerdictLevel, string> = {
  avoid: 'Avoid for clinical work',
  caution: 'Use with care for clinical work',
  ok: 'Suitable for clinical work',
};

// The stylesheet in parts, so a page load parses only the rules for what it draws.
// Colours are variables so the dark theme (prefers-color-scheme) swaps them in one place; both
// themes keep text at WCAG AA contrast. The top-right corner starts below the top 56 px, where
// call and mail apps keep their account menus.
const BASE_STYLE = `
:host { all: initial; position: fixed; top: 68px; right: 12px; z-index: 2147483647; display: block;
  font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  --fg: #1d232a; --bg: #ffffff; --muted: #4d5966; --line: #c9ced4; --btn: #f4f6f8; --btn-line: #8894a0; --link: #234e70;
  --avoid: #a11d1d; --caution: #8a5a00; --ok: #1f6f43; --alert-bg: #fff4f4; color: var(--fg); }
@media (prefers-color-scheme: dark) { :host { --fg: #e8ebee; --bg: #1f2429; --muted: #b4bdc7; --line: #4a545e; --btn: #2b3138;
  --btn-line: #7d8894; --link: #9cc7ea; --avoid: #ff9a9a; --caution: #f0c060; --ok: #6fd39b; --alert-bg: #3a1f22; } }
:host([data-corner=bottom-right]) { top: auto; bottom: 12px; }
:host([data-corner=bottom-left]) { top: auto; right: auto; bottom: 12px; left: 12px; }
:host([data-corner=top-left]) { right: auto; left: 12px; }
:host([data-verdict=ok]) { top: auto; right: auto; bottom: 12px; left: 12px; }
p { margin: 6px 0; }
details { margin: 6px 0; }
summary { cursor: pointer; font-weight: 600; }
a { color: var(--link); }
.note { font-size: 12px; color: var(--muted); }
button { font: inherit; font-size: 13px; padding: 4px 10px; border-radius: 6px; border: 1px solid var(--btn-line); background: var(--btn);
  color: var(--fg); cursor: pointer; }
button:focus-visible, a:focus-visible, summary:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
.avoid { --tone: var(--avoid); } .caution { --tone: var(--caution); }
`;
const CARD_STYLE = `
.card { box-sizing: border-box; width: 360px; max-width: calc(100vw - 24px); max-height: calc(100vh - 24px); overflow: auto;
  background: var(--bg); border: 1px solid var(--line); border-left: 6px solid var(--tone); border-radius: 10px;
  box-shadow: 0 6px 24px rgba(0,0,0,.18); padding: 12px 14px; }
:host(:not([data-corner^=bottom])) .card { max-height: calc(100vh - 80px); }
.card:focus { outline: none; }
h2 { all: unset; display: block; font-size: 15px; font-weight: 700; margin: 0 0 4px; color: var(--tone); }
.platform { font-weight: 600; color: var(--fg); }
ul { margin: 4px 0 6px; padding-left: 18px; }
li { margin: 2px 0; }
.actions { display: flex; justify-content: flex-end; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
`;
const MARK_STYLE = `
.compact { display: flex; flex-direction: column; align-items: flex-end; gap: 6px; max-width: 340px; }
:host([data-verdict=ok]) .compact, :host([data-corner$=left]) .compact { align-items: flex-start; }
.compact .warning, .compact .templates { box-sizing: border-box; width: 340px; max-width: calc(100vw - 24px); background: var(--bg);
  padding: 8px 10px; border-radius: 8px; border: 1px solid var(--line); }
.compact .warning { background: var(--alert-bg); border-color: var(--avoid); }
.mark { display: inline-flex; align-items: center; gap: 6px; padding: 4px 10px; border-radius: 999px; background: var(--bg);
  border: 1px solid var(--ok); color: var(--ok); font-size: 12px; font-weight: 600; box-shadow: 0 2px 8px rgba(0,0,0,.12); }
.chipbar { display: inline-flex; align-items: center; gap: 4px; }
.chipbar button { height: 28px; border-radius: 999px; background: var(--bg); border-color: var(--tone); color: var(--tone);
  box-shadow: 0 2px 8px rgba(0,0,0,.15); padding: 0 12px; font-weight: 600; }
.chipbar .move { padding: 0 9px; font-weight: 400; }
`;
const MAIL_STYLE = `
.warning { margin: 8px 0; padding: 8px 10px; border-radius: 8px; background: var(--alert-bg); border: 1px solid var(--avoid); }
.warning strong { color: var(--avoid); }
.templates button { display: block; width: 100%; text-align: left; margin: 4px 0; }
`;

const CATEGORY_WORDS: Record<string, string> = {
  'self-harm': 'self-harm or suicide',
  abuse: 'abuse',
  diagnosis: 'a diagnosis',
  medication: 'medication',
  'substance-use': 'substance use',
  'clinical-record': 'clinical records',
};

/** The `open` attribute, or nothing: a constant, since a value outside quotes could name any attribute. */
const openIf = (open: boolean) => (open ? new Markup(' open') : undefined);

const list = (items: readonly string[]) => html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>`;

function sensitiveSection(model: BannerModel, warning: SensitiveWarning): Markup {
  const topics = warning.categories.map((c) => CATEGORY_WORDS[c] ?? c).join(', ');
  const why =
    warning.reason === 'unknown-recipients'
      ? `${model.platformName} encrypts end to end only to its own addresses; add the recipients to check.`
      : `${model.platformName} can read this message on its way.`;
  const safer = model.mail?.secureAlternatives ?? [];
  const advice = safer.length > 0 ? `Consider a secure channel (${safer.join(', ')}) or keep the detail for the session.` : 'Consider a secure channel, or keep the detail for the session.';
  return html`<div class="warning" role="alert" data-testid="sensitive-warning"><strong>This draft looks like clinical detail</strong><p>It mentions ${topics}. ${why}</p><p>${advice}</p></div>`;
}

function templatesSection(model: BannerModel, handlers: BannerHandlers, opened: ReadonlySet<string>): Markup | undefined {
  const templates = model.mail?.templates ?? [];
  if (templates.length === 0 || !handlers.onTemplate) return undefined;
  const buttons = templates.map((t) => html`<button type="button" data-template="${t.id}" data-testid="template-${t.id}">${t.title}</button>`);
  return html`<details class="templates" data-section="templates"${openIf(opened.has('templates'))}><summary>Contract replies</summary>${buttons}<p class="note" role="status" data-template-status></p></details>`;
}

const MOVE = html`<button type="button" class="move" data-action="move" data-testid="banner-move" aria-label="Move to another corner" title="Move to another corner">⤡</button>`;

function bannerMarkup(model: BannerModel, handlers: BannerHandlers, warning: SensitiveWarning | undefined, opened: ReadonlySet<string>, expanded: boolean): Markup {
  const templates = templatesSection(model, handlers, opened);
  // A draft with clinical detail always gets the whole card: the warning must not hide in a chip.
  const card = model.verdict !== 'ok' && (expanded || warning !== undefined);
  const style = BASE_STYLE + (card ? CARD_STYLE : MARK_STYLE) + (warning || templates ? MAIL_STYLE : '');
  // Our own constant stylesheet, never data: put in as it is (escaping would break its quotes,
  // which a <style> element does not decode).
  const styleTag = new Markup(`<style>${style}</style>`);

  if (model.verdict === 'ok') {
    // A provider that is end to end only between its own users says so on the mark itself.
    const ownOnly = model.mail?.e2ee === 'between-own-users' ? ` · end to end only to ${model.platformName} addresses` : '';
    const mark = html`<div class="mark" role="note" title="${HEADLINE.ok}. ${model.summary}">✓ Anteroom: ${model.platformName}${ownOnly}</div>`;
    if (!warning && !templates) return html`${styleTag}${mark}`;
    return html`${styleTag}<section class="compact" aria-label="Anteroom">${mark}${warning && sensitiveSection(model, warning)}${templates}</section>`;
  }

  if (!card) {
    // After the first visit: the verdict word and the platform's name; pressing it opens the card.
    const chip = html`<div class="chipbar ${model.verdict}"><button type="button" class="chip" data-action="expand" data-testid="banner-chip" aria-expanded="false" title="${HEADLINE[model.verdict]}: show why">${CHIP_MARK[model.verdict]} ${CHIP_WORD[model.verdict]} · ${model.platformName}</button>${MOVE}</div>`;
    return html`${styleTag}<section class="compact" aria-label="Anteroom platform check">${chip}${templates}</section>`;
  }

  const hours = `${model.dismissHours} ${model.dismissHours === 1 ? 'hour' : 'hours'}`;
  // Sources are https by the catalogue's schema; anything else is left out rather than linked.
  const sources = model.sourceUrl?.startsWith('https://')
    ? html`<p class="note"><a href="${model.sourceUrl}" target="_blank" rel="noopener noreferrer">Sources for these facts</a>${model.hasUnverifiedFacts && ' · some facts are not yet confirmed by a source.'}</p>`
    : undefined;
  // "Avoid" cannot be hidden, only made small; "use with care" can be hidden for a while.
  const dismiss =
    model.verdict === 'caution' &&
    html`<button type="button" data-action="dismiss" data-testid="banner-dismiss" title="Hide this warning about ${model.platformName}; the toolbar badge keeps showing it.">Hide for ${hours}</button>`;
  // An "avoid" verdict is announced once by screen readers; "caution" politely.
  return html`${styleTag}<section class="card ${model.verdict}" tabindex="-1" aria-label="Anteroom platform check" role="${model.verdict === 'avoid' ? 'alert' : 'status'}">
<h2>${HEADLINE[model.verdict]}: <span class="platform">${model.platformName}</span></h2>
<p>${model.summary}</p>
${model.reasons.length > 0 && list(model.reasons.slice(0, 3))}
${model.saferSettings.length > 0 && html`<details data-section="settings"${openIf(opened.has('settings'))}><summary>If you must use it: safer settings</summary>${list(model.saferSettings)}</details>`}
${model.incidents.length > 0 && html`<details data-section="incidents"${openIf(opened.has('incidents'))}><summary>Problems found by reviewers or regulators</summary>${list(model.incidents)}</details>`}
${model.alternatives.length > 0 && html`<p>Safer choices: ${model.alternatives.join(', ')}.</p>`}
${sources}
${warning && sensitiveSection(model, warning)}
${templates}
<div class="actions">${MOVE}${!warning && html`<button type="button" data-action="collapse" data-testid="banner-collapse">Make small</button>`}${dismiss}</div>
</section>`;
}

/** The handlers of each root's latest drawing, for the root's one pair of listeners. */
const current = new WeakMap<ShadowRoot, BannerHandlers>();

function listenOnce(root: ShadowRoot): void {
  const buttonOf = (event: Event) => (event.target instanceof Element ? event.target.closest('button') : null);
  // Keep the caret in the message being written: a mousedown on a reply would take focus away.
  root.addEventListener('mousedown', (event) => {
    if (buttonOf(event)?.hasAttribute('data-template')) event.preventDefault();
  });
  root.addEventListener('click', (event) => {
    const button = buttonOf(event);
    const handlers = current.get(root);
    if (!button || !handlers) return;
    const action = button.getAttribute('data-action');
    if (action === 'dismiss') return handlers.onDismiss();
    if (action === 'expand') return handlers.onExpand?.();
    if (action === 'collapse') return handlers.onCollapse?.();
    if (action === 'move') return handlers.onMove?.();
    const id = button.getAttribute('data-template');
    if (id === null) return;
    const status = root.querySelector('[data-template-status]');
    const inserted = handlers.onTemplate?.(id) ?? false;
    if (status) status.textContent = inserted ? '' : 'Click into the message you are writing first, then choose the reply.';
  });
}

/**
 * Replaces the shadow root's content with the banner for `model`: the card when `expanded`, else
 * the chip (an "ok" verdict always gets its small mark). Sections the therapist opened stay open: a warning that appears while they pick a reply must not fold the list away.
 */
export function renderBanner(root: ShadowRoot, model: BannerModel, handlers: BannerHandlers, warning?: SensitiveWarning, expanded = true): void {
  if (!current.has(root)) listenOnce(root);
  current.set(root, handlers);
  // The first drawing (every page load) has nothing open to keep, and skips the lookup.
  const opened = new Set<string>();
  if (root.firstChild) {
    for (const details of root.querySelectorAll('details[open][data-section]')) opened.add(details.getAttribute('data-section') ?? '');
  }
  root.innerHTML = bannerMarkup(model, handlers, warning, opened, expanded).value;
}
