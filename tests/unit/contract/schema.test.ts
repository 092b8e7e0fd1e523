import { describe, expect, it } from 'vitest';
import {
  contractDefaults,
  contractEntries,
  defaultContract,
  fieldLabels,
  validateContract,
  type Contract,
} from '../../../lib/contract/schema';
import { readStored } from './fixtures';

/** The defaults with one field path replaced, e.g. with('disruptionPlans.battery', 'x'). */
function withField(path: string, value: unknown): Record<string, unknown> {
  const contract = defaultContract() as unknown as Record<string, Record<string, unknown>>;
  const [head, tail] = path.split('.') as [string, string | undefined];
  if (tail === undefined) (contract as Record<string, unknown>)[head] = value;
  else contract[head]![tail] = value;
  return contract;
}

function errorsFor(input: unknown): Record<string, string> {
  const result = validateContract(input);
  return result.ok ? {} : result.errors;
}

const text = (length: number) => 'a'.repeat(length);

describe('contract defaults', () => {
  it('are themselves a valid contract', () => {
    expect(validateContract(contractDefaults)).toEqual({ ok: true, value: contractDefaults });
  });

  it('match the agreed starting values', () => {
    expect(contractDefaults).toMatchObject({
      sessionMinutes: 50,
      sessionFormat: 'video',
      emailResponseHours: 48,
      silenceFollowUpDays: 7,
      jurisdiction: 'other',
      autoLockMinutes: 15,
      networkTestEndpoint: '',
      bannerDismissHours: 24,
      reminderMinutesBefore: [10, 5],
      customPlatforms: [],
    });
  });

  it('hand out a copy that can be changed without touching the shared defaults', () => {
    const copy = defaultContract();
    copy.disruptionPlans.battery = 'changed';
    expect(contractDefaults.disruptionPlans.battery).not.toBe('changed');
  });

  it('give every field a human label', () => {
    for (const field of Object.keys(contractEntries)) expect(fieldLabels[field]).toBeTruthy();
  });
});

describe('validateContract accepts values at the edge of each range', () => {
  it.each<[string, unknown]>([
    ['sessionMinutes', 180],
    ['sessionFormat', 'audio'],
    ['sessionFormat', 'text'],
    ['emailResponseHours', 1],
    ['emailResponseHours', 336],
    ['betweenSessionContact', ''],
    ['betweenSessionContact', text(1000)],
    ['silenceFollowUpDays', 1],
    ['silenceFollowUpDays', 60],
    ['disruptionPlan', text(10)],
    ['disruptionPlan', text(1000)],
    ['disruptionPlans.interruption', ''],
    ['disruptionPlans.connection', text(1000)],
    ['disruptionPlans.battery', text(1000)],
    ['disruptionPlans.platform', ''],
    ['backupPlatform', 'Tel'],
    ['backupPlatform', text(200)],
    ['emergencyProcedure', text(10)],
    ['emergencyProcedure', text(1000)],
    ['socialMediaPolicy', ''],
    ['transcriptPolicy', text(1000)],
    ['jurisdiction', 'us-hipaa'],
    ['jurisdiction', 'uk-gdpr'],
    ['jurisdiction', 'eu-gdpr'],
    ['autoLockMinutes', 1],
    ['autoLockMinutes', 60],
    ['networkTestEndpoint', ''],
    ['networkTestEndpoint', 'https://speed.example.org/probe'],
    ['bannerDismissHours', 1],
    ['bannerDismissHours', 720],
    ['reminderMinutesBefore', []],
    ['reminderMinutesBefore', [49, 1]],
    ['customPlatforms', [{ anything: 'goes here for now' }]],
    ['therapist.name', text(200)],
    ['therapist.contact', ''],
    ['templates.acknowledgement', 'Received; I will reply within {{emailResponseHours}} hours. {{therapist.name}}'],
  ])('%s = %j', (path, value) => {
    expect(errorsFor(withField(path, value))).toEqual({});
  });
});

describe('validateContract rejects each field out of range with a message for that field', () => {
  it.each<[string, unknown, string | RegExp]>([
    ['sessionMinutes', 9, 'Session length must be between 10 and 180 minutes'],
    ['sessionMinutes', 181, 'Session length must be between 10 and 180 minutes'],
    ['sessionMinutes', 50.5, 'Session length must be a whole number of minutes'],
    ['sessionMinutes', '50', 'Session length must be between 10 and 180 minutes'],
    ['sessionMinutes', Number.NaN, 'Session length must be between 10 and 180 minutes'],
    ['sessionFormat', 'phone', 'Session format must be video, audio or text'],
    ['emailResponseHours', 0, 'Email response time must be between 1 and 336 hours'],
    ['emailResponseHours', 337, 'Email response time must be between 1 and 336 hours'],
    ['betweenSessionContact', text(1001), 'Contact between sessions must be 1000 characters or fewer'],
    ['silenceFollowUpDays', 0, 'Silence follow-up must be between 1 and 60 days'],
    ['silenceFollowUpDays', 61, 'Silence follow-up must be between 1 and 60 days'],
    ['disruptionPlan', '', 'Disruption plan is required'],
    ['disruptionPlan', '          ', 'Disruption plan is required'],
    ['disruptionPlan', text(9), 'Disruption plan needs at least 10 characters'],
    ['disruptionPlan', text(1001), 'Disruption plan must be 1000 characters or fewer'],
    ['disruptionPlans.interruption', text(1001), /Plan if someone comes in must be 1000 characters/],
    ['disruptionPlans.connection', text(1001), /Plan if the connection fails must be 1000 characters/],
    ['disruptionPlans.battery', text(1001), /Plan if a battery runs low must be 1000 characters/],
    ['disruptionPlans.platform', text(1001), /Plan if the platform stops working must be 1000 characters/],
    ['backupPlatform', 'ab', 'Backup way to meet needs at least 3 characters'],
    ['backupPlatform', text(201), 'Backup way to meet must be 200 characters or fewer'],
    ['emergencyProcedure', '', 'Emergency procedure is required'],
    ['emergencyProcedure', text(1001), 'Emergency procedure must be 1000 characters or fewer'],
    ['socialMediaPolicy', text(1001), 'Social media policy must be 1000 characters or fewer'],
    ['transcriptPolicy', text(1001), 'Recording and transcripts policy must be 1000 characters or fewer'],
    ['jurisdiction', 'us', 'Choose a jurisdiction from the list'],
    ['autoLockMinutes', 0, 'Auto-lock must be between 1 and 60 minutes'],
    ['autoLockMinutes', 61, 'Auto-lock must be between 1 and 60 minutes'],
    ['networkTestEndpoint', 'http://speed.example.org', /must be an https:\/\/ address/],
    ['networkTestEndpoint', 'speed.example.org', /must be an https:\/\/ address/],
    ['networkTestEndpoint', 'https://', /must be an https:\/\/ address/],
    ['bannerDismissHours', 0, 'Banner snooze must be between 1 and 720 hours'],
    ['bannerDismissHours', 721, 'Banner snooze must be between 1 and 720 hours'],
    ['reminderMinutesBefore', [10, 0], /between 1 and 180 minutes/],
    ['reminderMinutesBefore', [2.5], /whole numbers of minutes/],
    ['reminderMinutesBefore', [10, 10], /each time may appear only once/],
    ['reminderMinutesBefore', [1, 2, 3, 4, 5, 6], /at most 5 reminders/],
    ['reminderMinutesBefore', [50], /must come before the session ends/],
    ['reminderMinutesBefore', 10, /must be a list of minutes/],
    ['customPlatforms', 'none', 'Custom platforms must be a list'],
    ['therapist.name', text(201), 'Your name must be 200 characters or fewer'],
    ['templates.acknowledgement', '', 'Message received template cannot be empty'],
    ['templates.outOfHours', text(2001), 'Outside working hours template must be 2000 characters or fewer'],
    ['templates.silenceConcern', 'Hello {{clientName}}', /cannot fill \{\{clientName\}\}/],
    ['templates.disruptionNotice', 'Back on {{backupPlatform}', /never closed/],
  ])('%s = %j', (path, value, message) => {
    const errors = errorsFor(withField(path, value));
    expect(Object.keys(errors)).toEqual([path]);
    expect(errors[path]).toMatch(message);
  });
});

describe('validateContract for the form as a whole', () => {
  it('returns the trimmed value it would save', () => {
    const result = validateContract(withField('backupPlatform', '  Phone call  '));
    expect(result.ok && result.value.backupPlatform).toBe('Phone call');
  });

  it('reports every invalid field at once, one message each', () => {
    const input = { ...defaultContract(), sessionMinutes: 5, autoLockMinutes: 500, disruptionPlan: '' };
    expect(Object.keys(errorsFor(input)).sort()).toEqual(['autoLockMinutes', 'disruptionPlan', 'sessionMinutes']);
  });

  it('names a missing field instead of failing silently', () => {
    const { emergencyProcedure: _dropped, ...input } = defaultContract();
    expect(errorsFor(input)).toEqual({ emergencyProcedure: 'Emergency procedure is missing' });
  });

  it('names a missing field inside a group', () => {
    const input = defaultContract() as unknown as { disruptionPlans: Record<string, unknown> };
    delete input.disruptionPlans.battery;
    expect(errorsFor(input)).toEqual({ 'disruptionPlans.battery': 'Plan if a battery runs low is missing' });
  });

  it('lets the therapist leave out their own details', () => {
    const input: Record<string, unknown> = { ...defaultContract(), therapist: {} };
    const result = validateContract(input);
    expect(result.ok && result.value.therapist).toEqual({ name: '', practice: '', contact: '' });
  });

  it('accepts a 10-minute session when its reminders fall inside it', () => {
    expect(errorsFor({ ...defaultContract(), sessionMinutes: 10, reminderMinutesBefore: [9, 1] })).toEqual({});
  });

  it.each([[null], ['contract'], [42], [[]]])('reports %j as unreadable on the whole form', (input) => {
    expect(errorsFor(input)).toEqual({ '': 'The contract settings could not be read' });
  });
});

describe('a stored contract, as a stored value read back', () => {
  it('keeps a fully valid contract as it is, resetting nothing', () => {
    const stored: Contract = { ...defaultContract(), sessionMinutes: 60, jurisdiction: 'uk-gdpr' };
    expect(readStored(stored)).toEqual({ value: stored, resetFields: [] });
  });

  it('resets only the invalid fields and says which', () => {
    const stored = {
      ...defaultContract(),
      sessionMinutes: 500,
      emailResponseHours: 24,
      jurisdiction: 'mars',
      disruptionPlans: { ...contractDefaults.disruptionPlans, battery: 42, connection: 'Call me back' },
      templates: { ...contractDefaults.templates, outOfHours: 'Hi {{nope}}' },
    };
    const { value, resetFields } = readStored(stored);
    expect(resetFields.sort()).toEqual(['disruptionPlans.battery', 'jurisdiction', 'sessionMinutes', 'templates.outOfHours']);
    expect(value.sessionMinutes).toBe(50);
    expect(value.jurisdiction).toBe('other');
    expect(value.emailResponseHours).toBe(24);
    expect(value.disruptionPlans.battery).toBe(contractDefaults.disruptionPlans.battery);
    expect(value.disruptionPlans.connection).toBe('Call me back');
    expect(value.templates.outOfHours).toBe(contractDefaults.templates.outOfHours);
    expect(validateContract(value).ok).toBe(true);
  });

  it('fills fields that were never stored without calling them reset', () => {
    const { value, resetFields } = readStored({ sessionMinutes: 30 });
    expect(resetFields).toEqual([]);
    expect(value).toEqual({ ...defaultContract(), sessionMinutes: 30 });
  });

  it('resets every sub-field of a group stored as something other than an object', () => {
    const { resetFields } = readStored({ ...defaultContract(), therapist: 'Dr Who' });
    expect(resetFields).toEqual(['therapist.name', 'therapist.practice', 'therapist.contact']);
  });

  it('drops reminders that would fall after a short session ends', () => {
    const { value, resetFields } = readStored({ ...defaultContract(), sessionMinutes: 10 });
    expect(value.reminderMinutesBefore).toEqual([5]);
    expect(resetFields).toEqual(['reminderMinutesBefore']);
  });

  it('starts from the defaults when the stored value is not an object at all', () => {
    expect(readStored('garbage').value).toEqual(defaultContract());
  });
});
