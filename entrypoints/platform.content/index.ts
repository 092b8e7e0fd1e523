import { defineContentScript } from 'wxt/utils/define-content-script';
import { attachBanner } from '@/components/in-page/attach-banner';
import { attachCallWatch } from '@/components/in-page/attach-call-watch';

const KINDS = ['video', 'messaging', 'public-broadcast'] as const;

// Attached to every video-call, messaging and public-broadcast host in the catalogue; the list
// is derived from rules/ at build time, never kept by hand.
export default defineContentScript({
  // Replaced at build time by the catalogue's hosts (wxt.config.ts, CONTENT_SCRIPT_KINDS).
  matches: ['https://video-platforms.anteroom.invalid/*'],
  runAt: 'document_idle',
  main(ctx) {
    // The in-call companion (quality, clock, screen-share guard), switched on only where the
    // background recognises a video or messaging platform (not a whole host such as facebook.com).
    const calls = attachCallWatch(ctx);
    attachBanner(ctx, KINDS, {
      onModel: (model) => {
        if (model && (model.kind === 'video' || model.kind === 'messaging')) calls.activate();
      },
    });
  },
});
