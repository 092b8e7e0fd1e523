/**
 * What to tell the therapist when the camera or microphone cannot start, by the error the
 * browser gives (getUserMedia's DOMException names) and by browser, because Chrome and Firefox
 * put the permission controls in different places. Doxy.me re-prompts with browser-specific
 * steps too (shared/research/platforms-and-checklists.md §4.1).
 */

export type BrowserFamily = 'chrome' | 'firefox';

export interface MediaHelp {
  /** One sentence: what happened. */
  title: string;
  /** What to do, in order. */
  steps: string[];
}

const SYSTEM_STEP =
  'Still blocked? Your computer may block the browser itself: on a Mac, open System Settings → Privacy & Security → Camera (and Microphone) and turn on your browser; on Windows, open Settings → Privacy & security → Camera (and Microphone).';

const DENIED_STEPS: Record<BrowserFamily, string[]> = {
  chrome: [
    'Click the camera icon with a red cross at the right end of the address bar (or the icon at its left end).',
    'Choose to always allow Anteroom to use your camera and microphone, then click Done.',
    'Reload this page and press “Start camera and microphone” again.',
    SYSTEM_STEP,
  ],
  firefox: [
    'Click the crossed-out camera or microphone icon at the left end of the address bar.',
    'Click the ✕ next to “Blocked temporarily” (or “Blocked”) to clear the block.',
    'Reload this page, press “Start camera and microphone” again, and choose Allow when Firefox asks.',
    SYSTEM_STEP,
  ],
};

export function mediaErrorHelp(errorName: string, browser: BrowserFamily): MediaHelp {
  switch (errorName) {
    case 'NotAllowedError':
    case 'SecurityError':
      return { title: 'Anteroom is not allowed to use your camera and microphone.', steps: DENIED_STEPS[browser] };
    case 'NotFoundError':
    case 'OverconstrainedError':
      return {
        title: 'No camera or microphone was found.',
        steps: [
          'Check that the camera and microphone (or headset) are plugged in and switched on.',
          'If you chose a device below, choose another one, or reload the page to use the default.',
        ],
      };
    case 'NotReadableError':
    case 'AbortError':
      return {
        title: 'Your camera or microphone is busy or could not start.',
        steps: [
          'Close other apps or tabs that may be using it (a video call, Zoom, Teams, FaceTime), then press Start again.',
          'If that does not help, unplug the device and plug it back in, or restart the browser.',
        ],
      };
    default:
      return {
        title: 'The camera and microphone could not start.',
        steps: ['Reload this page and press Start again.', 'If it keeps failing, restart the browser.'],
      };
  }
}
