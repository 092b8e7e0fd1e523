// Issue 3's budget: what our content script adds to a call page's load, measured as the
// renderer's script time (CDP Performance.getMetrics ScriptDuration) with and without the
// extension in the same run, on the same fixture page at a catalogue host.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { launch, median, outDir, serveFixture } from '../lib.mjs';

const URL_UNDER_TEST = process.env.BENCH_URL ?? 'https://meet.google.com/abc-defg-hij';
const LOADS = Number(process.env.BENCH_LOADS ?? 30);

/** A second baseline: an extension whose content script is one line, on the same host. */
function oneLineExtension() {
  const dir = mkdtempSync(`${tmpdir()}/anteroom-bench-`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/manifest.json`, JSON.stringify({
    manifest_version: 3, name: 'baseline', version: '1',
    content_scripts: [{ matches: ['https://meet.google.com/*'], js: ['c.js'], run_at: 'document_idle' }],
  }));
  writeFileSync(`${dir}/c.js`, "document.documentElement.dataset.baseline = '1';");
  return dir;
}

/**
 * Waits for our banner through the DevTools DOM domain, which runs no script in the page:
 * puppeteer's waitForSelector would poll with its own scripts in the page, and their time
 * would be counted as ours (the baselines never wait for a banner).
 */
async function waitForBannerWithoutScript(cdp) {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    const { root } = await cdp.send('DOM.getDocument', { depth: 1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'anteroom-banner[data-verdict]' });
    if (nodeId) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the banner did not appear within 10 s');
}

/** One page load in `browser`: the renderer's script time until our banner shows (or not). */
async function scriptMsOfOneLoad(browser, waitForBanner) {
  const page = await browser.newPage();
  try {
    await serveFixture(page, 'video-call.html');
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    await page.goto(URL_UNDER_TEST, { waitUntil: 'load' });
    if (waitForBanner) await waitForBannerWithoutScript(cdp);
    // The same settling time for every variant: work a script leaves for later is counted too.
    await new Promise((r) => setTimeout(r, 150));
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  } finally {
    await page.close();
  }
}

/**
 * The three variants take turns, one load each per round, so a slow spell of the machine falls
 * on all of them alike instead of on whichever ran last. The first two rounds warm caches.
 */
async function interleavedLoads(variants) {
  const browsers = [];
  try {
    for (const variant of variants) browsers.push((await launch(variant.launch)).browser);
    const samples = variants.map(() => []);
    for (let round = 0; round < LOADS + 2; round++) {
      for (const [i, variant] of variants.entries()) {
        const ms = await scriptMsOfOneLoad(browsers[i], variant.waitForBanner);
        if (round >= 2) samples[i].push(ms);
      }
    }
    return samples;
  } finally {
    await Promise.all(browsers.map((b) => b.close()));
  }
}

export async function run() {
  const [without, oneLine, withExt] = await interleavedLoads([
    { launch: { withExtension: false }, waitForBanner: false },
    { launch: { withExtension: true, extensionDir: oneLineExtension() }, waitForBanner: false },
    { launch: { withExtension: true }, waitForBanner: !process.env.BENCH_URL },
  ]);
  const added = median(withExt) - median(without);
  const rows = [
    { name: 'page script time, no extension (median)', value: median(without), unit: 'ms' },
    { name: 'page script time, one-line content script (median)', value: median(oneLine), unit: 'ms' },
    { name: 'page script time, with Anteroom (median)', value: median(withExt), unit: 'ms' },
    { name: 'content script: added script time per page load', value: added, unit: 'ms', budget: 2 },
  ];
  for (const script of ['in-page-platform', 'in-page-webmail', 'in-page-call-probe']) {
    const bytes = gzipSync(readFileSync(`${outDir}/chrome-mv3/${script}.js`)).length;
    rows.push({ name: `content script ${script}.js (gzip)`, value: bytes / 1024, unit: 'KB', budget: 15 });
  }
  return rows;
}
