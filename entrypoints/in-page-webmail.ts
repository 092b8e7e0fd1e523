import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { attachBanner } from '@/lib/in-page/banner/attach-banner';
import { watchCompose } from '@/lib/in-page/webmail/compose-watch';
import { createPageContext } from '@/lib/in-page/page-context';
import type { SensitiveWarning } from '@/lib/in-page/banner/banner-view';
import { compileTerms, type SensitiveMatcher } from '@/lib/in-page/webmail/sensitive-terms';
import { draftEncryption } from '@/lib/in-page/webmail/recipients';
import englishTerms from '@/rules/sensitive-terms/en.json';

const KINDS = ['webmail'] as const;

// Runs on every webmail host in the catalogue (the manifest entry is built from rules/, see
// lib/in-page/scripts.ts) and on the custom webmail platforms the therapist added:
// the provider banner, the contract replies, and the check for clinical detail in a draft
// the provider could read. The draft is read only to check it and is never stored or sent.
export default defineUnlistedScript({
  // No global variable left behind in the page's window.
  globalName: false,
  main() {
    const ctx = createPageContext();
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
  },
});
