import { allFormats, asked } from '../types';

export default asked({
  id: 'plan.emergency',
  title: 'I know where my client is today and how to reach their emergency contact',
  why: 'In a crisis you need their location and someone to call, and you cannot ask once the line is down.',
  whenNotMet: 'Ask for today’s address and a phone number at the start, and have their emergency contact to hand.',
  source: 'research §6.1 (Family Process: confirm location and phone each session), §6.2 (APA consent: emergency contact), §6.3 (ACA H.2.a)',
  formats: allFormats,
  shows: ['emergencyProcedure'],
});
