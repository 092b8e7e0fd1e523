// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { renderBanner } from '@/lib/in-page/banner/banner-view';
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
  incidents: [],
  sourceUrl: 'https://example.invalid/sources',
  hasUnverifiedFacts: false,
  dismissHours: 8,
  firstVisit: true,
  corner: 'top-right',
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

  it('draws a name the therapist typed as text: no element, attribute or script can come of it', () => {
    const root = shadow();
    const hostile = `Clinic<img src=x onerror="alert(1)"><script>alert(2)</script>"'&`;
    renderBanner(root, { ...gmail, platformName: hostile, summary: hostile, reasons: [hostile], alternatives: [hostile] }, handlers);
    expect(root.querySelector('img, script')).toBeNull();
    expect(root.querySelector('.platform')!.textContent).toBe(hostile);
    expect(root.querySelector('[data-testid=banner-dismiss]')!.getAttribute('title')).toContain(hostile);
  });

  it('lists known incidents in their own section, as text, only when there are some', () => {
    const root = shadow();
    renderBanner(root, gmail, handlers);
    expect(root.querySelector('details[data-section=incidents]')).toBeNull();
    const hostile = `2020: <img src=x onerror="alert(1)"> weak passwords accepted`;
    renderBanner(root, { ...gmail, incidents: [hostile, '2019: a second finding'] }, handlers);
    const section = root.querySelector('details[data-section=incidents]')!;
    expect(section.querySelector('summary')!.textContent).toMatch(/Problems found/);
    expect([...section.querySelectorAll('li')].map((li) => li.textContent)).toEqual([hostile, '2019: a second finding']);
    expect(root.querySelector('img')).toBeNull();
  });

  it('says some facts are unconfirmed only when the model says a deciding fact is', () => {
    const root = shadow();
    renderBanner(root, gmail, handlers);
    expect(root.textContent).not.toMatch(/not yet confirmed/);
    renderBanner(root, { ...gmail, hasUnverifiedFacts: true }, handlers);
    expect(root.textContent).toMatch(/not yet confirmed/);
  });

  it('links sources only over https', () => {
    const root = shadow();
    renderBanner(root, { ...gmail, sourceUrl: 'javascript:alert(1)' }, handlers);
    expect(root.querySelector('a')).toBeNull();
    renderBanner(root, gmail, handlers);
    expect(root.querySelector('a')!.getAttribute('href')).toBe('https://example.invalid/sources');
  });

  it('hands clicks to the latest drawing’s handlers, and says when a reply could not go in', () => {
    const root = shadow();
    const first = { onDismiss: vi.fn(), onTemplate: vi.fn(() => true) };
    const second = { onDismiss: vi.fn(), onTemplate: vi.fn(() => false) };
    renderBanner(root, gmail, first);
    renderBanner(root, gmail, second);
    root.querySelector<HTMLButtonElement>('[data-testid=banner-dismiss]')!.click();
    root.querySelector<HTMLButtonElement>('[data-testid=template-acknowledgement]')!.click();
    expect(first.onDismiss).not.toHaveBeenCalled();
    expect(second.onDismiss).toHaveBeenCalledTimes(1);
    expect(second.onTemplate).toHaveBeenCalledWith('acknowledgement');
    expect(root.querySelector('[role=status].note')!.textContent).toContain('Click into the message');
  });

  it('shows a chip with the verdict word and the platform’s name after the first visit', () => {
    const root = shadow();
    const onExpand = vi.fn();
    renderBanner(root, { ...gmail, firstVisit: false }, { ...handlers, onExpand }, undefined, false);
    const chip = root.querySelector<HTMLButtonElement>('[data-testid=banner-chip]')!;
    expect(chip.textContent).toBe('! Use with care · Gmail');
    expect(chip.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('.card')).toBeNull();
    // Contract replies stay one click away in a mail page.
    expect(root.querySelector('[data-testid=template-acknowledgement]')).not.toBeNull();
    chip.click();
    expect(onExpand).toHaveBeenCalledTimes(1);
  });

  it('keeps the whole card while a draft holds clinical detail, chip or not', () => {
    const root = shadow();
    renderBanner(root, gmail, handlers, { categories: ['medication'], reason: 'provider-can-read' }, false);
    expect(root.querySelector('.card [data-testid=sensitive-warning]')).not.toBeNull();
    expect(root.querySelector('[data-testid=banner-chip]')).toBeNull();
  });

  it.each([
    ['caution', true],
    ['avoid', false],
  ] as const)('a %s card can be made small, moved, and hidden for a while only if not “avoid”', (verdict, canHide) => {
    const root = shadow();
    const onCollapse = vi.fn();
    const onMove = vi.fn();
    renderBanner(root, { ...gmail, verdict }, { ...handlers, onCollapse, onMove });
    root.querySelector<HTMLButtonElement>('[data-testid=banner-collapse]')!.click();
    root.querySelector<HTMLButtonElement>('[data-testid=banner-move]')!.click();
    expect([onCollapse.mock.calls.length, onMove.mock.calls.length]).toEqual([1, 1]);
    expect(root.querySelector('[data-testid=banner-dismiss]') !== null).toBe(canHide);
  });

  it('keeps an “ok” platform to its small mark, whatever the visit', () => {
    const root = shadow();
    renderBanner(root, { ...gmail, verdict: 'ok', mail: undefined }, handlers, undefined, true);
    expect(root.querySelector('.mark')!.textContent).toContain('Gmail');
    expect(root.querySelector('.card, [data-testid=banner-chip]')).toBeNull();
  });
});
