import type { ContractFieldName } from '../options/contract-fields';

/**
 * The first run's four short steps. The fields are the options page's own (same controls, same
 * stored contract), so everything set here stays editable there; a step that is skipped leaves
 * the defaults, which work as they are.
 */
export interface Step {
  id: 'practice' | 'work' | 'notes' | 'pin';
  title: string;
  intro: string;
  fields: readonly ContractFieldName[];
}

export const steps: readonly Step[] = [
  {
    id: 'practice',
    title: 'Where you practise',
    intro: 'Platform verdicts follow the privacy law you work under.',
    fields: ['jurisdiction'],
  },
  {
    id: 'work',
    title: 'How you work',
    intro: 'The checklist, the in-call clock and the agreement use these.',
    fields: ['sessionMinutes', 'sessionFormat', 'disruptionPlan', 'backupPlatform'],
  },
  {
    id: 'notes',
    title: 'Your notes',
    intro: 'Session notes are encrypted with a passphrase only you know, and stay in this browser.',
    fields: [],
  },
  {
    id: 'pin',
    title: 'Keep Anteroom in reach',
    intro: 'Pin the icon to the toolbar: it opens the checklist and shows each platform’s verdict.',
    fields: [],
  },
];
