import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { attachBanner } from '@/lib/in-page/banner/attach-banner';
import { attachCallWatch } from '@/lib/in-page/call/attach-call-watch';
import { createPageContext } from '@/lib/in-page/page-context';
import { offerProbePort } from '@/lib/in-page/probe/probe-channel';

const KINDS = ['video', 'messaging', 'public-broadcast'] as const;

// Runs on every video-call, messaging and public-broadcast host in the catalogue (the manifest
// entry is built from rules/ by wxt.config.ts, see lib/in-page/scripts.ts) and on the custom
// video platforms the therapist added.
export default defineUnlistedScript({
  // No global variable left behind in the page's window.
  globalName: false,
  main() {
    // At document_start, before any of the page's scripts, and before or after the call probe:
    // the probe's private line (lib/in-page/probe/probe-channel.ts). Never connected where no probe runs.
    const line = offerProbePort();
    // The rest waits for the document, as a document_idle script would: the banner goes into a
    // parsed page.
    const start = () => {
      const ctx = createPageContext();
      // The in-call companion (quality, clock, screen-share guard), attached only where the
      // background recognises a video or messaging platform (not a whole host such as facebook.com).
      let watchingCalls = false;
      attachBanner(ctx, KINDS, {
        onModel: (model) => {
          if (watchingCalls || !line.connected || !model || (model.kind !== 'video' && model.kind !== 'messaging')) return;
          watchingCalls = true;
          attachCallWatch(ctx, line);
        },
      });
    };
    // On window, in the capture phase, registered before any page script: no listener of the
    // page's can stop this one from hearing the event.
    if (document.readyState === 'loading') window.addEventListener('DOMContentLoaded', start, { once: true, capture: true });
    else start();
  },
});
