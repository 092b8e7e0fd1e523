import { attachBanner } from '../banner/attach-banner';
import type { SensitiveWarning } from '../banner/banner-view';
import type { PageContext } from '../page-context';
import { watchCompose } from './compose-watch';
import { draftEncryption } from './recipients';
import { compileTerms, type SensitiveMatcher } from './sensitive-terms';
import englishTerms from '@/rules/sensitive-terms/en.json';

const KINDS = ['webmail'] as const;

/**
 * On a webmail page: the provider banner, the contract replies, and the check for clinical
 * detail in a draft the provider could read. The draft is read only to check it and is never
 * stored or sent.
 */
export function attachWebmail(ctx: PageContext): void {
  // Compiled at the first draft check, not on every page load of the host.
  let terms: SensitiveMatcher | undefined;
  let draft: { categories: string[]; recipients: string[] } = { categories: [], recipients: [] };

  let compose: ReturnType<typeof watchCompose> | undefined;
  const banner = attachBanner(ctx, KINDS, {
    // Drafts are read only on pages the background recognised as webmail (on icloud.com,
    // Mail, not Notes or Pages).
    onModel: (model) => {
      if (model && !compose) compose = watchCompose(onDraft);
      if (!model && compose) {
        compose.stop();
        compose = undefined;
      }
    },
    onTemplate: (model, id) => {
      const template = model.mail?.templates.find((t) => t.id === id);
      return template && compose ? compose.insert(template.text) : false;
    },
    warning: (model): SensitiveWarning | undefined => {
      if (draft.categories.length === 0) return undefined;
      const encryption = draftEncryption(model.mail?.e2ee, draft.recipients, model.mail?.ownDomains);
      return encryption === 'end-to-end' ? undefined : { categories: draft.categories, reason: encryption };
    },
  });

  function onDraft({ text, recipients }: { text: string; recipients: string[] }) {
    terms ??= compileTerms(englishTerms);
    const next = { categories: terms.categoriesIn(text), recipients };
    if (next.categories.join() === draft.categories.join() && next.recipients.join() === draft.recipients.join()) return;
    draft = next;
    banner.rerender();
  }
  ctx.onInvalidated(() => compose?.stop());
}
