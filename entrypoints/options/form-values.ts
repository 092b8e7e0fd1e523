import { disruptionKinds, jurisdictions, sessionFormats, type Contract } from '@/lib/contract/schema';
import { templateIds } from '@/lib/contract/templates';

/**
 * The options form holds every setting as the text the therapist typed, keyed by the control's
 * name, which is also the path validateContract reports errors under. Converting to a contract
 * happens only on save (and for the live previews), so "4" on the way to "45" is never refused
 * mid-keystroke.
 */

export const numberFieldNames = [
  'sessionMinutes',
  'emailResponseHours',
  'silenceFollowUpDays',
  'autoLockMinutes',
  'backupIntervalDays',
  'bannerDismissHours',
] as const;

export const formFieldNames = [
  ...numberFieldNames,
  'sessionFormat',
  'betweenSessionContact',
  'disruptionPlan',
  ...disruptionKinds.map((kind) => `disruptionPlans.${kind}` as const),
  'backupPlatform',
  'emergencyProcedure',
  'socialMediaPolicy',
  'transcriptPolicy',
  'jurisdiction',
  'networkTestEndpoint',
  'reminderMinutesBefore',
  'therapist.name',
  'therapist.practice',
  'therapist.contact',
  ...templateIds.map((id) => `templates.${id}` as const),
] as const;

export type FormFieldName = (typeof formFieldNames)[number];
export type FormValues = Record<FormFieldName, string>;

/** "45" → 45; anything that is not a plain number (including "") → NaN, which validation refuses. */
export function toNumber(text: string): number {
  const trimmed = text.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : NaN;
}

/** "10, 5" → [10, 5]; commas or spaces separate; an empty box means no reminders. */
export function toMinutesList(text: string): number[] {
  return text
    .split(/[\s,;]+/)
    .filter((part) => part !== '')
    .map(toNumber);
}

export function toFormValues(contract: Contract): FormValues {
  return {
    sessionMinutes: String(contract.sessionMinutes),
    emailResponseHours: String(contract.emailResponseHours),
    silenceFollowUpDays: String(contract.silenceFollowUpDays),
    autoLockMinutes: String(contract.autoLockMinutes),
    backupIntervalDays: String(contract.backupIntervalDays),
    bannerDismissHours: String(contract.bannerDismissHours),
    sessionFormat: contract.sessionFormat,
    betweenSessionContact: contract.betweenSessionContact,
    disruptionPlan: contract.disruptionPlan,
    'disruptionPlans.interruption': contract.disruptionPlans.interruption,
    'disruptionPlans.connection': contract.disruptionPlans.connection,
    'disruptionPlans.battery': contract.disruptionPlans.battery,
    'disruptionPlans.platform': contract.disruptionPlans.platform,
    backupPlatform: contract.backupPlatform,
    emergencyProcedure: contract.emergencyProcedure,
    socialMediaPolicy: contract.socialMediaPolicy,
    transcriptPolicy: contract.transcriptPolicy,
    jurisdiction: contract.jurisdiction,
    networkTestEndpoint: contract.networkTestEndpoint,
    reminderMinutesBefore: contract.reminderMinutesBefore.join(', '),
    'therapist.name': contract.therapist.name,
    'therapist.practice': contract.therapist.practice,
    'therapist.contact': contract.therapist.contact,
    'templates.acknowledgement': contract.templates.acknowledgement,
    'templates.silenceConcern': contract.templates.silenceConcern,
    'templates.outOfHours': contract.templates.outOfHours,
    'templates.disruptionNotice': contract.templates.disruptionNotice,
  };
}

/**
 * The contract the form describes, unvalidated: numbers converted, everything else as typed.
 * Fields the form does not show (custom platforms) come from `base`, the latest stored contract.
 */
export function fromFormValues(values: FormValues, base: Contract): Record<keyof Contract, unknown> {
  return {
    ...base,
    sessionMinutes: toNumber(values.sessionMinutes),
    sessionFormat: values.sessionFormat,
    emailResponseHours: toNumber(values.emailResponseHours),
    betweenSessionContact: values.betweenSessionContact,
    silenceFollowUpDays: toNumber(values.silenceFollowUpDays),
    disruptionPlan: values.disruptionPlan,
    disruptionPlans: {
      interruption: values['disruptionPlans.interruption'],
      connection: values['disruptionPlans.connection'],
      battery: values['disruptionPlans.battery'],
      platform: values['disruptionPlans.platform'],
    },
    backupPlatform: values.backupPlatform,
    emergencyProcedure: values.emergencyProcedure,
    socialMediaPolicy: values.socialMediaPolicy,
    transcriptPolicy: values.transcriptPolicy,
    jurisdiction: values.jurisdiction,
    autoLockMinutes: toNumber(values.autoLockMinutes),
    backupIntervalDays: toNumber(values.backupIntervalDays),
    networkTestEndpoint: values.networkTestEndpoint,
    bannerDismissHours: toNumber(values.bannerDismissHours),
    reminderMinutesBefore: toMinutesList(values.reminderMinutesBefore),
    therapist: {
      name: values['therapist.name'],
      practice: values['therapist.practice'],
      contact: values['therapist.contact'],
    },
    templates: {
      acknowledgement: values['templates.acknowledgement'],
      silenceConcern: values['templates.silenceConcern'],
      outOfHours: values['templates.outOfHours'],
      disruptionNotice: values['templates.disruptionNotice'],
    },
  };
}

/**
 * A contract good enough to fill template previews while the therapist types: numbers that do
 * not parse yet, and a format or jurisdiction outside the lists, fall back to the saved values.
 */
export function previewContract(values: FormValues, saved: Contract): Contract {
  const draft = fromFormValues(values, saved) as Partial<Contract>;
  const number = (field: (typeof numberFieldNames)[number]) => {
    const value = draft[field];
    return typeof value === 'number' && Number.isFinite(value) ? value : saved[field];
  };
  return {
    ...saved,
    ...draft,
    sessionMinutes: number('sessionMinutes'),
    emailResponseHours: number('emailResponseHours'),
    silenceFollowUpDays: number('silenceFollowUpDays'),
    autoLockMinutes: number('autoLockMinutes'),
    backupIntervalDays: number('backupIntervalDays'),
    bannerDismissHours: number('bannerDismissHours'),
    sessionFormat: oneOf(sessionFormats, values.sessionFormat) ?? saved.sessionFormat,
    jurisdiction: oneOf(jurisdictions, values.jurisdiction) ?? saved.jurisdiction,
    reminderMinutesBefore: saved.reminderMinutesBefore,
  };
}

function oneOf<T extends string>(list: readonly T[], value: string): T | undefined {
  return list.find((item) => item === value);
}

/** The names whose text differs between two sets of values. */
export function changedFields(a: FormValues, b: FormValues): FormFieldName[] {
  return formFieldNames.filter((name) => a[name] !== b[name]);
}
