import { allFormats, asked } from '../types';

export default asked({
  id: 'privacy.wifi',
  title: 'I am on a private network with a password, not public Wi-Fi',
  why: 'On open or shared Wi-Fi, others on the network can see more of your traffic than they should.',
  whenNotMet: 'Use your home or office network, or your phone’s hotspot with a password.',
  source: 'research §6.1 (APA: password-protected secure internet, not public Wi-Fi), §6.4 (BACP/OpenLearn: avoid unsecured Wi-Fi)',
  formats: allFormats,
});
