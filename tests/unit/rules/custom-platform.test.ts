import { describe, expect, it } from 'vitest';
import { customPlatformId, originPatternFor, parseCustomHost, readCustomPlatforms, toPlatformRule, type CustomPlatform } from '@/lib/rules/custom-platform';
import { platformForUrl } from '@/lib/rules/match';
import { verdictFor } from '@/lib/rules/verdict';
import { platformRule } from '@/lib/rules/schema';
import { policies } from '@/rules/policies/index';
import * as v from 'valibot';

const clinic: CustomPlatform = {
  host: 'meet.myclinic.org',
  subdomains: false,
  name: 'Clinic video',
  kind: 'video',
  e2ee: 'default',
  baa: 'yes',
  adFundedOwner: false,
  presenceExposure: false,
  publicFacing: false,
  addedOn: '2026-11-21',
};

describe('what a therapist may type as a custom platform address', () => {
  it.each([
    ['meet.myclinic.org', 'meet.myclinic.org'],
    ['  Meet.MyClinic.org ', 'meet.myclinic.org'],
    ['https://meet.myclinic.org/room/42?pwd=x', 'meet.myclinic.org'],
    ['jitsi.example-practice.co.uk', 'jitsi.example-practice.co.uk'],
    ['meet.myclinic.org.', 'meet.myclinic.org'],
  ])('accepts %j as %s', (input, host) => {
    expect(parseCustomHost(input)).toEqual({ ok: true, host });
  });

  it.each([
    ['', 'Type the address'],
    ['*', 'Wildcards'],
    ['*.org', 'Wildcards'],
    ['<all_urls>', 'Wildcards'],
    ['https://*.myclinic.org', 'Wildcards'],
    ['http://meet.myclinic.org', 'secure (https)'],
    ['org', 'not a full site address'],
    ['localhost', 'not a full site address'],
    ['10.0.0.5', 'IP address'],
    ['https://[::1]/', 'IP address'],
    ['meet myclinic org', 'web address'],
  ])('refuses %j with a message that says why', (input, message) => {
    const result = parseCustomHost(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });
});

describe('a custom platform is judged like a catalogue platform', () => {
  it('becomes a valid catalogue rule', () => {
    expect(v.safeParse(platformRule, toPlatformRule(clinic)).success).toBe(true);
  });

  it('matches its own host only, or its sub-domains when asked', () => {
    const rule = toPlatformRule(clinic);
    expect(platformForUrl('https://meet.myclinic.org/room', [rule])?.id).toBe(customPlatformId('meet.myclinic.org'));
    expect(platformForUrl('https://eu.meet.myclinic.org/room', [rule])).toBeUndefined();
    expect(platformForUrl('https://eu.meet.myclinic.org/room', [toPlatformRule({ ...clinic, subdomains: true })])).toBeDefined();
  });

  it('asks permission for exactly that origin', () => {
    expect(originPatternFor(clinic)).toBe('https://meet.myclinic.org/*');
    expect(originPatternFor({ ...clinic, subdomains: true })).toBe('https://*.meet.myclinic.org/*');
  });

  it('is avoided when the therapist says it is public-facing, under every policy', () => {
    for (const policy of Object.values(policies)) {
      expect(verdictFor(toPlatformRule({ ...clinic, publicFacing: true }), policy).verdict).toBe('avoid');
    }
  });

  it('is avoided under HIPAA when its provider will not sign a BAA and can read the content', () => {
    expect(verdictFor(toPlatformRule({ ...clinic, baa: 'no', e2ee: 'none' }), policies['us-hipaa']).verdict).toBe('avoid');
  });

  it('skips stored entries it cannot read instead of trusting them', () => {
    expect(readCustomPlatforms([clinic, { host: '*' }, 'junk', null])).toEqual([clinic]);
    expect(readCustomPlatforms('not a list')).toEqual([]);
  });
});
