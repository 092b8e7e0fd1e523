import { describe, expect, it } from 'vitest';
import { bannerModelFor } from '@/lib/rules/banner-model';
import { platforms } from '@/rules/index';
import { policies } from '@/rules/policies/index';

const base = { platforms, policy: policies.other, dismissHours: 24, dismissals: {}, now: Date.UTC(2026, 10, 21) };

describe('what the in-page banner shows', () => {
  it('warns on WhatsApp Web with the reasons, safer choices by name and a source', () => {
    const model = bannerModelFor({ ...base, url: 'https://web.whatsapp.com/', kinds: ['messaging', 'video'] });
    expect(model).toMatchObject({ platformId: 'whatsapp-web', verdict: 'avoid' });
    expect(model!.reasons.length).toBeGreaterThan(0);
    expect(model!.alternatives.every((name) => !/^[a-z0-9-]+$/.test(name))).toBe(true); // names, not ids
    expect(model!.sourceUrl).toMatch(/^https:\/\//);
  });

  it('shows nothing on a platform of another kind (a webmail banner on a call page)', () => {
    expect(bannerModelFor({ ...base, url: 'https://web.whatsapp.com/', kinds: ['webmail'] })).toBeNull();
  });

  it('shows nothing while dismissed, and again once the dismissal runs out', () => {
    const url = 'https://web.whatsapp.com/';
    expect(bannerModelFor({ ...base, url, kinds: ['messaging'], dismissals: { 'whatsapp-web': base.now + 1 } })).toBeNull();
    expect(bannerModelFor({ ...base, url, kinds: ['messaging'], dismissals: { 'whatsapp-web': base.now - 1 } })).not.toBeNull();
  });

  it('never carries anything but platform facts into the page', () => {
    const model = bannerModelFor({ ...base, url: 'https://meet.google.com/abc-defg-hij', kinds: ['video'] });
    expect(Object.keys(model!).sort()).toEqual(
      ['alternatives', 'dismissHours', 'hasUnverifiedFacts', 'incidents', 'kind', 'platformId', 'platformName', 'reasons', 'saferSettings', 'sourceUrl', 'summary', 'verdict'].sort(),
    );
  });
});
