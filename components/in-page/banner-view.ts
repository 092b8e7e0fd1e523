import type { BannerModel, VerdictLevel } from '@/lib/rules/banner-model';
import { html, Markup } from './html';

/** Shown when a draft holds clinical detail and the provider can read it. */
export interface SensitiveWarning {
  categories: string[];
  reason: 'provider-can-read' | 'unknown-recipients';
}

export interface BannerHandlers {
  onDismiss: () => void;
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
const HEADLINE: Record<VerdictLevel, string> = {
  avoid: 'Avoid for clinical work',
  caution: 'Use with care for clinical work',
  ok: 'Suitable for clinical work',
};

// The stylesheet in parts, so a page load parses only the rules for what it draws.
const BASE_STYLE = `
:host { all: initial; position: fixed; top: 12px; right: 12px; z-index: 2147483647; display: block;
  font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1d232a; }
:host([data-verdict=ok]) { top: auto; right: auto; bottom: 12px; left: 12px; }
p { margin: 6px 0; }
details { margin: 6px 0; }
summary { cursor: pointer; font-weight: 600; }
a { color: #234e70; }
.note { font-size: 12px; color: #4d5966; }
button { font: inherit; font-size: 13px; padding: 4px 10px; border-radius: 6px; border: 1px solid #8894a0; background: #f4f6f8;
  color: #1d232a; cursor: pointer; }
button:focus-visible, a:focus-visible, summary:focus-visible { outline: 3px solid #234e70; outline-offset: 2px; }
`;
const CARD_STYLE = `
.card { box-sizing: border-box; width: 360px; max-width: calc(100vw - 24px); max-height: calc(100vh - 24px); overflow: auto;
  background: #ffffff; border: 1px solid #c9ced4; border-left: 6px solid var(--tone); border-radius: 10px;
  box-shadow: 0 6px 24px rgba(0,0,0,.18); padding: 12px 14px; }
.avoid { --tone: #a11d1d; } .caution { --tone: #8a5a00; }
h2 { all: unset; display: block; font-size: 15px; font-weight: 700; margin: 0 0 4px; color: var(--tone); }
.platform { font-weight: 600; color: #1d232a; }
ul { margin: 4px 0 6px; padding-left: 18px; }
li { margin: 2px 0; }
.actions { display: flex; justify-content: flex-end; margin-top: 8px; }
`;
const MARK_STYLE = `
.compact { display: flex; flex-direction: column; align-items: flex-start; gap: 6px; max-width: 340px; }
.compact .warning, .compact .templates { box-sizing: border-box; width: 340px; max-width: calc(100vw - 24px); background: #ffffff;
  padding: 8px 10px; border-radius: 8px; border: 1px solid #c9ced4; }
.compact .warning { background: #fff4f4; border-color: #a11d1d; }
.mark { display: inline-flex; align-items: center; gap: 6px; padding: 4px 10px; border-radius: 999px; background: #ffffff;
  border: 1px solid #1f6f43; color: #1f6f43; font-size: 12px; font-weight: 600; box-shadow: 0 2px 8px rgba(0,0,0,.12); }
`;
const MAIL_STYLE = `
.warning { margin: 8px 0; padding: 8px 10px; border-radius: 8px; background: #fff4f4; border: 1px solid #a11d1d; }
.warning strong { color: #a11d1d; }
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

function bannerMarkup(model: BannerModel, handlers: BannerHandlers, warning: SensitiveWarning | undefined, opened: ReadonlySet<string>): Markup {
  const templates = templatesSection(model, handlers, opened);
  const style = BASE_STYLE + (model.verdict === 'ok' ? MARK_STYLE : CARD_STYLE) + (warning || templates ? MAIL_STYLE : '');
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

  const hours = `${model.dismissHours} ${model.dismissHours === 1 ? 'hour' : 'hours'}`;
  // Sources are https by the catalogue's schema; anything else is left out rather than linked.
  const sources = model.sourceUrl?.startsWith('https://')
    ? html`<p class="note"><a href="${model.sourceUrl}" target="_blank" rel="noopener noreferrer">Sources for these facts</a>${model.hasUnverifiedFacts && ' · some facts are not yet confirmed by a source.'}</p>`
    : undefined;
  // An "avoid" verdict is announced once by screen readers; "caution" politely.
  return html`${styleTag}<section class="card ${model.verdict}" aria-label="Anteroom platform check" role="${model.verdict === 'avoid' ? 'alert' : 'status'}">
<h2>${HEADLINE[model.verdict]}: <span class="platform">${model.platformName}</span></h2>
<p>${model.summary}</p>
${model.reasons.length > 0 && list(model.reasons.slice(0, 3))}
${model.saferSettings.length > 0 && html`<details data-section="settings"${openIf(opened.has('settings'))}><summary>If you must use it: safer settings</summary>${list(model.saferSettings)}</details>`}
${model.incidents.length > 0 && html`<details data-section="incidents"${openIf(opened.has('incidents'))}><summary>Problems found by reviewers or regulators</summary>${list(model.incidents)}</details>`}
${model.alternatives.length > 0 && html`<p>Safer choices: ${model.alternatives.join(', ')}.</p>`}
${sources}
${warning && sensitiveSection(model, warning)}
${templates}
<div class="actions"><button type="button" data-action="dismiss" data-testid="banner-dismiss" title="Hide this warning about ${model.platformName}; the toolbar badge keeps showing it.">Hide for ${hours}</button></div>
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
    if (button.getAttribute('data-action') === 'dismiss') return handlers.onDismiss();
    const id = button.getAttribute('data-template');
    if (id === null) return;
    const status = root.querySelector('[data-template-status]');
    const inserted = handlers.onTemplate?.(id) ?? false;
    if (status) status.textContent = inserted ? '' : 'Click into the message you are writing first, then choose the reply.';
  });
}

/**
 * Replaces the shadow root's content with the banner for `model`. Sections the therapist opened
 * stay open: a warning that appears while they pick a reply must not fold the list away.
 */
export function renderBanner(root: ShadowRoot, model: BannerModel, handlers: BannerHandlers, warning?: SensitiveWarning): void {
  if (!current.has(root)) listenOnce(root);
  current.set(root, handlers);
  // The first drawing (every page load) has nothing open to keep, and skips the lookup.
  const opened = new Set<string>();
  if (root.firstChild) {
    for (const details of root.querySelectorAll('details[open][data-section]')) opened.add(details.getAttribute('data-section') ?? '');
  }
  root.innerHTML = bannerMarkup(model, handlers, warning, opened).value;
}
