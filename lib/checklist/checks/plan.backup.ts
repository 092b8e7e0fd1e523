import { allFormats, asked } from '../types';

export default asked({
  id: 'plan.backup',
  title: 'My client and I know what happens if the call fails',
  why: 'An agreed fallback means nobody improvises when the line drops.',
  whenNotMet: 'Remind your client of the plan at the start: how you reconnect, and the backup way to meet.',
  source: 'research §6.2 (APA consent: back-up plan), §6.3 (ACA H.2.a: technology failure), §6.4 (BACP: contingency plan)',
  formats: allFormats,
  shows: ['disruptionPlan', 'backupPlatform'],
});
