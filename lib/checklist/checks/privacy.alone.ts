import { allFormats, asked } from '../types';

export default asked({
  id: 'privacy.alone',
  title: 'I am alone in the room, with the door closed',
  alternative: { answer: 'not-alone', label: 'Someone else is nearby, and knows not to come in or listen' },
  why: 'What your client says should reach only you.',
  whenNotMet: 'Find a room you can close. If someone is nearby, tell them you are in a confidential session and wear headphones.',
  source: 'research §6.1 (APA: private and reasonably quiet location), §6.5 (SDSU: no other people able to view or hear)',
  formats: allFormats,
});
