import { allFormats, asked } from '../types';

export default asked({
  id: 'privacy.notifications',
  title: 'Notifications are off on this computer and my phone (Do Not Disturb)',
  why: 'Pop-ups can show private messages while you share your screen, and pull your attention away.',
  whenNotMet: 'Turn on Do Not Disturb (Focus) on the computer and the phone.',
  source: 'research §6.5 (Portland MH: turn off notifications; SDSU: phone on do-not-disturb), §7 (pop-ups during screen share)',
  formats: allFormats,
});
