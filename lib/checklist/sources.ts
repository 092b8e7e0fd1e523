import { loadCallHistory } from '@/lib/call/history';
import type { PassiveReading } from '@/lib/network/passive';
import type { PlatformInput } from './checks/platform.verdict';
import { loadNetworkModule, type NetworkModule } from './network-module';
import type { Source } from './probe-context';
import { readTabs, watchTabs } from './probes';
import { censusOf, sessionTabOf, type TabCensus } from './tabs';

/** Readings that more than one check, or a check and its button, share. */

export interface TabsFinding {
  /** The recognised platform of the session tab, for the run record. */
  platformId: string | null;
  platform: PlatformInput;
  census: TabCensus;
}

export const UNREADABLE_TABS = 'Anteroom could not read your tabs just now.';

/**
 * The tab strip: the session platform, sound from other tabs, other tabs. Needs the contract's
 * jurisdiction and custom platforms; the catalogue loads lazily, beside the first paint.
 */
export const tabsSource: Source<TabsFinding> = {
  async read({ contract }) {
    const [snapshot, lookup] = await Promise.all([readTabs(), import('./platform-lookup')]);
    const sessionTab = sessionTabOf(snapshot.windowTabs, snapshot.selfTabId, snapshot.extensionOrigin);
    const found = lookup.platformInputFor(sessionTab?.url, { jurisdiction: contract.jurisdiction, customPlatforms: contract.customPlatforms });
    const census = censusOf(snapshot.allTabs, {
      extensionOrigin: snapshot.extensionOrigin,
      ...(snapshot.selfTabId !== undefined ? { selfTabId: snapshot.selfTabId } : {}),
      ...(found.platformId !== null && sessionTab?.id !== undefined ? { sessionTabId: sessionTab.id } : {}),
      ...(snapshot.windowId !== undefined ? { windowId: snapshot.windowId } : {}),
    });
    return { platformId: found.platformId, platform: found.input, census };
  },
  watch: watchTabs,
};

/** The connection test's module (null when this build lacks it), loaded once, after the first paint. */
export const networkSource: Source<NetworkModule | null> = {
  read: async () => (await loadNetworkModule()) ?? null,
};

/** What is known of the connection without a request: the browser's estimate and past calls. */
export const passiveSource: Source<PassiveReading> = {
  async read() {
    const [estimate, calls] = await Promise.all([import('@/lib/network/passive'), loadCallHistory().catch(() => [])]);
    const connection = (navigator as Navigator & { connection?: unknown }).connection;
    return estimate.passiveEstimate({ browser: estimate.browserEstimateFrom(connection), calls, now: new Date() });
  },
};
