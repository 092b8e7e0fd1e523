import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { loadContract, watchContract, type LoadedContract } from '@/lib/contract/storage-item';
import { createBadgePainter } from '@/lib/background/badge-painter';
import { syncCustomContentScripts } from '@/lib/background/custom-scripts';
import { readCustomPlatforms, toPlatformRule, type CustomPlatform } from '@/lib/rules/custom-platform';
import type { JurisdictionId } from '@/lib/rules/policy-schema';
import { DISMISSALS_KEY } from '@/lib/rules/banner-prefs';
import { BANNER_REFRESH } from '@/lib/in-page/wire';
import type { RenderedTemplate } from '@/lib/rules/banner-model';
import { renderTemplateById, templateIds } from '@/lib/contract/templates';
import type { PlatformRule } from '@/lib/rules/schema';
import { createAutoBackup } from '@/lib/background/auto-backup';
import { exportBackupIfUnlocked, lockVault, saveSessionIfUnlocked, startVaultService, watchVaultClients } from '@/lib/vault/service/vault-service';
import { inPageDomain } from '@/lib/background/in-page-domain';
import { createScreenShares } from '@/lib/background/screen-shares';
import { tabsSharingScreen, watchFirefoxSharing } from '@/lib/background/firefox-sharing';
import { sessionClientDomain } from '@/lib/background/session-client-handler';
import { createBus } from '@/lib/background/bus';
import { listenOnWorker } from '@/lib/background/worker-listener';
import { listen } from '@/lib/bus/listen';
import { createSessionRecorder } from '@/lib/background/session-recorder';
import { platformForUrl } from '@/lib/rules/match';
import { platforms } from '@/rules/index';
import { startReminders } from '@/lib/background/reminders';
import type { Contract } from '@/lib/contract/schema';

// The background only wires browser events to lib/; each concern lives in its own module.
export default defineBackground(() => {
  // Which tabs share the screen: the notes lock when one starts, and unlocking meanwhile asks first.
  const platformNameOf = (url: string) => platformForUrl(url, [...customRules, ...platforms])?.name;
  const screenShares = import.meta.env.FIREFOX ? createScreenShares(undefined, tabsSharingScreen, platformNameOf) : createScreenShares();
  screenShares.listen();
  const vault = startVaultService({ runningShares: () => screenShares.running() });
  // Firefox also says itself when a tab starts sharing, whatever the page's scripts do.
  if (import.meta.env.FIREFOX) {
    watchFirefoxSharing(
      (tab) => {
        if (tab.id === undefined) return;
        void screenShares.started(tab.id, (tab.url && platformNameOf(tab.url)) || 'a site Anteroom does not watch').then(() => lockVault('screen-share'));
      },
      (tabId) => void screenShares.stopped(tabId),
    );
  }
  // A call's record joins the chosen client's sessions; what waited for an unlock goes in then.
  const sessions = createSessionRecorder({ saveIfUnlocked: saveSessionIfUnlocked });
  watchVaultClients(async () => {
    await sessions.flush();
  });
  const reminders = startReminders();
  // The optional automatic backup; one that fell due while the notes were locked is made at the unlock.
  const autoBackup = createAutoBackup({ exportIfUnlocked: exportBackupIfUnlocked });
  autoBackup.listen();
  watchVaultClients(async () => {
    void autoBackup.run();
  });
  let jurisdiction: JurisdictionId = 'other';
  let dismissHours = 24;
  let templates: RenderedTemplate[] = [];
  let contract: Contract | undefined;
  let customs: CustomPlatform[] = [];
  let customRules: PlatformRule[] = [];
  const badges = createBadgePainter(() => jurisdiction, () => customRules);

  // On first install, open the first run in a tab: the few settings every other feature reads
  // (jurisdiction, session length, the disruption plan), the notes vault and pinning the icon.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });

  // Tells one tab's banner script to ask again (a tab without one simply refuses the message).
  const refreshBanner = (tabId: number) => browser.tabs.sendMessage(tabId, BANNER_REFRESH, { frameId: 0 }).catch(() => undefined);

  // A URL change (including an SPA route change, which browsers report as a URL update) or a
  // finished load repaints that tab's badge. A URL change also tells the page's banner to ask
  // again: the content script keeps no route watcher of its own, which every page load would pay
  // for (npm run bench). Only on hosts we may see (catalogue and granted custom hosts) does the
  // browser report the URL at all, and only there do our content scripts run.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'complete') void badges.paint(tabId, tab.url);
    if (change.url !== undefined) void refreshBanner(tabId);
  });

  // Every tab's banner, after the settings or the dismissals changed.
  const refreshBanners = async () => {
    const tabs = await browser.tabs.query({});
    await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : refreshBanner(tab.id))));
  };
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && DISMISSALS_KEY in changes) void refreshBanners();
  });

  const apply = async (loaded: LoadedContract) => {
    contract = loaded.value;
    jurisdiction = loaded.value.jurisdiction;
    dismissHours = loaded.value.bannerDismissHours;
    templates = templateIds.map((id) => ({ id, ...renderTemplateById(id, loaded.value) }));
    customs = readCustomPlatforms(loaded.value.customPlatforms);
    customRules = customs.map(toPlatformRule);
    await syncCustomContentScripts(customs).catch(() => undefined);
    await badges.paintAll();
    await refreshBanners();
  };
  // Settings arrive asynchronously; a content script that asks first waits for them.
  const settingsReady = loadContract().then(apply);

  // The in-page scripts' requests (the banner, the in-call companion) wait for the settings.
  const inPage = inPageDomain({
    banner: () => ({ jurisdiction, dismissHours, customRules, templates }),
    call: {
      contract: () => contract,
      lock: lockVault,
      platformOf: (url) => platformForUrl(url, [...customRules, ...platforms])?.id,
      platformNameOf,
      shares: screenShares,
      callEnded: (call) => sessions.callEnded(call),
    },
    ready: settingsReady,
  });
  // The message router: one table of operations, each checking its sender and payload first.
  const bus = createBus([vault, reminders, sessionClientDomain(), autoBackup.messages, inPage]);
  listen((message: unknown, sender) => bus(message, sender));
  // Backup files, from our pages in Chrome: cloned once instead of turned into JSON.
  listenOnWorker(bus);

  watchContract((loaded) => void apply(loaded));
  // The therapist can also revoke a site in the browser's own settings.
  const resyncCustomScripts = () => void syncCustomContentScripts(customs).catch(() => undefined);
  browser.permissions.onRemoved.addListener(resyncCustomScripts);
  browser.permissions.onAdded.addListener(resyncCustomScripts);
});
