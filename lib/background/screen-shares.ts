import { browser } from 'wxt/browser';
import { screenSharesItem } from '@/lib/storage/items/session';
import { withoutShare, withShare, type ShareMap, type ShareShown } from '@/lib/call/active-shares';
import { STILL_SHARING, isStillSharingAnswer } from '@/lib/in-page/wire';

/**
 * The background's record of which tabs are sharing the screen, so that unlocking the notes
 * while one is running asks first (lib/vault/service/handlers.ts). Kept in storage.session
 * (trusted contexts only): a Chrome service worker that restarts mid-share, or a Firefox event
 * page that unloads, must not forget it.
 *
 * A tab leaves the record when it closes, when its share ends, and when its page is gone: on a
 * navigation, and again before each unlock, the tab's own content script is asked whether it is
 * still sharing; a page that cannot answer (reloaded, navigated elsewhere) no longer holds the
 * share that was made in it, since a new document starts with no capture of its own.
 */

export const SCREEN_SHARES_KEY = screenSharesItem.name;
/** A page busy past this is counted as still sharing: asking once too often beats not asking. */
const ANSWER_WITHIN_MS = 1500;

export interface ScreenShares {
  started(tabId: number, platform: string): Promise<void>;
  stopped(tabId: number): Promise<void>;
  /** The shares running now, each checked with its tab, as the notes page names them. */
  running(): Promise<ShareShown[]>;
  /** Registers the tab listeners; call once, synchronously, when the background starts. */
  listen(): void;
}

type StillSharing = 'yes' | 'no' | 'no-answer';

/** Asks the tab's top frame; a tab with no content script of ours (or no page) rejects. */
async function askTab(tabId: number): Promise<StillSharing> {
  const answer = browser.tabs
    .sendMessage(tabId, STILL_SHARING, { frameId: 0 })
    .then((reply: unknown) => (isStillSharingAnswer(reply) && reply.sharing ? 'yes' : 'no') as StillSharing)
    .catch(() => 'no' as StillSharing);
  const late = new Promise<StillSharing>((resolve) => setTimeout(() => resolve('no-answer'), ANSWER_WITHIN_MS));
  return Promise.race([answer, late]);
}

/** Tabs the browser itself reports as sharing (Firefox: lib/background/firefox-sharing.ts). */
export type BrowserReportedShares = () => Promise<{ id?: number; title?: string; url?: string }[]>;

export function createScreenShares(
  ask: (tabId: number) => Promise<StillSharing> = askTab,
  reportedByBrowser: BrowserReportedShares = async () => [],
  platformNameOf: (url: string) => string | undefined = () => undefined,
): ScreenShares {
  // Changes run one at a time: two tabs reporting at once must not overwrite each other's entry.
  let tail: Promise<unknown> = Promise.resolve();
  const change = (update: (map: ShareMap) => ShareMap | Promise<ShareMap>): Promise<ShareMap> => {
    const run = tail.then(async () => {
      const before: ShareMap = await screenSharesItem.get();
      const after = await update(before);
      if (after !== before) await screenSharesItem.set(after);
      return after;
    });
    tail = run.catch(() => undefined);
    return run;
  };

  /** Drops the tabs whose page no longer says it is sharing. */
  const checked = (map: ShareMap, only?: number) =>
    change(async (current) => {
      let next = current;
      const tabIds = Object.values(map)
        .map((s) => s.tabId)
        .filter((id) => only === undefined || id === only);
      const answers = await Promise.all(tabIds.map(async (id) => [id, await ask(id)] as const));
      for (const [id, answer] of answers) if (answer === 'no') next = withoutShare(next, id);
      return next;
    });

  return {
    started: async (tabId, platform) => void (await change((map) => withShare(map, { tabId, platform, since: Date.now() }))),
    stopped: async (tabId) => void (await change((map) => withoutShare(map, tabId))),
    async running() {
      const map = await checked(await change((map) => map));
      const fromProbe = await Promise.all(
        Object.values(map).map(async (share) => {
          const tab = await browser.tabs.get(share.tabId).catch(() => undefined);
          return { title: tab?.title ?? '', platform: share.platform };
        }),
      );
      // The browser's own report, where there is one, for tabs the probe did not see (a page
      // that went around it, or a site without our scripts).
      const fromBrowser = (await reportedByBrowser().catch(() => []))
        .filter((tab) => tab.id === undefined || !(tab.id in map))
        .map((tab) => ({ title: tab.title ?? '', platform: (tab.url && platformNameOf(tab.url)) || 'a site Anteroom does not watch' }));
      return [...fromProbe, ...fromBrowser];
    },
    listen() {
      browser.tabs.onRemoved.addListener((tabId) => void change((map) => withoutShare(map, tabId)));
      // A navigation (a reload, another page) ends the old page's capture; a route change inside
      // a call page (also reported as a URL change) does not, and its script still says "yes".
      browser.tabs.onUpdated.addListener((tabId, change_) => {
        if (change_.status === 'complete') void change((map) => map).then((map) => (tabId in map ? checked(map, tabId) : map));
      });
    },
  };
}
