import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { offerProbePort, PROBE_LINE_KEY } from '@/lib/call/probe-channel';

/**
 * The isolated end of the call probe's private line (lib/call/probe-channel.ts says how it
 * works), at document_start right after the probe. It leaves the line on the isolated world's
 * global for the in-call companion (components/in-page/attach-call-watch.ts).
 */
export default defineUnlistedScript({
  globalName: false,
  // Declared in the manifest at document_start, after the probe: lib/in-page/scripts.ts.
  main() {
    const line = offerProbePort();
    if (line) (globalThis as Record<symbol, unknown>)[PROBE_LINE_KEY] = line;
  },
});
