import { describe, expect, it } from 'vitest';
import { defaultContract, validateContract, type Contract } from '../../../lib/contract/schema';
import {
  parseTemplate,
  placeholderNames,
  renderTemplate,
  renderTemplateById,
  templateDefinitions,
  templateIds,
  unknownPlaceholders,
} from '../../../lib/contract/templates';

const contract: Contract = {
  ...defaultContract(),
  emailResponseHours: 36,
  silenceFollowUpDays: 10,
  disruptionPlan: 'If the call drops I will phone your mobile within 3 minutes.',
  backupPlatform: 'Signal voice call',
  therapist: { name: 'Alex Rivera', practice: 'Quiet Harbour Therapy', contact: 'alex@example.org' },
};

describe('the default templates', () => {
  it('exist for every template id, each with a title', () => {
    expect(templateDefinitions.map((template) => template.id)).toEqual([...templateIds]);
    for (const template of templateDefinitions) expect(template.title.length).toBeGreaterThan(3);
  });

  it.each(templateDefinitions.map((template) => [template.id, template.defaultText]))(
    '%s uses only placeholders Anteroom can fill, with well-formed braces',
    (_id, text) => {
      expect(unknownPlaceholders(text)).toEqual([]);
      expect(parseTemplate(text).problems).toEqual([]);
      expect(renderTemplate(text, contract)).not.toMatch(/\{\{|\}\}/);
    },
  );

  it('never offer a way to put client details into a message', () => {
    expect(placeholderNames.filter((name) => /client|patient/i.test(name))).toEqual([]);
    expect(unknownPlaceholders('Dear {{clientName}}')).toEqual(['clientName']);
    expect(validateContract({ ...defaultContract(), templates: { ...defaultContract().templates, acknowledgement: 'Dear {{clientName}}' } }).ok).toBe(false);
  });

  it('acknowledge a message with the agreed response time', () => {
    expect(renderTemplateById('acknowledgement', contract).text).toContain('I will reply within 36 hours');
  });

  it('voice concern after the agreed number of silent days', () => {
    const { text } = renderTemplateById('silenceConcern', contract);
    expect(text).toContain("haven't heard from you for 10 days");
    expect(text).toContain('concerned');
  });

  it('explain a disruption with the agreed plan and backup', () => {
    const { text, title } = renderTemplateById('disruptionNotice', contract);
    expect(title).toBe('Session interrupted');
    expect(text).toContain(contract.disruptionPlan);
    expect(text).toContain('Signal voice call');
  });

  it('sign off with the therapist name', () => {
    for (const id of templateIds) expect(renderTemplateById(id, contract).text).toMatch(/Alex Rivera$/);
  });

  it('use the edited text saved in the contract, not the default', () => {
    const edited = { ...contract, templates: { ...contract.templates, outOfHours: 'Back on Monday. {{therapist.practice}}' } };
    expect(renderTemplateById('outOfHours', edited).text).toBe('Back on Monday. Quiet Harbour Therapy');
  });
});

describe('renderTemplate', () => {
  it.each<[string, string]>([
    ['{{sessionMinutes}} minutes by {{sessionFormat}}', '50 minutes by video'],
    ['{{ emailResponseHours }}h', '36h'],
    ['{{therapist.name}} at {{therapist.contact}}', 'Alex Rivera at alex@example.org'],
    ['{{disruptionPlans.battery}}', defaultContract().disruptionPlans.battery],
    ['{{backupPlatform}} / {{backupPlatform}}', 'Signal voice call / Signal voice call'],
    ['no placeholders at all', 'no placeholders at all'],
    ['', ''],
  ])('fills %j', (text, expected) => {
    expect(renderTemplate(text, contract)).toBe(expected);
  });

  it.each<[string]>([
    ['Hi {{nickname}}, see you'],
    ['Oops {{emailResponseHours'],
    ['Oops emailResponseHours}} hours'],
    ['Empty {{}} here'],
    ['Odd {{two words}} here'],
  ])('leaves unknown or malformed placeholders visible in %j rather than failing', (text) => {
    expect(renderTemplate(text, contract)).toBe(text);
  });

  it('still fills the good placeholders next to a broken one', () => {
    expect(renderTemplate('{{nickname}} within {{emailResponseHours}} hours {{', contract)).toBe(
      '{{nickname}} within 36 hours {{',
    );
  });
});

describe('flagging placeholders while the therapist edits', () => {
  it.each<[string, string[]]>([
    ['{{emailResponseHours}} and {{therapist.name}}', []],
    ['{{firstName}} {{firstName}} {{surname}}', ['firstName', 'surname']],
    ['{{therapist.email}}', ['therapist.email']],
    ['{{EmailResponseHours}}', ['EmailResponseHours']],
    ['unclosed {{name', []],
  ])('%j → %j', (text, unknown) => {
    expect(unknownPlaceholders(text)).toEqual(unknown);
  });

  it.each<[string, RegExp, number]>([
    ['Hello {{name', /never closed/, 6],
    ['Hello name}}', /without a matching/, 10],
    ['A {{}} B', /empty placeholder/, 2],
    ['A {{a-b}} B', /not a placeholder name/, 2],
    ['{{ {{backupPlatform}}', /never closed/, 0],
  ])('reports malformed braces in %j with where they are', (text, message, index) => {
    const { problems } = parseTemplate(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(message);
    expect(problems[0]!.index).toBe(index);
  });
});
