import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { attachBanner } from '@/components/in-page/attach-banner';
import { attachCallWatch } from '@/components/in-page/attach-call-watch';
import { createPageContext } from '@/components/in-page/page-context';

const KINDS = ['video', 'messaging', 'public-broadcast'] as const;

// Runs on every video-call, messaging and public-broadcast host in the catalogue (the manifest
// entry is built from rules/ by wxt.config.ts, see lib/in-page/scripts.ts) and on the custom
// video platforms the therapist added.
export default defineUnlistedScript({
  // No global variable left behind in the page's window.
  globalName: false,
  main() {
    const ctx = createPageContext();
    // The in-call companion (quality, clock, screen-share guard), attached only where the
    // background recognises a video or messaging platform (not a whole host such as facebook.com).
    let watchingCalls = false;
    attachBanner(ctx, KINDS, {
      onModel: (model) => {
        if (watchingCalls || !model || (model.kind !== 'video' && model.kind !== 'messaging')) return;
        watchingCalls = true;
        attachCallWatch(ctx);
      },
    });
  },
});
