// Issue 5's budget: the popup's time to interactive, from navigation start to the checklist
// rendering with its stored state and settings ([data-testid=checklist][data-loaded=true]),
// read with performance.now() in the page by a MutationObserver installed before any page script
// runs. popup.html is opened as a tab, which is how a test can open it; a real popup navigates to
// the same document the same way.
//
// Baseline, in the same browser and run: a second, throwaway extension whose page is a few bytes
// of static HTML with no script, timed to its load event: what any extension page costs to
// navigate to, commit and load in a tab, the floor under our popup. (A blank page inside our own
// build would be closer still, but would need an extra entrypoint.) Its one-line service worker
// listens to tab updates, as Anteroom's does, so both extension processes live alike.
//
// Cold: the first open after the browser starts. The install opens the options page, which would
// leave the shared chunks compiled in the extension process, so both service workers are stopped
// (which ends their processes) and woken again by a tab update, as after a real browser start:
// a new extension process that has run only its service worker. Warm: the median of the next
// 10 opens, alternating with the baseline, each in a new tab that is closed afterwards.
/* global performance, MutationObserver */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { launch, median } from '../lib.mjs';

const WARM_OPENS = 10;

function blankExtension() {
  const dir = mkdtempSync(`${tmpdir()}/anteroom-bench-blank-`);
  writeFileSync(`${dir}/manifest.json`, JSON.stringify({
    manifest_version: 3, name: 'blank baseline', version: '1',
    action: { default_popup: 'blank.html' },
    background: { service_worker: 'sw.js' },
  }));
  writeFileSync(`${dir}/sw.js`, 'chrome.tabs.onUpdated.addListener(() => {});');
  writeFileSync(`${dir}/blank.html`, '<!doctype html><html lang="en"><meta charset="utf-8"><title>blank</title><p>blank</p></html>');
  return dir;
}

/** Runs before any script of the page: notes when the checklist says it has loaded. */
function watchForChecklist() {
  const seen = () => {
    if (globalThis.__ready === undefined && document.querySelector('[data-testid=checklist][data-loaded=true]')) {
      globalThis.__ready = performance.now();
    }
  };
  new MutationObserver(seen).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-loaded'] });
}

/** Opens `url` in a new tab and returns ms from navigation start to ready (popup) or load (blank). */
async function open(browser, url, { popup }) {
  const page = await browser.newPage();
  try {
    if (popup) await page.evaluateOnNewDocument(watchForChecklist);
    await page.goto(url, { waitUntil: 'load' });
    if (popup) {
      await page.waitForFunction(() => globalThis.__ready !== undefined, { timeout: 10_000 });
      return await page.evaluate(() => globalThis.__ready);
    }
    return await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventStart);
  } finally {
    await page.close();
  }
}

export async function run() {
  const { browser, extensionId } = await launch({ withExtension: true });
  try {
    const blankId = await browser.installExtension(blankExtension());
    const workerOf = (id) => (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${id}/`);
    await browser.waitForTarget(workerOf(blankId), { timeout: 10_000 });
    const welcome = await browser.waitForTarget((t) => t.url().endsWith('/welcome.html'), { timeout: 5_000 }).catch(() => undefined);
    await (await welcome?.page())?.close();
    // Stop both service workers (their processes end with them), then let a tab update wake
    // them. This first tab also takes the browser's first-navigation costs, which neither page owns.
    for (const id of [extensionId, blankId]) await (await (await browser.waitForTarget(workerOf(id))).worker())?.close();
    const stopped = Date.now();
    while (browser.targets().some((t) => workerOf(extensionId)(t) || workerOf(blankId)(t))) {
      if (Date.now() - stopped > 10_000) throw new Error('the service workers did not stop');
      await new Promise((r) => setTimeout(r, 100));
    }
    const first = await browser.newPage();
    await first.goto('data:text/html,<p>warm-up</p>');
    await Promise.all([extensionId, blankId].map((id) => browser.waitForTarget(workerOf(id), { timeout: 10_000 })));
    await first.close();
    await new Promise((r) => setTimeout(r, 1000)); // let Anteroom's worker finish its start-up work
    const popupUrl = `chrome-extension://${extensionId}/popup.html`;
    const blankUrl = `chrome-extension://${blankId}/blank.html`;

    const popupCold = await open(browser, popupUrl, { popup: true });
    const blankCold = await open(browser, blankUrl, { popup: false });
    const popupWarm = [];
    const blankWarm = [];
    for (let i = 0; i < WARM_OPENS; i++) {
      popupWarm.push(await open(browser, popupUrl, { popup: true }));
      blankWarm.push(await open(browser, blankUrl, { popup: false }));
    }
    return [
      { name: 'popup cold: navigation start → checklist loaded', value: popupCold, unit: 'ms' },
      { name: 'blank extension page cold: navigation start → load', value: blankCold, unit: 'ms' },
      { name: 'popup cold: added over blank extension page', value: popupCold - blankCold, unit: 'ms' },
      { name: `popup warm: navigation start → checklist loaded (median of ${WARM_OPENS})`, value: median(popupWarm), unit: 'ms', budget: 150 },
      { name: `blank extension page warm: navigation start → load (median of ${WARM_OPENS})`, value: median(blankWarm), unit: 'ms' },
      { name: 'popup warm: added over blank extension page', value: median(popupWarm) - median(blankWarm), unit: 'ms' },
    ];
  } finally {
    await browser.close();
  }
}
