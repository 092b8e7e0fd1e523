import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Contract } from '@/lib/contract/schema';
import platformCheck from '@/lib/checklist/checks/platform.verdict';
import speedCheck, { type SpeedResult } from '@/lib/checklist/checks/network.speed';
import lightingCheck from '@/lib/checklist/checks/room.lighting';
import audibleCheck from '@/lib/checklist/checks/interruptions.audible-tabs';
import otherTabsCheck from '@/lib/checklist/checks/interruptions.other-tabs';
import downloadsCheck from '@/lib/checklist/checks/interruptions.downloads';
import batteryCheck from '@/lib/checklist/checks/interruptions.battery';
import notesBackupCheck from '@/lib/checklist/checks/notes.backup';
import { LAST_BACKUP_KEY } from '@/lib/backup-habit/last-backup';
import { loadNetworkModule, type NetworkModule } from '@/lib/checklist/network-module';
import { PREFLIGHT_RESULT_KEY } from '@/lib/checklist/preflight-result';
import {
  muteTabs,
  openOwnPage,
  pauseDownloads,
  readBattery,
  readDownloads,
  readNotesBackup,
  readPreflight,
  readTabs,
  requestDownloadsPermission,
  sleepTabs,
} from '@/lib/checklist/probes';
import { censusOf, sessionTabOf, type TabCensus } from '@/lib/checklist/tabs';
import type { ActionId, CheckId, Evaluation } from '@/lib/checklist/types';
import { loadCallHistory } from '@/lib/call/history';
import type { PassiveReading } from '@/lib/network/passive';

type Evaluations = Partial<Record<CheckId, Evaluation>>;

export interface Measured {
  evaluations: Evaluations;
  /** The recognised platform of the session tab, for the run record. */
  platformId: string | null;
  /** Runs a button's action. Must be called straight from the click. */
  act: (action: ActionId) => void;
  busy: boolean;
}

/**
 * Runs the measured checks and keeps them current while the popup is open: tab changes, battery
 * events, downloads and a new preflight result re-evaluate the affected items. Each check
 * reports on its own, so a slow one never holds up the rest of the list.
 */
export function useMeasured(contract: Contract | undefined, speed: SpeedResult | undefined, onSpeed: (result: SpeedResult) => void): Measured {
  const [evaluations, setEvaluations] = useState<Evaluations>({});
  const [platformId, setPlatformId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const census = useRef<TabCensus>({ playing: [], otherTabs: 0, otherWindows: 0, sleepable: [] });
  const report = useCallback((found: Evaluations) => setEvaluations((previous) => ({ ...previous, ...found })), []);

  // Tabs: the session platform, sound from other tabs, other tabs. Needs the contract's
  // jurisdiction and custom platforms; the catalogue is loaded lazily, beside the first paint.
  const jurisdiction = contract?.jurisdiction;
  const customPlatforms = contract?.customPlatforms;
  const refreshTabs = useCallback(async () => {
    if (jurisdiction === undefined) return;
    try {
      const [snapshot, lookup] = await Promise.all([readTabs(), import('@/lib/checklist/platform-lookup')]);
      const sessionTab = sessionTabOf(snapshot.windowTabs, snapshot.selfTabId, snapshot.extensionOrigin);
      const found = lookup.platformInputFor(sessionTab?.url, { jurisdiction, customPlatforms });
      const counted = censusOf(snapshot.allTabs, {
        extensionOrigin: snapshot.extensionOrigin,
        ...(snapshot.selfTabId !== undefined ? { selfTabId: snapshot.selfTabId } : {}),
        ...(found.platformId !== null && sessionTab?.id !== undefined ? { sessionTabId: sessionTab.id } : {}),
        ...(snapshot.windowId !== undefined ? { windowId: snapshot.windowId } : {}),
      });
      census.current = counted;
      setPlatformId(found.platformId);
      report({
        'platform.verdict': platformCheck.evaluate(found.input),
        'interruptions.audible-tabs': audibleCheck.evaluate({ playing: counted.playing.length }),
        'interruptions.other-tabs': otherTabsCheck.evaluate({ otherTabs: counted.otherTabs, otherWindows: counted.otherWindows, sleepable: counted.sleepable.length }),
      });
    } catch {
      const unknown: Evaluation = { status: 'unknown', detail: 'Anteroom could not read your tabs just now.' };
      report({ 'platform.verdict': unknown, 'interruptions.audible-tabs': unknown, 'interruptions.other-tabs': unknown });
    }
  }, [jurisdiction, customPlatforms, report]);

  useEffect(() => {
    void refreshTabs();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void refreshTabs(), 120);
    };
    const onUpdated = (_id: number, change: { audible?: boolean; mutedInfo?: unknown; discarded?: boolean; url?: string; status?: string }) => {
      if (change.audible !== undefined || change.mutedInfo !== undefined || change.discarded !== undefined || change.url !== undefined || change.status === 'complete') soon();
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onActivated.addListener(soon);
    browser.tabs.onCreated.addListener(soon);
    browser.tabs.onRemoved.addListener(soon);
    return () => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onActivated.removeListener(soon);
      browser.tabs.onCreated.removeListener(soon);
      browser.tabs.onRemoved.removeListener(soon);
    };
  }, [refreshTabs]);

  // Battery, where the browser reports it; elsewhere the item becomes a question.
  useEffect(() => {
    let manager: EventTarget | undefined;
    const update = () => void readBattery().then(({ input }) => report({ 'interruptions.battery': batteryCheck.evaluate(input) }));
    void readBattery().then((read) => {
      report({ 'interruptions.battery': batteryCheck.evaluate(read.input) });
      manager = read.manager;
      manager?.addEventListener('chargingchange', update);
      manager?.addEventListener('levelchange', update);
    });
    return () => {
      manager?.removeEventListener('chargingchange', update);
      manager?.removeEventListener('levelchange', update);
    };
  }, [report]);

  // Downloads: only with the optional permission, which a click asks for.
  const [watchDownloads, setWatchDownloads] = useState(false);
  const refreshDownloads = useCallback(async () => {
    const input = await readDownloads().catch(() => ({ permitted: false }) as const);
    report({ 'interruptions.downloads': downloadsCheck.evaluate(input) });
    setWatchDownloads(input.permitted);
  }, [report]);
  useEffect(() => {
    void refreshDownloads();
  }, [refreshDownloads]);
  useEffect(() => {
    if (!watchDownloads || !browser.downloads) return;
    const events = [browser.downloads.onCreated, browser.downloads.onChanged, browser.downloads.onErased];
    const onChanged = () => void refreshDownloads();
    for (const event of events) event.addListener(onChanged);
    return () => {
      for (const event of events) event.removeListener(onChanged);
    };
  }, [watchDownloads, refreshDownloads]);

  // Lighting: today's preflight result, also when it lands while the popup is open.
  useEffect(() => {
    const update = () =>
      void readPreflight()
        .catch(() => undefined)
        .then((stored) => report({ 'room.lighting': lightingCheck.evaluate({ now: new Date(), stored }) }));
    update();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && PREFLIGHT_RESULT_KEY in changes) update();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [report]);

  // The notes' last backup against the therapist's interval; again when a backup is recorded.
  const backupIntervalDays = contract?.backupIntervalDays;
  useEffect(() => {
    if (backupIntervalDays === undefined) return;
    const update = () =>
      void readNotesBackup().then((found) =>
        report({ 'notes.backup': notesBackupCheck.evaluate({ ...found, now: Date.now(), intervalDays: backupIntervalDays }) }),
      );
    update();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && LAST_BACKUP_KEY in changes) update();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [backupIntervalDays, report]);

  // Connection speed, before any test: the browser's estimate and past calls, with no request.
  const [passive, setPassive] = useState<PassiveReading | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void Promise.all([import('@/lib/network/passive'), loadCallHistory().catch(() => [])]).then(([estimate, calls]) => {
      if (!live) return;
      const connection = (navigator as Navigator & { connection?: unknown }).connection;
      setPassive(estimate.passiveEstimate({ browser: estimate.browserEstimateFrom(connection), calls, now: new Date() }));
    });
    return () => {
      live = false;
    };
  }, []);

  // Connection speed: the test module loads after the first paint; the engine only on a click.
  const setting = contract?.networkTestEndpoint;
  const [network, setNetwork] = useState<NetworkModule | null | undefined>(undefined);
  const [permitted, setPermitted] = useState(false);
  const [phase, setPhase] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (setting === undefined) return;
    let live = true;
    void loadNetworkModule().then(async (loaded) => {
      const allowed = loaded ? await loaded.hasEndpointPermission(setting) : false;
      if (!live) return;
      setNetwork(loaded ?? null);
      setPermitted(allowed);
    });
    return () => {
      live = false;
    };
  }, [setting]);
  const speedEvaluation = useMemo<Evaluation | undefined>(() => {
    if (setting === undefined || network === undefined) return undefined;
    const known = passive ? { passive } : {};
    if (network === null) return speedCheck.evaluate({ available: false, ...known });
    const target = network.testEndpointFor(setting);
    return speedCheck.evaluate({ available: true, target, permitted, ...known, ...(phase !== undefined ? { running: phase } : {}), ...(speed ? { result: speed } : {}) });
  }, [setting, network, permitted, phase, speed, passive]);

  const track = (work: Promise<unknown>) => {
    setBusy(true);
    void work.catch(() => undefined).finally(() => setBusy(false));
  };

  const act = (action: ActionId) => {
    switch (action) {
      case 'check-downloads': {
        const asking = requestDownloadsPermission(); // first: the prompt needs this click
        track(asking.then(() => refreshDownloads()));
        return;
      }
      case 'pause-downloads':
        track(pauseDownloads().then(() => refreshDownloads()));
        return;
      case 'mute-tabs':
        track(muteTabs(census.current.playing).then(refreshTabs));
        return;
      case 'sleep-tabs':
        track(sleepTabs(census.current.sleepable).then(refreshTabs));
        return;
      case 'open-preflight':
        track(openOwnPage('/preflight.html'));
        return;
      case 'open-notes':
        track(openOwnPage('/notes.html'));
        return;
      case 'open-options':
        track(openOwnPage('/options.html', '#anteroom-settings'));
        return;
      case 'test-connection': {
        if (!network || setting === undefined || !contract) return;
        const asking = network.ensureEndpointPermission(setting); // first: the prompt needs this click
        const target = network.testEndpointFor(setting);
        const host = target.ok ? target.endpoint.host : '';
        const plan = { backupPlatform: contract.backupPlatform, connectionPlan: contract.disruptionPlans.connection };
        track(
          asking
            .then(async (allowed) => {
              setPermitted(allowed);
              if (!allowed) {
                onSpeed({ ok: false, error: `Anteroom was not allowed to contact ${host}.` });
                return;
              }
              setPhase('starting');
              const measured = await network.measureConnection(setting, { onProgress: setPhase });
              onSpeed(measured.ok ? { ...measured, ...network.speedVerdict(measured, plan) } : measured);
            })
            .catch(() => onSpeed({ ok: false, error: 'It stopped unexpectedly; try again.' }))
            .finally(() => setPhase(undefined)),
        );
        return;
      }
    }
  };

  const all = useMemo(() => (speedEvaluation ? { ...evaluations, 'network.speed': speedEvaluation } : evaluations), [evaluations, speedEvaluation]);
  return { evaluations: all, platformId, act, busy };
}
