import { measured } from '../types';
import { localDay } from '../words';
import { PREFLIGHT_RESULT_KEY, readPreflightResult } from '@/lib/preflight/result';
import { openOwnPage, readPreflight, watchLocalKey } from '../probes';

export interface LightingInput {
  now: Date;
  /** storage.local 'preflightResult', unread. */
  stored: unknown;
}

const runCheck = { id: 'open-preflight', label: 'Check camera and lighting', explain: 'Opens a full-page check in a new tab. The picture stays on your computer.' } as const;

export default measured({
  id: 'room.lighting',
  title: 'Camera and lighting',
  why: 'Your client reads your face; a window behind you puts it in shadow.',
  whenNotMet: 'Face a window or a lamp rather than sitting with one behind you, and put the camera at eye level.',
  source: 'research §6.1 (APA set-up: room well lit, window in front), §6.5 (SimplePractice: light in front of face, avoid backlight)',
  formats: ['video'],
  // Today's preflight result, also when it lands while the popup is open.
  async probe() {
    const stored = await readPreflight().catch(() => undefined);
    return { now: new Date(), stored };
  },
  watch: (_ctx, rerun) => watchLocalKey(PREFLIGHT_RESULT_KEY, rerun),
  actions: { 'open-preflight': () => openOwnPage('/preflight.html') },
  evaluate({ now, stored }: LightingInput) {
    const result = readPreflightResult(stored);
    if (!result || Number.isNaN(Date.parse(result.at)) || localDay(new Date(result.at)) !== localDay(now)) {
      return { status: 'todo', detail: 'Not checked today.', action: runCheck };
    }
    if (!result.camera) {
      return {
        status: 'warn',
        detail: 'Today’s check got no picture from your camera.',
        advice: 'Close other apps that may be using the camera, allow the browser to use it, then check again.',
        action: { ...runCheck, label: 'Check again' },
      };
    }
    if (result.lighting === 'good') return { status: 'pass', detail: 'Checked today: your face is well lit.' };
    if (result.lighting === 'dark') {
      return { status: 'warn', detail: 'Today’s check found your face in low light.', advice: 'Add a lamp in front of you, facing you.', action: { ...runCheck, label: 'Check again' } };
    }
    if (result.lighting === 'backlit') {
      return {
        status: 'warn',
        detail: 'Today’s check found a bright light behind you.',
        advice: 'Turn to face the window or lamp, or close the curtain behind you.',
        action: { ...runCheck, label: 'Check again' },
      };
    }
    return { status: 'unknown', detail: 'Today’s check could not judge the light.', action: { ...runCheck, label: 'Check again' } };
  },
});
