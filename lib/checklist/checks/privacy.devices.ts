import { allFormats, asked } from '../types';

export default asked({
  id: 'privacy.devices',
  title: 'Other phones, tablets and speakers are silenced or out of the room',
  why: 'A device that rings or wakes up breaks the session’s focus, and some listen for voice commands.',
  whenNotMet: 'Silence them or take them out of the room for the session.',
  source: 'research §6.2 (APA consent: space free of cell phones or other devices), §6.5 (Portland MH: turn off all other devices)',
  formats: allFormats,
});
