import { defineContentScript } from 'wxt/utils/define-content-script';
import { attachBanner } from '@/components/in-page/attach-banner';

const KINDS = ['webmail'] as const;

// Attached to every webmail host in the catalogue (derived from rules/ at build time): the
// provider banner now; contract templates and the sensitive-content check come with issue 8.
export default defineContentScript({
  // Replaced at build time by the catalogue's hosts (wxt.config.ts, CONTENT_SCRIPT_KINDS).
  matches: ['https://webmail-platforms.anteroom.invalid/*'],
  runAt: 'document_idle',
  main(ctx) {
    attachBanner(ctx, KINDS);
  },
});
