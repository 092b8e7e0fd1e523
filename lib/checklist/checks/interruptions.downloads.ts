import { pauseDownloads, readDownloads, requestDownloadsPermission, watchDownloads } from '../probes';
import { allFormats, measured } from '../types';
import { count } from '../words';

export type DownloadsInput =
  /** The optional "downloads" permission has not been given (it is asked for by a click). */
  | { permitted: false }
  | { permitted: true; inProgress: number };

export default measured({
  id: 'interruptions.downloads',
  title: 'Downloads in progress',
  why: 'A download shares your connection with the call and can make it stutter.',
  whenNotMet: 'Pause downloads until after the session.',
  source: 'research §6.5 (clearviewmentality: nobody else online during the visit), §7 (household bandwidth)',
  formats: allFormats,
  probe: () => readDownloads().catch((): DownloadsInput => ({ permitted: false })),
  watch: (_ctx, rerun) => watchDownloads(rerun),
  actions: {
    // The permission prompt needs the click's gesture, so the request is the first thing done.
    'check-downloads': () => requestDownloadsPermission(),
    'pause-downloads': () => pauseDownloads(),
  },
  evaluate(input: DownloadsInput) {
    if (!input.permitted) {
      return {
        status: 'unknown',
        detail: 'Not checked: Anteroom needs your permission to see downloads.',
        action: {
          id: 'check-downloads',
          label: 'Check downloads',
          explain: 'Your browser will ask you to let Anteroom see and pause downloads. You can take this back in the browser’s extension settings.',
        },
      };
    }
    if (input.inProgress === 0) return { status: 'pass', detail: 'No downloads in progress.' };
    return {
      status: 'warn',
      detail: `${count(input.inProgress, 'download is', 'downloads are')} in progress.`,
      action: { id: 'pause-downloads', label: input.inProgress === 1 ? 'Pause it' : 'Pause them' },
    };
  },
});
