import * as v from 'valibot';
import { fieldByField, noteReset, plainObject } from '@/lib/storage/fields';
import { templateProblem } from './placeholders';
import { defaultTemplateTexts } from './templates';

/**
 * The therapist's contract defaults: what they agree with every client about online work
 * (session length, response times, what happens when technology fails, emergencies), plus the
 * extension's own settings that go with them. The options page is the only writer; the
 * checklist, banners, templates and the printable agreement read it.
 *
 * The items follow what professional guidance asks to be agreed in advance: ACA Code of
 * Ethics H.2.a (technology failure, response time, emergency procedures, social media), the
 * APA telepsychology consent checklist (backup plan, recording) and BACP GPiA 047 (contingency
 * plan, alternative contact); summarised in shared/research/platforms-and-checklists.md §6.
 */

export const CONTRACT_VERSION = 2;

function wholeNumber(label: string, min: number, max: number, unit: string) {
  const range = `${label} must be between ${min} and ${max} ${unit}`;
  return v.pipe(
    v.number(range),
    v.integer(`${label} must be a whole number of ${unit}`),
    v.minValue(min, range),
    v.maxValue(max, range),
  );
}

/** Free text the therapist may leave empty. */
function optionalText(label: string, max: number) {
  return v.pipe(
    v.string(`${label} must be text`),
    v.trim(),
    v.maxLength(max, `${label} must be ${max} characters or fewer`),
  );
}

/** Text the agreement cannot do without. */
function requiredText(label: string, min: number, max: number) {
  return v.pipe(
    v.string(`${label} must be text`),
    v.trim(),
    v.nonEmpty(`${label} is required`),
    v.minLength(min, `${label} needs at least ${min} characters`),
    v.maxLength(max, `${label} must be ${max} characters or fewer`),
  );
}

function templateText(label: string) {
  return v.pipe(
    v.string(`${label} must be text`),
    v.nonEmpty(`${label} cannot be empty`),
    v.maxLength(2000, `${label} must be 2000 characters or fewer`),
    v.check((text) => templateProblem(text) === undefined, (issue) => `${label}: ${templateProblem(String(issue.input))}`),
  );
}

function isHttpsUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}

export const sessionFormats = ['video', 'audio', 'text'] as const;
export const jurisdictions = ['us-hipaa', 'uk-gdpr', 'eu-gdpr', 'au-privacy', 'ca-pipeda', 'other'] as const;
export const disruptionKinds = ['interruption', 'connection', 'battery', 'platform'] as const;
export type DisruptionKind = (typeof disruptionKinds)[number];

/** Human names for field paths: used in messages and in "these settings were reset". */
export const fieldLabels: Record<string, string> = {
  sessionMinutes: 'Session length',
  sessionFormat: 'Session format',
  emailResponseHours: 'Email response time',
  betweenSessionContact: 'Contact between sessions',
  silenceFollowUpDays: 'Silence follow-up',
  disruptionPlan: 'Disruption plan',
  disruptionPlans: 'Plans for each disruption',
  'disruptionPlans.interruption': 'Plan if someone comes in',
  'disruptionPlans.connection': 'Plan if the connection fails',
  'disruptionPlans.battery': 'Plan if a battery runs low',
  'disruptionPlans.platform': 'Plan if the platform stops working',
  backupPlatform: 'Backup way to meet',
  emergencyProcedure: 'Emergency procedure',
  socialMediaPolicy: 'Social media policy',
  transcriptPolicy: 'Recording and transcripts policy',
  jurisdiction: 'Jurisdiction',
  autoLockMinutes: 'Auto-lock',
  backupIntervalDays: 'Backup reminder',
  networkTestEndpoint: 'Network test address',
  bannerDismissHours: 'Banner snooze',
  reminderMinutesBefore: 'End-of-session reminders',
  customPlatforms: 'Custom platforms',
  therapist: 'Your details',
  'therapist.name': 'Your name',
  'therapist.practice': 'Practice name',
  'therapist.contact': 'Your contact details',
  templates: 'Templates',
  'templates.acknowledgement': 'Message received template',
  'templates.silenceConcern': 'Checking in after a silence template',
  'templates.outOfHours': 'Outside working hours template',
  'templates.disruptionNotice': 'Session interrupted template',
};

const missing = (label: string) => `${label} is missing`;

const disruptionPlanEntries = {
  interruption: optionalText(fieldLabels['disruptionPlans.interruption']!, 1000),
  connection: optionalText(fieldLabels['disruptionPlans.connection']!, 1000),
  battery: optionalText(fieldLabels['disruptionPlans.battery']!, 1000),
  platform: optionalText(fieldLabels['disruptionPlans.platform']!, 1000),
};

const therapistEntries = {
  name: v.optional(optionalText('Your name', 200), ''),
  practice: v.optional(optionalText('Practice name', 200), ''),
  contact: v.optional(optionalText('Your contact details', 300), ''),
};

const templateEntries = {
  acknowledgement: templateText(fieldLabels['templates.acknowledgement']!),
  silenceConcern: templateText(fieldLabels['templates.silenceConcern']!),
  outOfHours: templateText(fieldLabels['templates.outOfHours']!),
  disruptionNotice: templateText(fieldLabels['templates.disruptionNotice']!),
};

const reminderLabel = fieldLabels.reminderMinutesBefore!;

export const contractEntries = {
  sessionMinutes: wholeNumber('Session length', 10, 180, 'minutes'),
  sessionFormat: v.picklist(sessionFormats, 'Session format must be video, audio or text'),
  emailResponseHours: wholeNumber('Email response time', 1, 336, 'hours'),
  betweenSessionContact: optionalText('Contact between sessions', 1000),
  silenceFollowUpDays: wholeNumber('Silence follow-up', 1, 60, 'days'),
  disruptionPlan: requiredText('Disruption plan', 10, 1000),
  disruptionPlans: v.object(disruptionPlanEntries, missing(fieldLabels.disruptionPlans!)),
  backupPlatform: requiredText('Backup way to meet', 3, 200),
  emergencyProcedure: requiredText('Emergency procedure', 10, 1000),
  socialMediaPolicy: optionalText('Social media policy', 1000),
  transcriptPolicy: optionalText('Recording and transcripts policy', 1000),
  jurisdiction: v.picklist(jurisdictions, 'Choose a jurisdiction from the list'),
  // 60 at most: an hour-long unattended unlock is already generous for health data (research (a)).
  autoLockMinutes: wholeNumber('Auto-lock', 1, 60, 'minutes'),
  // How old the last notes backup may get before the notes page and the checklist say so.
  backupIntervalDays: wholeNumber('Backup reminder', 1, 90, 'days'),
  networkTestEndpoint: v.pipe(
    v.string('Network test address must be text'),
    v.trim(),
    v.check(
      (text) => text === '' || isHttpsUrl(text),
      'Network test address must be an https:// address, or left empty',
    ),
  ),
  bannerDismissHours: wholeNumber('Banner snooze', 1, 720, 'hours'),
  reminderMinutesBefore: v.pipe(
    v.array(
      v.pipe(
        v.number(`${reminderLabel} must be whole numbers of minutes`),
        v.integer(`${reminderLabel} must be whole numbers of minutes`),
        v.minValue(1, `${reminderLabel} must be between 1 and 180 minutes before the end`),
        v.maxValue(180, `${reminderLabel} must be between 1 and 180 minutes before the end`),
      ),
      `${reminderLabel} must be a list of minutes`,
    ),
    v.maxLength(5, `${reminderLabel}: at most 5 reminders`),
    v.check((list) => new Set(list).size === list.length, `${reminderLabel}: each time may appear only once`),
  ),
  // Entries are defined by the custom-platform feature and validated there.
  customPlatforms: v.array(v.unknown(), 'Custom platforms must be a list'),
  therapist: v.object(therapistEntries, missing(fieldLabels.therapist!)),
  templates: v.object(templateEntries, missing(fieldLabels.templates!)),
};

export type ContractField = keyof typeof contractEntries;

export const contractSchema = v.pipe(
  v.object(contractEntries, 'The contract settings could not be read'),
  v.forward(
    v.partialCheck(
      [['sessionMinutes'], ['reminderMinutesBefore']],
      // An invalid session length has its own message; judge reminders against a valid one only.
      (input) =>
        v.is(contractEntries.sessionMinutes, input.sessionMinutes)
          ? input.reminderMinutesBefore.every((minutes) => minutes < input.sessionMinutes)
          : true,
      `${reminderLabel} must come before the session ends`,
    ),
    ['reminderMinutesBefore'],
  ),
);

export type Contract = v.InferOutput<typeof contractSchema>;

export const contractDefaults: Contract = {
  sessionMinutes: 50,
  sessionFormat: 'video',
  emailResponseHours: 48,
  betweenSessionContact:
    'Between sessions you can email me about practical things, such as changing an appointment. I keep therapeutic conversations for our sessions.',
  silenceFollowUpDays: 7,
  disruptionPlan: 'If the connection fails, I will call you on your phone within 2 minutes.',
  disruptionPlans: {
    interruption:
      'If someone comes into the room at either end, we pause. Say so, or hold up a hand, and we carry on once the room is private again.',
    connection:
      'If the call drops, I will try to reconnect once. If we are not back within 2 minutes, I will phone you and we carry on by phone.',
    battery:
      'Please start with your device charged or plugged in. If your battery is about to run out, tell me and we will continue by phone.',
    platform:
      'If the platform will not start or stops working, I will phone you at the session time and we will continue by phone.',
  },
  backupPlatform: 'Phone call to the number you gave me',
  emergencyProcedure:
    'At the start of each session I will check where you are and the number I can reach you on. If I become seriously worried about your safety during a session, I will contact your emergency contact or the emergency services near you. Between sessions, if you are in crisis, call your local emergency number or go to the nearest emergency department; do not wait for a reply from me.',
  socialMediaPolicy:
    'I do not accept friend or follow requests from clients on social media, and I will not look for you online. This protects your privacy; it is not a judgement about you.',
  transcriptPolicy:
    "Neither of us records sessions, takes screenshots or uses automatic transcription or AI note-taking without the other's written agreement. I keep the platform's recording and transcript features switched off.",
  jurisdiction: 'other',
  autoLockMinutes: 15,
  backupIntervalDays: 7,
  networkTestEndpoint: '',
  bannerDismissHours: 24,
  reminderMinutesBefore: [10, 5],
  customPlatforms: [],
  therapist: { name: '', practice: '', contact: '' },
  templates: { ...defaultTemplateTexts },
};

/** A fresh copy, so callers can change it without touching the shared defaults. */
export function defaultContract(): Contract {
  return structuredClone(contractDefaults);
}

export type ValidationResult =
  | { ok: true; value: Contract }
  | { ok: false; errors: Record<string, string> };

/**
 * The path the form knows: `disruptionPlans.connection` stays as it is, an item inside a list
 * (`reminderMinutesBefore.1`) is reported on the list's control. '' is the form as a whole.
 */
function fieldPath(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  if (path === null) return '';
  const segments = path.split('.');
  const firstIndex = segments.findIndex((segment) => /^\d+$/.test(segment));
  return (firstIndex === -1 ? segments : segments.slice(0, firstIndex)).join('.');
}

function messageFor(issue: v.BaseIssue<unknown>, path: string): string {
  // A key that is absent is reported by its parent object; name the field instead.
  if (path !== '' && issue.kind === 'schema' && issue.type === 'object' && issue.input === undefined) {
    return missing(fieldLabels[path] ?? path);
  }
  return issue.message;
}

/** Checks the whole form. On failure, one message per field path and nothing to save. */
export function validateContract(input: unknown): ValidationResult {
  // valibot's object() takes arrays as objects; a list is no more a contract than a number is.
  if (!v.is(plainObject, input)) return { ok: false, errors: { '': 'The contract settings could not be read' } };
  const result = v.safeParse(contractSchema, input);
  if (result.success) return { ok: true, value: result.output };
  const errors: Record<string, string> = {};
  for (const issue of result.issues) {
    const path = fieldPath(issue);
    errors[path] ??= messageFor(issue, path);
  }
  return { ok: false, errors };
}

/**
 * A stored contract, read field by field (fieldByField): each valid field is kept, each invalid
 * one goes back to its default and is noted, so one corrupt setting does not cost the therapist
 * the rest; a field that is simply absent (newer than the stored value) takes its default
 * quietly. Anything that is not an object reads as the defaults. The stored items:
 * lib/storage/items/contract.ts.
 */
export const storedContractSchema = v.pipe(
  v.fallback(fieldByField(contractEntries, contractDefaults), defaultContract),
  // The one rule across fields: reminders must fall inside the session.
  v.transform((contract): Contract => {
    const { sessionMinutes, reminderMinutesBefore } = contract;
    if (reminderMinutesBefore.every((minutes) => minutes < sessionMinutes)) return contract;
    noteReset('reminderMinutesBefore');
    return { ...contract, reminderMinutesBefore: contractDefaults.reminderMinutesBefore.filter((minutes) => minutes < sessionMinutes) };
  }),
);
