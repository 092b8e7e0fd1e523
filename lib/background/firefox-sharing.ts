import { browser, type Browser } from 'wxt/browser';

/**
 * Firefox's own word on which tabs share the screen: tabs.Tab.sharingState and the `screen`
 * filter of tabs.query (MDN, tabs.Tab and tabs.query; Firefox-only, checked 2026-12-04). It
 * comes from the browser's capture indicator, not from the page, so no page script can hide it
 * or fake its end. Chrome has no such API; there only the call probe's news counts.
 */

/** The tabs sharing a screen, a window or an application right now; none where the API is missing. */
export async function tabsSharingScreen(): Promise<Browser.tabs.Tab[]> {
  try {
    return await browser.tabs.query({ screen: true } as Browser.tabs.QueryInfo);
  } catch {
    return [];
  }
}

interface SharingChange {
  sharingState?: { screen?: string };
}

/** Calls `started` when Firefox says a tab began sharing the screen and `stopped` when it ended. */
export function watchFirefoxSharing(started: (tab: Browser.tabs.Tab) => void, stopped: (tabId: number) => void): void {
  const onUpdated = (tabId: number, change: object, tab: Browser.tabs.Tab) => {
    const state = (change as SharingChange).sharingState;
    if (!state) return;
    if (state.screen) started(tab);
    else stopped(tabId);
  };
  try {
    // The filter keeps this listener from waking the background for every other tab update.
    (browser.tabs.onUpdated.addListener as (listener: typeof onUpdated, filter: object) => void)(onUpdated, { properties: ['sharingState'] });
  } catch {
    // A browser without the sharingState filter: the probe's news is all there is.
  }
}
