import { allFormats, asked } from '../types';

export default asked({
  id: 'interruptions.household',
  title: 'People around me know not to interrupt, or to stream and download, for the hour',
  why: 'Someone walking in breaks confidentiality, and others’ streaming slows your call.',
  whenNotMet: 'Put a sign on the door and ask others to pause video and large downloads until you finish.',
  source: 'research §6.5 (SimplePractice: “Do not disturb” sign; SDSU: tell others not to disturb; clearviewmentality: nobody else online)',
  formats: allFormats,
});
