import { defineContentScript } from 'wxt/utils/define-content-script';
import { platforms } from '@/rules/index';
import { matchPatternsFor } from '@/lib/rules/match-patterns';
import { platformForUrl } from '@/lib/rules/match';

// Attached to every video-call, messaging and public-broadcast host in the catalogue; the
// list is derived from rules/ at build time, never kept by hand.
export default defineContentScript({
  matches: matchPatternsFor(platforms, ['video', 'messaging', 'public-broadcast']),
  runAt: 'document_idle',
  main(ctx) {
    const show = () => {
      const platform = platformForUrl(location.href, platforms);
      let host = document.querySelector('anteroom-banner');
      if (!platform) {
        host?.remove();
        return;
      }
      if (!host) {
        host = document.createElement('anteroom-banner');
        host.attachShadow({ mode: 'open' });
        document.documentElement.append(host);
      }
      host.setAttribute('data-platform', platform.id);
    };
    show();
    ctx.addEventListener(window, 'wxt:locationchange', show);
  },
});
