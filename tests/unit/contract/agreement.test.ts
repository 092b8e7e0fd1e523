import { describe, expect, it } from 'vitest';
import {
  agreementHeader,
  agreementSectionIds,
  agreementSections,
  clientPreparationSections,
  preparationSectionIds,
} from '../../../lib/contract/agreement';
import { defaultContract, jurisdictions, type Contract } from '../../../lib/contract/schema';

const saved: Contract = {
  ...defaultContract(),
  sessionMinutes: 55,
  sessionFormat: 'video',
  emailResponseHours: 72,
  betweenSessionContact: 'Text me only to rearrange a session.',
  silenceFollowUpDays: 9,
  disruptionPlan: 'If we lose each other, wait two minutes for my call.',
  disruptionPlans: {
    interruption: 'Say "pause" and we stop until you are alone again.',
    connection: 'I will call the number you confirmed at the start.',
    battery: 'Keep your charger within reach.',
    platform: 'We move to the phone.',
  },
  backupPlatform: 'A phone call to your mobile',
  emergencyProcedure: 'I will call the emergency contact on your form, then emergency services.',
  socialMediaPolicy: 'I do not follow clients on any platform.',
  transcriptPolicy: 'No recording and no AI transcripts, by either of us.',
  therapist: { name: 'Sam Okafor', practice: 'Northside Counselling', contact: '020 7946 0000' },
};

const allText = (sections: { heading: string; paragraphs: string[] }[]) =>
  sections.flatMap((section) => [section.heading, ...section.paragraphs]).join('\n');

describe('the printable online-work agreement', () => {
  it('covers every required topic, in order', () => {
    expect(agreementSections(saved).map((section) => section.id)).toEqual([...agreementSectionIds]);
    for (const id of [
      'confidentiality', 'platform', 'response-times', 'between-sessions', 'silence',
      'technology-failure', 'emergency', 'social-media', 'recording', 'privacy',
    ]) {
      expect(agreementSectionIds).toContain(id);
    }
  });

  it('gives every section a heading and at least one paragraph, with no empty text', () => {
    for (const section of agreementSections(saved)) {
      expect(section.heading.trim()).not.toBe('');
      expect(section.paragraphs.length).toBeGreaterThan(0);
      for (const paragraph of section.paragraphs) expect(paragraph.trim()).not.toBe('');
    }
  });

  it.each<[string, string]>([
    ['sessions', '55 minutes'],
    ['response-times', '72 hours'],
    ['between-sessions', 'Text me only to rearrange a session.'],
    ['silence', '9 days'],
    ['technology-failure', 'If we lose each other, wait two minutes for my call.'],
    ['technology-failure', 'Say "pause" and we stop until you are alone again.'],
    ['technology-failure', 'I will call the number you confirmed at the start.'],
    ['technology-failure', 'Keep your charger within reach.'],
    ['technology-failure', 'We move to the phone.'],
    ['technology-failure', 'A phone call to your mobile'],
    ['emergency', 'I will call the emergency contact on your form, then emergency services.'],
    ['social-media', 'I do not follow clients on any platform.'],
    ['recording', 'No recording and no AI transcripts, by either of us.'],
  ])('section %s contains the saved value %j', (id, value) => {
    const section = agreementSections(saved).find((candidate) => candidate.id === id);
    expect(section?.paragraphs.join('\n')).toContain(value);
  });

  it('names each kind of disruption in the technology section', () => {
    const text = agreementSections(saved).find((section) => section.id === 'technology-failure')!.paragraphs.join('\n');
    for (const lead of ['someone comes into the room', 'connection fails', 'battery runs low', 'platform stops working']) {
      expect(text).toContain(lead);
    }
  });

  it.each<[Contract['jurisdiction'], RegExp]>([
    ['us-hipaa', /Business Associate Agreement/],
    ['uk-gdpr', /UK GDPR and the Data Protection Act 2018/],
    ['eu-gdpr', /data processing agreement that meets the GDPR/],
    ['au-privacy', /Australian Privacy Principles/],
    ['ca-pipeda', /PIPEDA/],
    ['other', /encrypts our sessions/],
  ])('explains the platform choice in terms of %s', (jurisdiction, wording) => {
    const platform = agreementSections({ ...saved, jurisdiction }).find((section) => section.id === 'platform')!;
    expect(platform.paragraphs.join('\n')).toMatch(wording);
  });

  it('words the platform section differently for each jurisdiction', () => {
    const texts = jurisdictions.map((jurisdiction) =>
      agreementSections({ ...saved, jurisdiction }).find((section) => section.id === 'platform')!.paragraphs.join('\n'),
    );
    expect(new Set(texts).size).toBe(jurisdictions.length);
  });

  it('names the platform when the therapist gives one, and promises it in writing otherwise', () => {
    const named = agreementSections(saved, { platformName: 'Doxy.me' }).find((section) => section.id === 'platform')!;
    expect(named.paragraphs[0]).toBe('We will meet on Doxy.me.');
    const unnamed = agreementSections(saved).find((section) => section.id === 'platform')!;
    expect(unnamed.paragraphs[0]).toMatch(/confirm in writing/);
  });

  it('says a blank optional policy will be agreed together rather than printing nothing', () => {
    const blank = { ...saved, socialMediaPolicy: '', transcriptPolicy: '  ' };
    const sections = agreementSections(blank);
    expect(sections.find((section) => section.id === 'social-media')!.paragraphs).toEqual([
      'We will agree this together at our first session.',
    ]);
    expect(sections.find((section) => section.id === 'recording')!.paragraphs[0]).toMatch(/agree this together/);
  });

  it('uses the singular for one hour and one day', () => {
    const text = allText(agreementSections({ ...saved, emailResponseHours: 1, silenceFollowUpDays: 1 }));
    expect(text).toContain('within 1 hour.');
    expect(text).toContain('for 1 day,');
  });

  it('heads the page with the therapist details that were filled in', () => {
    expect(agreementHeader(saved).byline).toEqual(['Sam Okafor', 'Northside Counselling', '020 7946 0000']);
    expect(agreementHeader(defaultContract()).byline).toEqual([]);
  });

  it('contains no unfilled placeholders', () => {
    expect(allText(agreementSections(saved))).not.toMatch(/\{\{|\}\}|undefined|NaN/);
  });
});

describe('the client preparation sheet', () => {
  it('covers every preparation topic, in order', () => {
    expect(clientPreparationSections(saved).map((section) => section.id)).toEqual([...preparationSectionIds]);
  });

  it.each<[string, RegExp]>([
    ['place', /private/],
    ['place', /never driving/],
    ['headphones', /headphones/],
    ['network', /avoid public Wi-Fi/],
    ['devices', /notifications/],
    ['light', /light in front of you/],
    ['connection-drops', /I will call the number you confirmed at the start\./],
    ['connection-drops', /A phone call to your mobile/],
    ['between-sessions', /Text me only to rearrange a session\./],
    ['between-sessions', /within 72 hours/],
    ['between-sessions', /020 7946 0000/],
  ])('section %s says %s', (id, wording) => {
    const section = clientPreparationSections(saved).find((candidate) => candidate.id === id);
    expect(section?.paragraphs.join('\n')).toMatch(wording);
  });

  it('does not ask for a camera set-up when sessions are audio only', () => {
    const light = clientPreparationSections({ ...saved, sessionFormat: 'audio' }).find((section) => section.id === 'light')!;
    expect(light.paragraphs.join('\n')).toMatch(/do not need a camera/);
  });

  it('leaves out the therapist contact line when none was given', () => {
    const between = clientPreparationSections(defaultContract()).find((section) => section.id === 'between-sessions')!;
    expect(between.paragraphs.join('\n')).not.toMatch(/reach me at/);
  });
});
