import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installCallProbe } from '@/lib/in-page/probe/install';

// The call probe, in the page's own world (lib/in-page/probe/install.ts says what it does).
export default defineUnlistedScript({
  // This runs in the page's own world: a global variable here would be the page's to see (and
  // could overwrite one of the page's own).
  globalName: false,
  // Declared in the manifest at document_start, in the MAIN world: lib/in-page/scripts.ts.
  main() {
    installCallProbe();
  },
});
