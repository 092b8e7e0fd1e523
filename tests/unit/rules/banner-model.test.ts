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

  it('shows nothing while a use-with-care platform is dismissed, and again once the dismissal runs out', () => {
    const url = 'https://doxy.me/drsmith';
    expect(bannerModelFor({ ...base, url, kinds: ['video'] })?.verdict).toBe('caution');
    expect(bannerModelFor({ ...base, url, kinds: ['video'], dismissals: { 'doxy-me': base.now + 1 } })).toBeNull();
    expect(bannerModelFor({ ...base, url, kinds: ['video'], dismissals: { 'doxy-me': base.now - 1 } })).not.toBeNull();
  });

  it('never hides a platform to avoid altogether, whatever was dismissed', () => {
    const model = bannerModelFor({ ...base, url: 'https://web.whatsapp.com/', kinds: ['messaging'], dismissals: { 'whatsapp-web': base.now + 1 } });
    expect(model?.verdict).toBe('avoid');
  });

  it.each<[string, unknown, boolean, string]>([
    ['the full card in the top right on a first visit', undefined, true, 'top-right'],
    ['the chip once this verdict was shown', { 'doxy-me': { seen: ['caution'] } }, false, 'top-right'],
    ['the card again when the verdict changed since', { 'doxy-me': { seen: ['avoid'] } }, true, 'top-right'],
    ['the corner the therapist chose for this platform', { 'doxy-me': { seen: ['caution'], corner: 'bottom-left' } }, false, 'bottom-left'],
    ['the default for another platform’s choice', { zoom: { seen: ['caution'], corner: 'bottom-left' } }, true, 'top-right'],
    ['the default when what is stored is unreadable', { 'doxy-me': { seen: 'caution', corner: 'middle' } }, true, 'top-right'],
  ])('shows %s', (_name, look, firstVisit, corner) => {
    expect(bannerModelFor({ ...base, url: 'https://doxy.me/drsmith', kinds: ['video'], look })).toMatchObject({ firstVisit, corner });
  });

  it('never carries anything but platform facts into the page', () => {
    const model = bannerModelFor({ ...base, url: 'https://meet.google.com/abc-defg-hij', kinds: ['video'] });
    expect(Object.keys(model!).sort()).toEqual(
      ['alternatives', 'corner', 'dismissHours', 'firstVisit', 'hasUnverifiedFacts', 'incidents', 'kind', 'platformId', 'platformName', 'reasons', 'saferSettings', 'sourceUrl', 'summary', 'verdict'].sort(),
    );
  });
});
