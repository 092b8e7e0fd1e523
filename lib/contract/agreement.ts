import type { Contract, DisruptionKind } from './schema';

/**
 * The printable online-work agreement and the client preparation sheet, as plain data: the
 * options page renders these sections and the browser prints them. Pure functions of the
 * contract, so what the client signs always matches the saved defaults.
 *
 * The topics follow what professional bodies ask an online agreement to cover (ACA Code of
 * Ethics 2014 H.2.a; APA telepsychology consent checklist; BACP GPiA 047 on contingency plans
 * and privacy at both ends). The wording is ours.
 */

export interface AgreementSection {
  id: string;
  heading: string;
  paragraphs: string[];
}

export const agreementSectionIds = [
  'sessions',
  'confidentiality',
  'platform',
  'response-times',
  'between-sessions',
  'silence',
  'technology-failure',
  'emergency',
  'social-media',
  'recording',
  'privacy',
] as const;

export const preparationSectionIds = [
  'place',
  'headphones',
  'network',
  'devices',
  'light',
  'connection-drops',
  'between-sessions',
] as const;

export interface AgreementOptions {
  /** The main platform, e.g. "Zoom for Healthcare"; when unknown the text says it will follow in writing. */
  platformName?: string;
}

const formatPhrase: Record<Contract['sessionFormat'], string> = {
  video: 'by video',
  audio: 'by audio call, without video',
  text: 'by live text chat',
};

const disruptionLead: Record<DisruptionKind, string> = {
  interruption: 'If someone comes into the room',
  connection: 'If the connection fails',
  battery: 'If a battery runs low',
  platform: 'If the platform stops working',
};

const toAgreeTogether = 'We will agree this together at our first session.';

function orAgree(text: string): string {
  return text.trim() === '' ? toAgreeTogether : text;
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** Why this platform, in the terms of the law the therapist works under. */
function platformReasons(jurisdiction: Contract['jurisdiction']): string {
  switch (jurisdiction) {
    case 'us-hipaa':
      return 'I use it because its provider has signed a Business Associate Agreement with me, as HIPAA requires of services that handle health information for me, and because sessions are encrypted in transit.';
    case 'uk-gdpr':
      return 'I use it because it encrypts our sessions and its provider handles personal data under a contract that meets UK GDPR and the Data Protection Act 2018.';
    case 'eu-gdpr':
      return 'I use it because it encrypts our sessions and its provider processes personal data under a data processing agreement that meets the GDPR, with safeguards for any transfer outside the EU.';
    case 'au-privacy':
      return 'I use it because it encrypts our sessions and its provider is bound by contract to protect health information as the Australian Privacy Principles require, wherever it keeps it.';
    case 'ca-pipeda':
      return 'I use it because it encrypts our sessions and its provider is bound by contract to give your information the protection PIPEDA and our provincial health privacy law require.';
    case 'other':
      return 'I use it because it encrypts our sessions, does not make its money from advertising, and does not record unless we both choose to.';
  }
}

function lawName(jurisdiction: Contract['jurisdiction']): string | undefined {
  switch (jurisdiction) {
    case 'us-hipaa':
      return 'HIPAA';
    case 'uk-gdpr':
      return 'UK GDPR and the Data Protection Act 2018';
    case 'eu-gdpr':
      return 'the GDPR';
    case 'au-privacy':
      return 'the Privacy Act 1988 (Cth)';
    case 'ca-pipeda':
      return 'PIPEDA and our provincial health privacy law';
    case 'other':
      return undefined;
  }
}

/** Title and the therapist's lines for the top of the printed page; empty details are left out. */
export function agreementHeader(contract: Contract): { title: string; byline: string[] } {
  const { name, practice, contact } = contract.therapist;
  return {
    title: 'Our agreement for working online',
    byline: [name, practice, contact].filter((line) => line.trim() !== ''),
  };
}

export function agreementSections(contract: Contract, options: AgreementOptions = {}): AgreementSection[] {
  const law = lawName(contract.jurisdiction);
  const platformName = options.platformName?.trim();

  return [
    {
      id: 'sessions',
      heading: 'Our sessions',
      paragraphs: [
        `Sessions last ${plural(contract.sessionMinutes, 'minute')} and take place ${formatPhrase[contract.sessionFormat]}.`,
        'Working online is different from meeting in a room. Some things are easier, some are harder, and we can talk about how it is going at any time.',
      ],
    },
    {
      id: 'confidentiality',
      heading: 'Confidentiality, and its limits online',
      paragraphs: [
        'What you tell me stays between us, with the limits I will explain at our first session, such as a serious risk to your safety or to someone else, or a legal duty to share.',
        'Online, no technology is completely secure. I protect my end: I work from a private room, use headphones, keep any notes encrypted on my own device and lock my computer when I step away. I ask you to protect your end in the same way.',
        ...(law ? [`I handle your personal information in line with ${law}.`] : []),
      ],
    },
    {
      id: 'platform',
      heading: 'The platform we use, and why',
      paragraphs: [
        platformName
          ? `We will meet on ${platformName}.`
          : 'I will confirm in writing which platform we will meet on before our first session.',
        platformReasons(contract.jurisdiction),
        'Please join from the link I send you, not from a link anyone else forwards.',
      ],
    },
    {
      id: 'response-times',
      heading: 'How quickly I reply',
      paragraphs: [
        `I reply to messages within ${plural(contract.emailResponseHours, 'hour')}. Messages are not watched around the clock, so please do not use them for anything urgent.`,
      ],
    },
    {
      id: 'between-sessions',
      heading: 'Contact between sessions',
      paragraphs: [orAgree(contract.betweenSessionContact)],
    },
    {
      id: 'silence',
      heading: 'If I do not hear from you',
      paragraphs: [
        `If you miss a session or I have not heard from you for ${plural(contract.silenceFollowUpDays, 'day')}, I will send you a short message to check you are all right. It will not mention what we talk about.`,
      ],
    },
    {
      id: 'technology-failure',
      heading: 'When technology fails',
      paragraphs: [
        contract.disruptionPlan,
        ...(Object.keys(disruptionLead) as DisruptionKind[]).map(
          (kind) => `${disruptionLead[kind]}: ${orAgree(contract.disruptionPlans[kind])}`,
        ),
        `Our backup way to meet: ${contract.backupPlatform}.`,
      ],
    },
    {
      id: 'emergency',
      heading: 'In an emergency',
      paragraphs: [
        contract.emergencyProcedure,
        'Please give me the name and number of someone I may contact if I am seriously worried about your safety, and tell me at the start of each session where you are.',
      ],
    },
    {
      id: 'social-media',
      heading: 'Social media',
      paragraphs: [orAgree(contract.socialMediaPolicy)],
    },
    {
      id: 'recording',
      heading: 'Recording and transcripts',
      paragraphs: [orAgree(contract.transcriptPolicy)],
    },
    {
      id: 'privacy',
      heading: 'Privacy at both ends',
      paragraphs: [
        'I will always be alone in a private room where I cannot be overheard. If that ever changes, I will tell you at once.',
        'Please join from a private place where no one can see or hear you, and tell me if someone else is present or comes in. Please do not join while driving or in a public place.',
      ],
    },
  ];
}

/** A one-page sheet that helps the client get ready; it repeats the plans they agreed to. */
export function clientPreparationSections(contract: Contract): AgreementSection[] {
  const video = contract.sessionFormat === 'video';
  return [
    {
      id: 'place',
      heading: 'A private place that stays put',
      paragraphs: [
        'Choose a private room where you will not be overheard and can close the door. Stay in one place for the session: not walking, not travelling, and never driving.',
        'If it helps, ask the people you live with not to disturb you, or put a sign on the door.',
      ],
    },
    {
      id: 'headphones',
      heading: 'Headphones',
      paragraphs: [
        'If anyone else is nearby, use headphones so that only you can hear me. They also stop echo.',
      ],
    },
    {
      id: 'network',
      heading: 'A secure connection',
      paragraphs: [
        'Use your home network or your phone\'s own data, protected by a password. Please avoid public Wi-Fi, such as in a café, library or hotel.',
        'Sitting close to your router and closing other programs helps the picture and sound.',
      ],
    },
    {
      id: 'devices',
      heading: 'Other devices and notifications',
      paragraphs: [
        'Turn off notifications on the device you use, and silence or switch off other phones, tablets and smart speakers in the room.',
        'Charge your device or keep it plugged in.',
      ],
    },
    {
      id: 'light',
      heading: 'Light and camera',
      paragraphs: video
        ? [
            'Sit with the light in front of you rather than behind you, so I can see your face. Put the camera at about eye level.',
          ]
        : [
            'Our sessions do not use video, so you do not need a camera. If we ever switch to video, sit with the light in front of you rather than behind you.',
          ],
    },
    {
      id: 'connection-drops',
      heading: 'If the connection drops',
      paragraphs: [
        orAgree(contract.disruptionPlans.connection),
        `Our backup way to meet: ${contract.backupPlatform}.`,
      ],
    },
    {
      id: 'between-sessions',
      heading: 'Reaching me between sessions',
      paragraphs: [
        orAgree(contract.betweenSessionContact),
        `I reply within ${plural(contract.emailResponseHours, 'hour')}. In an emergency, do not wait for me: call your local emergency number or go to the nearest emergency department.`,
        ...(contract.therapist.contact.trim() !== '' ? [`You can reach me at: ${contract.therapist.contact}`] : []),
      ],
    },
  ];
}
