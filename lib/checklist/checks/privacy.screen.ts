import { allFormats, asked } from '../types';

export default asked({
  id: 'privacy.screen',
  title: 'Nothing private is open on my screen: other clients’ notes, email and chats are closed',
  why: 'If you share your screen, your client sees whatever is open, other clients’ details included.',
  whenNotMet: 'Close or minimise other records and your inbox; share one window rather than the whole screen.',
  source: 'research §0.6 and §7 (other clients’ details visible in open tabs during screen share)',
  formats: allFormats,
});
