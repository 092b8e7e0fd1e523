import type { PlatformKind } from '@/lib/rules/schema';

/**
 * The scripts Anteroom runs in host pages, in one table: the manifest (wxt.config.ts, from the
 * catalogue's hosts), the custom platforms' dynamic registrations (lib/background/custom-scripts.ts),
 * the meta-test and the benchmark all read it.
 *
 * They are WXT *unlisted* scripts, not WXT content scripts: WXT's content-script wrapper cost
 * more page script time than the whole budget, and it announces itself to the host page
 * (lib/in-page/page-context.ts says more). The build adds them to the manifest itself.
 */
export interface InPageScript {
  /** The built file, at the root of the extension. */
  file: string;
  /** Which catalogue platforms the manifest attaches it to. */
  kinds: PlatformKind[];
  runAt: 'document_start' | 'document_idle';
  world: 'ISOLATED' | 'MAIN';
  /** The id of its dynamic registration on the therapist's custom platforms of this kind. */
  custom: { kind: 'video' | 'webmail'; id: string };
}

export const IN_PAGE_SCRIPTS = {
  // The probe and the platform script find each other in either order (lib/in-page/probe/probe-channel.ts):
  // the manifest keeps this order, the custom platforms' one registration promises none.
  callProbe: {
    file: 'in-page-call-probe.js',
    kinds: ['video', 'messaging'],
    runAt: 'document_start',
    world: 'MAIN',
    custom: { kind: 'video', id: 'anteroom-custom-call-probe' },
  },
  // At document_start for the probe's port only; the banner waits for the document (entrypoints/in-page-platform.ts).
  platform: {
    file: 'in-page-platform.js',
    kinds: ['video', 'messaging', 'public-broadcast'],
    runAt: 'document_start',
    world: 'ISOLATED',
    custom: { kind: 'video', id: 'anteroom-custom-video' },
  },
  webmail: {
    file: 'in-page-webmail.js',
    kinds: ['webmail'],
    runAt: 'document_idle',
    world: 'ISOLATED',
    custom: { kind: 'webmail', id: 'anteroom-custom-webmail' },
  },
} as const satisfies Record<string, InPageScript>;
