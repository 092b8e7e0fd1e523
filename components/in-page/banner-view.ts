import type { BannerModel, VerdictLevel } from '@/lib/rules/banner-model';

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
 * The in-page banner, drawn with plain DOM in an open shadow root on the host page. Plain DOM
 * (not Preact) keeps content scripts small; px units because rem would follow the host page's
 * root font size. Only platform facts are ever rendered here: the host page can read it.
 *
 * Drawn on every load of a catalogue host, so it touches as few kinds of DOM object as it can:
 * each kind (a DOMStringMap for `dataset`, a NodeList) is set up afresh in every page's script
 * world on first use, and that shows in the page's script time (npm run bench). Hence
 * setAttribute instead of dataset, and no lookups or fragment on the first drawing.
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
.note { font-size: 12px; color: #4d5966; }
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

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function list(items: readonly string[]): HTMLUListElement {
  const ul = el('ul');
  for (const item of items) ul.append(el('li', item));
  return ul;
}

const CATEGORY_WORDS: Record<string, string> = {
  'self-harm': 'self-harm or suicide',
  abuse: 'abuse',
  diagnosis: 'a diagnosis',
  medication: 'medication',
  'substance-use': 'substance use',
  'clinical-record': 'clinical records',
};

function sensitiveSection(model: BannerModel, warning: SensitiveWarning): HTMLElement {
  const box = el('div', undefined, 'warning');
  box.setAttribute('role', 'alert');
  box.setAttribute('data-testid', 'sensitive-warning');
  const topics = warning.categories.map((c) => CATEGORY_WORDS[c] ?? c).join(', ');
  box.append(el('strong', 'This draft looks like clinical detail'));
  const why =
    warning.reason === 'unknown-recipients'
      ? `${model.platformName} encrypts end to end only to its own addresses; add the recipients to check.`
      : `${model.platformName} can read this message on its way.`;
  box.append(el('p', `It mentions ${topics}. ${why}`));
  const safer = model.mail?.secureAlternatives ?? [];
  box.append(
    el('p', safer.length > 0 ? `Consider a secure channel (${safer.join(', ')}) or keep the detail for the session.` : 'Consider a secure channel, or keep the detail for the session.'),
  );
  return box;
}

function templatesSection(model: BannerModel, handlers: BannerHandlers): HTMLElement | undefined {
  const templates = model.mail?.templates ?? [];
  if (templates.length === 0 || !handlers.onTemplate) return undefined;
  const details = el('details', undefined, 'templates');
  details.setAttribute('data-section', 'templates');
  details.append(el('summary', 'Contract replies'));
  const status = el('p', '', 'note');
  status.setAttribute('role', 'status');
  for (const template of templates) {
    const button = el('button', template.title);
    button.type = 'button';
    button.setAttribute('data-testid', `template-${template.id}`);
    // Keep the caret in the message being written: a mousedown here would take focus away.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => {
      status.textContent = handlers.onTemplate?.(template.id) ? '' : 'Click into the message you are writing first, then choose the reply.';
    });
    details.append(button);
  }
  details.append(status);
  return details;
}

/**
 * Replaces the shadow root's content with the banner for `model`. Sections the therapist opened
 * stay open: a warning that appears while they pick a reply must not fold the list away.
 */
export function renderBanner(root: ShadowRoot, model: BannerModel, handlers: BannerHandlers, warning?: SensitiveWarning): void {
  // The first drawing (every page load) goes straight into the empty root, still outside the
  // page, with nothing to keep open.
  if (!root.firstChild) return drawBanner(root, model, handlers, warning);
  const opened = new Set([...root.querySelectorAll('details[open][data-section]')].map((d) => d.getAttribute('data-section')));
  // A redraw is built apart from the page, then put in at once: one insertion into the live
  // document instead of one per element.
  const banner = document.createDocumentFragment();
  drawBanner(banner, model, handlers, warning);
  for (const details of banner.querySelectorAll<HTMLDetailsElement>('details[data-section]')) {
    if (opened.has(details.getAttribute('data-section'))) details.open = true;
  }
  root.replaceChildren(banner);
}

function drawBanner(root: DocumentFragment | ShadowRoot, model: BannerModel, handlers: BannerHandlers, warning?: SensitiveWarning): void {
  const { onDismiss } = handlers;
  const mail = warning !== undefined || (handlers.onTemplate !== undefined && (model.mail?.templates.length ?? 0) > 0);
  root.append(el('style', BASE_STYLE + (model.verdict === 'ok' ? MARK_STYLE : CARD_STYLE) + (mail ? MAIL_STYLE : '')));

  if (model.verdict === 'ok') {
    // A provider that is end to end only between its own users says so on the mark itself.
    const ownOnly = model.mail?.e2ee === 'between-own-users' ? ` · end to end only to ${model.platformName} addresses` : '';
    const mark = el('div', `✓ Anteroom: ${model.platformName}${ownOnly}`, 'mark');
    mark.setAttribute('role', 'note');
    mark.title = `${HEADLINE.ok}. ${model.summary}`;
    const templates = templatesSection(model, handlers);
    if (!warning && !templates) {
      root.append(mark);
      return;
    }
    const compact = el('section', undefined, 'compact');
    compact.setAttribute('aria-label', 'Anteroom');
    compact.append(mark);
    if (warning) compact.append(sensitiveSection(model, warning));
    if (templates) compact.append(templates);
    root.append(compact);
    return;
  }

  const card = el('section', undefined, `card ${model.verdict}`);
  card.setAttribute('aria-label', 'Anteroom platform check');
  // An "avoid" verdict is announced once by screen readers; "caution" politely.
  card.setAttribute('role', model.verdict === 'avoid' ? 'alert' : 'status');

  const heading = el('h2', `${HEADLINE[model.verdict]}: `);
  heading.append(el('span', model.platformName, 'platform'));
  card.append(heading, el('p', model.summary));
  if (model.reasons.length > 0) card.append(list(model.reasons.slice(0, 3)));

  if (model.saferSettings.length > 0) {
    const settings = el('details');
    settings.setAttribute('data-section', 'settings');
    settings.append(el('summary', 'If you must use it: safer settings'));
    // Filled when first opened: most visits never open it, and every element costs the page.
    const fill = () => {
      if (settings.open && settings.childElementCount === 1) settings.append(list(model.saferSettings));
    };
    settings.addEventListener('toggle', fill);
    card.append(settings);
  }
  if (model.alternatives.length > 0) card.append(el('p', `Safer choices: ${model.alternatives.join(', ')}.`));
  if (model.sourceUrl) {
    const p = el('p', undefined, 'note');
    const link = el('a', 'Sources for these facts');
    link.href = model.sourceUrl;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    p.append(link);
    if (model.hasUnverifiedFacts) p.append(' · some facts are not yet confirmed by a source.');
    card.append(p);
  }

  if (warning) card.append(sensitiveSection(model, warning));
  const templates = templatesSection(model, handlers);
  if (templates) card.append(templates);

  const actions = el('div', undefined, 'actions');
  const dismiss = el('button', `Hide for ${model.dismissHours} ${model.dismissHours === 1 ? 'hour' : 'hours'}`);
  dismiss.type = 'button';
  dismiss.setAttribute('data-testid', 'banner-dismiss');
  // The visible text is the accessible name (WCAG 2.5.3); the card's label says what it hides.
  dismiss.title = `Hide this warning about ${model.platformName}; the toolbar badge keeps showing it.`;
  dismiss.addEventListener('click', onDismiss);
  actions.append(dismiss);
  card.append(actions);
  root.append(card);
}
