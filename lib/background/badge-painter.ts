import { browser, type Browser } from 'wxt/browser';
import { platforms } from '@/rules/index';
import { policies } from '@/rules/policies/index';
import { platformForUrl } from '@/lib/rules/match';
import { verdictFor } from '@/lib/rules/verdict';
import { badgeFor } from '@/lib/rules/badge';
import type { JurisdictionId } from '@/lib/rules/policy-schema';
import type { PlatformRule } from '@/lib/rules/schema';

/**
 * Paints the toolbar badge of each tab from its URL. Tab URLs are only visible to us on the
 * catalogue's hosts (host permissions, no "tabs" permission), so every other tab reads as
 * "unknown" and its badge is cleared, which is exactly what it should show.
 */
export function createBadgePainter(getJurisdiction: () => JurisdictionId, extraPlatforms: () => readonly PlatformRule[]) {
  async function paint(tabId: number, url: string | undefined): Promise<void> {
    const all = [...platforms, ...extraPlatforms()];
    const platform = url ? platformForUrl(url, all) : undefined;
    const verdict = platform ? verdictFor(platform, policies[getJurisdiction()]) : undefined;
    const badge = badgeFor(platform?.name, verdict);
    try {
      await Promise.all([
        browser.action.setBadgeText({ tabId, text: badge.text }),
        browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
        browser.action.setTitle({ tabId, title: badge.title }),
        browser.action.setBadgeTextColor?.({ tabId, color: '#ffffff' }),
      ]);
    } catch {
      // The tab closed while we were painting: nothing to show.
    }
  }

  async function paintAll(): Promise<void> {
    const tabs = await browser.tabs.query({});
    await Promise.all(tabs.map((tab: Browser.tabs.Tab) => (tab.id === undefined ? undefined : paint(tab.id, tab.url))));
  }

  return { paint, paintAll };
}
