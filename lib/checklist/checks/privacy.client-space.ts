import { allFormats, asked } from '../types';

export default asked({
  id: 'privacy.client-space',
  title: 'I will check that my client is somewhere private, and not driving',
  why: 'A client in a shared room or a moving car cannot speak freely or safely.',
  whenNotMet: 'At the start, ask where they are and whether they can talk freely; if not, reschedule or use the backup plan.',
  source: 'research §6.1 (APA: review privacy at both locations), §6.5 (Your Choice MHT: private, stationary, not driving)',
  formats: allFormats,
});
