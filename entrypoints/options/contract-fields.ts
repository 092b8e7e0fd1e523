import type { SelectOption } from '@/components/forms/controls';
import type { FormFieldName } from './form-values';
import { autoLockHelp } from '@/lib/vault/lifecycle/auto-lock-signals';
import { PUBLIC_SPEED_TEST } from '@/lib/network/public-service';

/**
 * How each contract setting appears on the options page: its kind of control and one or two
 * plain sentences of help. Labels come from the schema's fieldLabels so that a message such as
 * "Session length must be between 10 and 180 minutes" names the label the therapist can see.
 * The ranges repeat the schema's for the browser's number controls; validateContract decides.
 */

type TemplateFieldName = Extract<FormFieldName, `templates.${string}`>;
export type ContractFieldName = Exclude<FormFieldName, TemplateFieldName>;

export type FieldSpec = { help: string } & (
  | { kind: 'number'; min: number; max: number; suffix: string }
  | { kind: 'text'; type?: 'text' | 'url' }
  | { kind: 'textarea'; rows: number }
  | { kind: 'select'; options: readonly SelectOption[] }
);

const leaveEmpty = 'Leave it empty to agree this with each client at the first session.';

export const fieldSpecs: Record<ContractFieldName, FieldSpec> = {
  'therapist.name': {
    kind: 'text',
    help: 'Printed at the top of the agreement and used to sign your message templates.',
  },
  'therapist.practice': { kind: 'text', help: 'Optional. Printed under your name.' },
  'therapist.contact': {
    kind: 'text',
    help: 'Optional. How clients reach you, such as a work email address or phone number. Printed on the agreement and the client sheet.',
  },
  sessionMinutes: {
    kind: 'number',
    min: 10,
    max: 180,
    suffix: 'minutes',
    help: 'How long a session lasts. The agreement states it, and the end-of-session reminders count back from it.',
  },
  sessionFormat: {
    kind: 'select',
    help: 'How you usually meet. It changes the wording of the agreement and of the client preparation sheet.',
    options: [
      { value: 'video', label: 'Video' },
      { value: 'audio', label: 'Audio call, without video' },
      { value: 'text', label: 'Live text chat' },
    ],
  },
  reminderMinutesBefore: {
    kind: 'text',
    help: 'Minutes before the end of a session when Anteroom gives you a quiet reminder. Separate several with commas, for example 10, 5. Leave it empty for no reminders.',
  },
  emailResponseHours: {
    kind: 'number',
    min: 1,
    max: 336,
    suffix: 'hours',
    help: 'The longest a client should wait for a reply to a message (48 hours is two days). The agreement and your reply templates use it.',
  },
  betweenSessionContact: {
    kind: 'textarea',
    rows: 3,
    help: `What clients may contact you about between sessions, and how. ${leaveEmpty}`,
  },
  silenceFollowUpDays: {
    kind: 'number',
    min: 1,
    max: 60,
    suffix: 'days',
    help: 'If a client misses a session or goes quiet for this many days, you send a short check-in message. There is a template for it below.',
  },
  disruptionPlan: {
    kind: 'textarea',
    rows: 2,
    help: 'Your main plan when a session is cut short, in a sentence or two. It opens the agreement’s section on technology failing, and Anteroom shows it on the call page when the connection drops — where the call platform’s page can read it, so write no client details here.',
  },
  'disruptionPlans.interruption': {
    kind: 'textarea',
    rows: 2,
    help: `What you both do if someone comes into the room at either end. ${leaveEmpty}`,
  },
  'disruptionPlans.connection': {
    kind: 'textarea',
    rows: 2,
    help: `What happens if the call drops or freezes. ${leaveEmpty}`,
  },
  'disruptionPlans.battery': {
    kind: 'textarea',
    rows: 2,
    help: `What happens if a laptop or phone is about to run out of power. ${leaveEmpty}`,
  },
  'disruptionPlans.platform': {
    kind: 'textarea',
    rows: 2,
    help: `What happens if the video platform will not start or stops working. ${leaveEmpty}`,
  },
  backupPlatform: {
    kind: 'text',
    help: 'Another way to carry on when the session cannot continue, such as a phone call. Printed in the agreement and on the client sheet, and shown with your plan on the call page when the connection drops (the call platform’s page can read it there).',
  },
  emergencyProcedure: {
    kind: 'textarea',
    rows: 4,
    help: 'What you will do if you become seriously worried about a client’s safety, and what they should do in a crisis between sessions.',
  },
  socialMediaPolicy: {
    kind: 'textarea',
    rows: 3,
    help: `How you handle friend or follow requests and looking each other up online. ${leaveEmpty}`,
  },
  transcriptPolicy: {
    kind: 'textarea',
    rows: 3,
    help: `Whether sessions may be recorded, screenshotted or transcribed, including by AI note-takers. ${leaveEmpty}`,
  },
  jurisdiction: {
    kind: 'select',
    help: 'The law you practise under. It decides which data-protection law the agreement names and how Anteroom judges each platform.',
    options: [
      { value: 'us-hipaa', label: 'United States (HIPAA)' },
      { value: 'uk-gdpr', label: 'United Kingdom (UK GDPR)' },
      { value: 'eu-gdpr', label: 'European Union (GDPR)' },
      { value: 'au-privacy', label: 'Australia (Privacy Act 1988)' },
      { value: 'ca-pipeda', label: 'Canada (PIPEDA and provincial health acts)' },
      { value: 'other', label: 'Somewhere else' },
    ],
  },
  autoLockMinutes: {
    kind: 'number',
    min: 1,
    max: 120,
    suffix: 'minutes',
    help: `${autoLockHelp(import.meta.env.FIREFOX ? 'firefox' : 'chrome')} Shorter is safer if other people can reach your computer.`,
  },
  backupIntervalDays: {
    kind: 'number',
    min: 1,
    max: 90,
    suffix: 'days',
    help: 'The notes page and the pre-session checklist tell you when your last encrypted backup of the notes is older than this. Automatic backups, if you turn them on below, are made this often.',
  },
  bannerDismissHours: {
    kind: 'number',
    min: 1,
    max: 720,
    suffix: 'hours',
    help: 'When you close the warning banner on a video or email site, it stays hidden on that site for this long.',
  },
  networkTestEndpoint: {
    kind: 'text',
    type: 'url',
    help: `Optional. Left empty, the connection test (run only when you press its button) uses ${PUBLIC_SPEED_TEST.name}’s public speed test, ${PUBLIC_SPEED_TEST.host}. To use a server of your own instead, give its https:// address.`,
  },
};

export interface FieldGroup {
  id: string;
  legend: string;
  intro: string;
  fields: readonly ContractFieldName[];
}

/** The order a therapist thinks in: who they are, the sessions, then what happens when things go wrong. */
export const fieldGroups: readonly FieldGroup[] = [
  {
    id: 'your-details',
    legend: 'Your details',
    intro: 'These appear on the printed agreement and client sheet.',
    fields: ['therapist.name', 'therapist.practice', 'therapist.contact'],
  },
  {
    id: 'sessions',
    legend: 'Sessions',
    intro: 'How long you meet and how.',
    fields: ['sessionMinutes', 'sessionFormat', 'reminderMinutesBefore'],
  },
  {
    id: 'between-sessions',
    legend: 'Between sessions',
    intro: 'What clients can expect when they get in touch, and when you will get in touch with them.',
    fields: ['emailResponseHours', 'betweenSessionContact', 'silenceFollowUpDays'],
  },
  {
    id: 'technology-fails',
    legend: 'When technology fails',
    intro: 'Agreeing this in advance means neither of you has to improvise when a session breaks down.',
    fields: [
      'disruptionPlan',
      'disruptionPlans.interruption',
      'disruptionPlans.connection',
      'disruptionPlans.battery',
      'disruptionPlans.platform',
      'backupPlatform',
    ],
  },
  {
    id: 'safety-and-boundaries',
    legend: 'Safety and boundaries',
    intro: 'Emergencies, social media and recording.',
    fields: ['emergencyProcedure', 'socialMediaPolicy', 'transcriptPolicy'],
  },
  {
    id: 'where-you-practise',
    legend: 'Where you practise',
    intro: 'Anteroom does not give legal advice; this only chooses the wording and the platform checks.',
    fields: ['jurisdiction'],
  },
  {
    id: 'anteroom-settings',
    legend: 'How Anteroom behaves',
    intro: 'Settings for the extension itself. Clients never see these.',
    fields: ['autoLockMinutes', 'backupIntervalDays', 'bannerDismissHours', 'networkTestEndpoint'],
  },
];
