import { asked } from '../types';
import alone from './privacy.alone';

export default asked({
  id: 'privacy.headset',
  title: 'I am wearing headphones, so only I hear my client',
  why: 'With someone nearby, headphones keep your client’s voice private, and they stop echo.',
  whenNotMet: 'Plug in headphones, or move somewhere you can be alone.',
  source: 'research §6.5 (SDSU: headphones or white noise; Your Choice MHT: headphones if others nearby; mortonpsychotherapy: echo)',
  // Live text has no voice to overhear.
  formats: ['video', 'audio'],
  appliesWhen: (answers) => answers[alone.id] === 'not-alone',
});
