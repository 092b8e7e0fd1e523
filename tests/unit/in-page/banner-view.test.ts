// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderBanner } from '@/components/in-page/banner-view';
import type { BannerModel } from '@/lib/rules/banner-model';

const gmail: BannerModel = {
  platformId: 'gmail',
  kind: 'webmail',
  platformName: 'Gmail',
  verdict: 'caution',
  summary: 'The provider can read messages.',
  reasons: ['Not end to end'],
  saferSettings: ['Use confidential mode'],
  alternatives: ['Proton Mail'],
  sourceUrl: 'https://example.invalid/sources',
  hasUnverifiedFacts: false,
  dismissHours: 8,
  mail: {
    e2ee: 'none',
    ownDomains: [],
    templates: [{ id: 'acknowledgement', title: 'Acknowledge', text: 'Received.' }],
    secureAlternatives: ['Proton Mail'],
  },
};

const handlers = { onDismiss: () => undefined, onTemplate: () => true };

function shadow(): ShadowRoot {
  const host = document.createElement('div');
  document.body.append(host);
  return host.attachShadow({ mode: 'open' });
}

const openSections = (root: ShadowRoot) =>
  [...root.querySelectorAll<HTMLDetailsElement>('details[data-section]')].filter((d) => d.open).map((d) => d.dataset.section);

describe('renderBanner', () => {
  it('keeps the sections the therapist opened when it draws again (a warning appearing mid-choice)', () => {
    const root = shadow();
    renderBanner(root, gmail, handlers);
    expect(openSections(root)).toEqual([]);
    root.querySelector<HTMLDetailsElement>('details[data-section=templates]')!.open = true;

    renderBanner(root, gmail, handlers, { categories: ['medication'], reason: 'provider-can-read' });

    expect(openSections(root)).toEqual(['templates']);
    expect(root.querySelector('[data-testid=template-acknowledgement]')).not.toBeNull();
  });

  it('opens nothing by itself on a first draw or for a section that was closed', () => {
    const root = shadow();
    renderBanner(root, gmail, handlers);
    root.querySelector<HTMLDetailsElement>('details[data-section=settings]')!.open = true;
    root.querySelector<HTMLDetailsElement>('details[data-section=settings]')!.open = false;
    renderBanner(root, gmail, handlers);
    expect(openSections(root)).toEqual([]);
  });
});
