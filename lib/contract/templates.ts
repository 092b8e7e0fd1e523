import type { Contract } from './schema';
import { isPlaceholderName, parseTemplate, type PlaceholderName } from './placeholders';

export { unknownPlaceholders, parseTemplate, templateProblem, placeholderNames } from './placeholders';

/**
 * The messages a therapist sends often enough to want them ready: they fill in the agreed
 * response time, follow-up and backup plan from the contract, so the words a client reads
 * match the agreement they signed. None of them names or describes the client.
 */

export const templateIds = ['acknowledgement', 'silenceConcern', 'outOfHours', 'disruptionNotice'] as const;
export type TemplateId = (typeof templateIds)[number];

export interface TemplateDefinition {
  id: TemplateId;
  title: string;
  defaultText: string;
}

const crisisLine =
  'If you are in crisis or feel unsafe, please do not wait for my reply: contact your local emergency services or go to the nearest emergency department.';

export const templateDefinitions: readonly TemplateDefinition[] = [
  {
    id: 'acknowledgement',
    title: 'Message received',
    defaultText: `Hello,

Thank you for your message; it has reached me safely. I will reply within {{emailResponseHours}} hours.

${crisisLine}

With warm wishes,
{{therapist.name}}`,
  },
  {
    id: 'silenceConcern',
    title: 'Checking in after a silence',
    defaultText: `Hello,

I haven't heard from you for {{silenceFollowUpDays}} days, so I am getting in touch, as we agreed I would. I am a little concerned and would like to know how you are.

There is no need to explain anything now. A short reply to let me know you are all right would be welcome, and we can talk about the rest when we next meet.

${crisisLine}

Warm wishes,
{{therapist.name}}`,
  },
  {
    id: 'outOfHours',
    title: 'Outside working hours',
    defaultText: `Hello,

Thank you for your message. It arrived outside my working hours, so I will read it properly and reply within {{emailResponseHours}} hours.

{{betweenSessionContact}}

${crisisLine}

Best wishes,
{{therapist.name}}`,
  },
  {
    id: 'disruptionNotice',
    title: 'Session interrupted',
    defaultText: `Hello,

I am sorry that our session was interrupted by a technical problem. This is what we agreed for this situation: {{disruptionPlan}}

If that does not work, our backup is: {{backupPlatform}}.

If we cannot reconnect today, I will be in touch to arrange the time we lost.

Best wishes,
{{therapist.name}}`,
  },
];

export const defaultTemplateTexts = Object.fromEntries(
  templateDefinitions.map((template) => [template.id, template.defaultText]),
) as Record<TemplateId, string>;

const formatWords: Record<Contract['sessionFormat'], string> = {
  video: 'video',
  audio: 'audio call',
  text: 'text chat',
};

/** How each placeholder reads a contract. The Record type makes a missing name a compile error. */
const placeholderValues: Record<PlaceholderName, (contract: Contract) => string> = {
  sessionMinutes: (c) => String(c.sessionMinutes),
  sessionFormat: (c) => formatWords[c.sessionFormat],
  emailResponseHours: (c) => String(c.emailResponseHours),
  betweenSessionContact: (c) => c.betweenSessionContact,
  silenceFollowUpDays: (c) => String(c.silenceFollowUpDays),
  disruptionPlan: (c) => c.disruptionPlan,
  'disruptionPlans.interruption': (c) => c.disruptionPlans.interruption,
  'disruptionPlans.connection': (c) => c.disruptionPlans.connection,
  'disruptionPlans.battery': (c) => c.disruptionPlans.battery,
  'disruptionPlans.platform': (c) => c.disruptionPlans.platform,
  backupPlatform: (c) => c.backupPlatform,
  emergencyProcedure: (c) => c.emergencyProcedure,
  socialMediaPolicy: (c) => c.socialMediaPolicy,
  transcriptPolicy: (c) => c.transcriptPolicy,
  'therapist.name': (c) => c.therapist.name,
  'therapist.practice': (c) => c.therapist.practice,
  'therapist.contact': (c) => c.therapist.contact,
};

/**
 * Fills every known placeholder from the contract. Unknown names and malformed braces are left
 * exactly as written so the therapist sees them in the draft rather than losing text.
 */
export function renderTemplate(text: string, contract: Contract): string {
  let out = '';
  let at = 0;
  for (const token of parseTemplate(text).tokens) {
    if (!isPlaceholderName(token.name)) continue;
    out += text.slice(at, token.index) + placeholderValues[token.name](contract);
    at = token.index + token.raw.length;
  }
  return out + text.slice(at);
}

/** The template's current text from the contract, rendered; the title for the button. */
export function renderTemplateById(id: TemplateId, contract: Contract): { title: string; text: string } {
  const definition = templateDefinitions.find((template) => template.id === id);
  if (!definition) throw new Error(`Unknown template: ${id}`);
  return { title: definition.title, text: renderTemplate(contract.templates[id], contract) };
}
