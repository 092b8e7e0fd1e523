import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createPageContext } from '@/lib/in-page/page-context';
import { attachWebmail } from '@/lib/in-page/webmail/attach-webmail';

// Runs on every webmail host in the catalogue (the manifest entry is built from rules/, see
// lib/in-page/scripts.ts) and on the custom webmail platforms the therapist added.
export default defineUnlistedScript({
  // No global variable left behind in the page's window.
  globalName: false,
  main() {
    attachWebmail(createPageContext());
  },
});
