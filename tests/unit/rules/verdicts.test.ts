import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Policy } from '@/lib/rules/policy-schema';
import type { PlatformRule } from '@/lib/rules/schema';
import { saferChoices } from '@/lib/rules/safer-choices';
import { UNCONFIRMED_REASON, verdictFor, worstOf } from '@/lib/rules/verdict';
import { platforms } from '@/rules/index';
import { policies, type JurisdictionId } from '@/rules/policies/index';

const severity = { ok: 0, caution: 1, avoid: 2 } as const;
const jurisdictions = Object.keys(policies) as JurisdictionId[];

function platform(id: string): PlatformRule {
  const found = platforms.find((p) => p.id === id);
  if (!found) throw new Error(`no platform ${id} in the catalogue`);
  return found;
}

const everyPolicy = (ids: string[]) => ids.flatMap((id) => jurisdictions.map((j) => [id, j] as const));

describe('verdicts the product promises in every jurisdiction', () => {
  it.each(everyPolicy(['whatsapp-web', 'messenger', 'skype']))('warns to avoid %s under %s', (id, jurisdiction) => {
    expect(verdictFor(platform(id), policies[jurisdiction]).verdict).toBe('avoid');
  });

  it.each(everyPolicy(['slack']))('warns to avoid %s under %s because its own terms forbid talking with patients, not because it is public', (id, jurisdiction) => {
    const verdict = verdictFor(platform(id), policies[jurisdiction]);
    expect(verdict.verdict).toBe('avoid');
    expect(verdict.reasons[0]?.id).toBe('terms-forbid-clinical-use');
    expect(verdict.reasons.map((r) => r.id)).not.toContain('public-facing');
  });

  it.each(everyPolicy(['facebook-live', 'twitch', 'tiktok', 'youtube-live']))(
    'warns to avoid the public-facing %s under %s',
    (id, jurisdiction) => {
      const verdict = verdictFor(platform(id), policies[jurisdiction]);
      expect(verdict.verdict).toBe('avoid');
      expect(verdict.reasons[0]?.id).toBe('public-facing');
    },
  );

  it.each(everyPolicy(['signal', 'proton-mail', 'jitsi-meet']))('never tells the therapist to avoid %s under %s', (id, jurisdiction) => {
    expect(verdictFor(platform(id), policies[jurisdiction]).verdict).not.toBe('avoid');
  });

  it.each(jurisdictions)('says why Signal needs care under %s: it has no browser client', (jurisdiction) => {
    const reasons = verdictFor(platform('signal'), policies[jurisdiction]).reasons.map((r) => r.id);
    expect(reasons).toContain('no-web-client');
  });

  it.each(everyPolicy(['skype', 'amazon-chime']))('flags the retired %s as shut down under %s', (id, jurisdiction) => {
    const verdict = verdictFor(platform(id), policies[jurisdiction]);
    expect(verdict.reasons[0]).toMatchObject({ id: 'retired', verdict: 'avoid' });
  });

  it('warns before a session on WhatsApp Web because Meta is ad-funded and shows when you are online', () => {
    const reasons = verdictFor(platform('whatsapp-web'), policies['uk-gdpr']).reasons;
    expect(reasons[0]).toMatchObject({ id: 'ad-funded-with-presence', verdict: 'avoid' });
    // The combined reason replaces its two halves instead of repeating them.
    expect(reasons.map((r) => r.id)).not.toContain('ad-funded-owner');
    expect(reasons.map((r) => r.id)).not.toContain('presence-exposure');
  });
});

describe('the HIPAA policy and Business Associate Agreements', () => {
  const hipaa = policies['us-hipaa'];

  it('says avoid when the vendor signs no BAA and can reach the content (iCloud Mail)', () => {
    const verdict = verdictFor(platform('icloud-mail'), hipaa);
    expect(verdict.verdict).toBe('avoid');
    expect(verdict.reasons.map((r) => r.id)).toContain('no-baa');
  });

  it('only cautions when there is no BAA but everything is end-to-end encrypted (Signal)', () => {
    const ids = verdictFor(platform('signal'), hipaa).reasons.map((r) => r.id);
    expect(ids).toContain('no-baa-but-e2ee');
    expect(ids).not.toContain('no-baa');
  });

  it('asks the therapist to confirm a BAA when none is confirmed (Jitsi Meet)', () => {
    const verdict = verdictFor(platform('jitsi-meet'), hipaa);
    expect(verdict.verdict).toBe('caution');
    expect(verdict.reasons.map((r) => r.id)).toContain('baa-unknown');
  });

  it('reminds that Zoom offers a BAA on paid plans only', () => {
    expect(verdictFor(platform('zoom'), hipaa).reasons.map((r) => r.id)).toContain('baa-paid-plans-only');
  });

  it('does not mention BAAs outside the United States', () => {
    for (const jurisdiction of jurisdictions.filter((j) => j !== 'us-hipaa')) {
      for (const p of platforms) {
        const ids = verdictFor(p, policies[jurisdiction]).reasons.map((r) => r.id);
        expect(ids.filter((id) => id.includes('baa')), `${p.id} under ${jurisdiction}`).toEqual([]);
      }
    }
  });
});

describe('every platform under every policy', () => {
  const pairs = platforms.flatMap((p) => jurisdictions.map((j) => [p.id, j] as const));

  it.each(pairs)('%s under %s: a verdict that is not ok comes with a reason at that level', (id, jurisdiction) => {
    const verdict = verdictFor(platform(id), policies[jurisdiction]);
    if (verdict.verdict !== 'ok') {
      expect(verdict.reasons.length).toBeGreaterThan(0);
      expect(verdict.reasons[0]?.verdict).toBe(verdict.verdict);
    }
  });

  it.each(pairs)('%s under %s: reasons are sorted worst first and the verdict is the worst of them', (id, jurisdiction) => {
    const verdict = verdictFor(platform(id), policies[jurisdiction]);
    const levels = verdict.reasons.map((r) => severity[r.verdict]);
    expect(levels).toEqual([...levels].sort((a, b) => b - a));
    expect(verdict.verdict).toBe(worstOf(verdict.reasons.map((r) => r.verdict)));
  });

  it.each(pairs)('%s under %s: passes the safer settings through and lists only unverified facts the policy weighs', (id, jurisdiction) => {
    const p = platform(id);
    const verdict = verdictFor(p, policies[jurisdiction]);
    expect(verdict.saferSettings).toEqual(p.saferSettings);
    expect(p.unverified).toEqual(expect.arrayContaining(verdict.unverified));
    expect(verdict.unverified).not.toContain('match');
  });

  it.each(pairs)('%s under %s: never ok while a fact the policy weighs is unverified', (id, jurisdiction) => {
    const verdict = verdictFor(platform(id), policies[jurisdiction]);
    if (verdict.unverified.length > 0) expect(verdict.verdict).not.toBe('ok');
  });

  it.each(pairs)('%s under %s: every safer choice is judged better under the same jurisdiction', (id, jurisdiction) => {
    const policy = policies[jurisdiction];
    const own = severity[verdictFor(platform(id), policy).verdict];
    for (const choice of saferChoices(platform(id), policy, platforms)) {
      expect(severity[verdictFor(choice, policy).verdict], `${choice.id}`).toBeLessThan(own);
      if (jurisdiction === 'us-hipaa') expect(['yes', 'paid-plans']).toContain(choice.facts.baa);
    }
  });
});

describe('evaluation rules', () => {
  const base = platform('jitsi-meet');
  const tiny: Policy = {
    id: 'other',
    name: 'Test policy',
    summary: 'A policy built inside the test to pin down evaluation order.',
    sources: [{ title: 'test', url: 'https://example.org/', asOf: '2026-11-21' }],
    conditions: [
      { id: 'first-in-group', group: 'g', when: { webClient: [true] }, verdict: 'caution', reason: 'First condition of the group holds.' },
      { id: 'second-in-group', group: 'g', when: { webClient: [true] }, verdict: 'avoid', reason: 'Shadowed by the first of its group.' },
      { id: 'informational', when: { openSource: ['yes'] }, verdict: 'ok', reason: 'An ok reason is reported but does not raise the verdict.' },
      { id: 'never', when: { publicFacing: [true], webClient: [true] }, verdict: 'avoid', reason: 'Needs both facts, and only one holds.' },
    ],
  };

  it('counts only the first condition that holds within a group', () => {
    expect(verdictFor(base, tiny).reasons.map((r) => r.id)).toEqual(['first-in-group', 'informational']);
  });

  it('requires every fact a condition names to hold', () => {
    expect(verdictFor(base, tiny).reasons.map((r) => r.id)).not.toContain('never');
  });

  it('is ok when only ok conditions hold', () => {
    const onlyOk: Policy = { ...tiny, conditions: tiny.conditions.filter((c) => c.verdict === 'ok') };
    expect(verdictFor(base, onlyOk)).toMatchObject({ verdict: 'ok', reasons: [{ id: 'informational', verdict: 'ok' }] });
  });

  it('is ok with no reasons when no condition holds', () => {
    const none: Policy = { ...tiny, conditions: [tiny.conditions[3]!] };
    expect(verdictFor(base, none)).toMatchObject({ verdict: 'ok', reasons: [] });
  });

  it('reads a missing status as active, so only an explicit "retired" triggers the shutdown warning', () => {
    expect(base.facts.status).toBeUndefined();
    for (const jurisdiction of jurisdictions) {
      expect(verdictFor(base, policies[jurisdiction]).reasons.map((r) => r.id)).not.toContain('retired');
    }
  });

  it('judges end-to-end encryption by the weakest channel a platform offers', () => {
    // Discord calls are end-to-end encrypted but its text chat is not.
    const ids = verdictFor(platform('discord'), policies['us-hipaa']).reasons.map((r) => r.id);
    expect(ids).toContain('no-baa');
    expect(ids).not.toContain('e2ee-by-default');
  });

  it('does not change the platform or the policy it is given', () => {
    const p = structuredClone(platform('whatsapp-web'));
    const pol = structuredClone(policies['eu-gdpr']);
    verdictFor(p, pol);
    expect(p).toEqual(platform('whatsapp-web'));
    expect(pol).toEqual(policies['eu-gdpr']);
  });
});

describe('properties over arbitrary platforms', () => {
  const base = platform('zoom');
  const e2ee = fc.constantFrom('default', 'optional', 'none', 'between-own-users');
  const jurisdiction = fc.constantFrom(...jurisdictions);
  const arbitraryPlatform = (
    publicFacing: fc.Arbitrary<boolean>,
    status: fc.Arbitrary<'active' | 'retired' | undefined>,
  ): fc.Arbitrary<PlatformRule> =>
    fc
      .record({
        e2ee: fc.record({ video: e2ee, audio: e2ee, text: e2ee, email: e2ee }, { requiredKeys: [] }),
        baa: fc.constantFrom('yes', 'paid-plans', 'no', 'unknown'),
        businessModel: fc.constantFrom('subscription', 'freemium', 'ad-funded', 'nonprofit', 'hardware', 'open-source'),
        adFundedOwner: fc.boolean(),
        presenceExposure: fc.boolean(),
        contactUpload: fc.constantFrom('yes', 'no', 'optional', 'unknown'),
        publicFacing,
        openSource: fc.constantFrom('yes', 'partly', 'no'),
        webClient: fc.boolean(),
        status,
        termsForbidClinicalUse: fc.constantFrom(true, false, undefined),
        processorContract: fc.constantFrom('yes' as const, 'business-plans' as const, 'no' as const, 'unknown' as const, undefined),
        incidents: fc.constantFrom<PlatformRule['facts']['incidents']>([], [{ year: 2020, summary: 'A reviewer found a weakness.' }]),
      })
      .chain((facts) =>
        fc.subarray(['facts.baa', 'facts.e2ee.video', 'facts.e2ee', 'facts.incidents', 'facts.owner', 'match', 'facts']).map((unverified) =>
          ({ ...base, unverified, facts: { owner: 'Generated Co', ...facts } }) as PlatformRule,
        ),
      );
  const anyStatus = fc.constantFrom('active' as const, 'retired' as const, undefined);

  it('a public-facing platform is avoid under every policy, whatever its other facts', () => {
    fc.assert(
      fc.property(arbitraryPlatform(fc.constant(true), anyStatus), jurisdiction, (p, j) => {
        expect(verdictFor(p, policies[j]).verdict).toBe('avoid');
      }),
    );
  });

  it('never ok while a fact the policy tests is unverified, and ok only then through a policy reason', () => {
    fc.assert(
      fc.property(arbitraryPlatform(fc.boolean(), anyStatus), jurisdiction, (p, j) => {
        const verdict = verdictFor(p, policies[j]);
        if (verdict.unverified.length > 0) expect(verdict.verdict).not.toBe('ok');
        if (p.unverified.includes('facts.baa') && p.facts.baa !== 'unknown' && j === 'us-hipaa') expect(verdict.unverified).toContain('facts.baa');
        if (p.unverified.includes('facts.owner') && !p.unverified.some((u) => u !== 'facts.owner' && u !== 'match')) expect(verdict.unverified).toEqual([]);
      }),
    );
  });

  it('a platform whose vendor forbids clinical use is avoid under every policy', () => {
    fc.assert(
      fc.property(arbitraryPlatform(fc.boolean(), anyStatus), jurisdiction, (p, j) => {
        const forbidding = { ...p, facts: { ...p.facts, termsForbidClinicalUse: true } };
        expect(verdictFor(forbidding, policies[j]).verdict).toBe('avoid');
      }),
    );
  });

  it('a retired platform is avoid under every policy, whatever its other facts', () => {
    fc.assert(
      fc.property(arbitraryPlatform(fc.boolean(), fc.constant('retired' as const)), jurisdiction, (p, j) => {
        expect(verdictFor(p, policies[j]).verdict).toBe('avoid');
      }),
    );
  });

  it('the verdict is always the worst of its reasons, and every reason comes from the policy', () => {
    fc.assert(
      fc.property(arbitraryPlatform(fc.boolean(), anyStatus), jurisdiction, (p, j) => {
        const verdict = verdictFor(p, policies[j]);
        expect(verdict.verdict).toBe(worstOf(verdict.reasons.map((r) => r.verdict)));
        const known = new Map<string, { verdict: string; reason: string }>(policies[j].conditions.map((c) => [c.id, c]));
        known.set(UNCONFIRMED_REASON.id, { verdict: UNCONFIRMED_REASON.verdict, reason: UNCONFIRMED_REASON.text });
        for (const reason of verdict.reasons) {
          expect(known.get(reason.id)).toMatchObject({ verdict: reason.verdict, reason: reason.text });
        }
      }),
    );
  });
});
