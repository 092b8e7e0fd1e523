// Shared pieces of the benchmark: browsers, fixture serving, statistics, the results table.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer';
import { CHROMIUM_ISOLATION_ARGS, chromiumPath } from '../tools/browsers.mjs';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const outDir = `${root}${process.env.ANTEROOM_OUT_DIR ?? '.output'}`;
export { chromiumPath };

/** Chromium with or without the production build, launched the same way otherwise. */
export async function launch({ withExtension, extensionDir, extraArgs = [] }) {
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    pipe: true,
    args: [...CHROMIUM_ISOLATION_ARGS, ...extraArgs],
    ...(withExtension ? { enableExtensions: [extensionDir ?? `${outDir}/chrome-mv3`] } : {}),
  });
  let extensionId;
  if (withExtension && !extensionDir) {
    // Installing opens welcome.html (the first run); a tab behind it never paints headless.
    const welcome = await browser.waitForTarget((t) => t.type() === 'page' && t.url().endsWith('/welcome.html'), { timeout: 5000 }).catch(() => undefined);
    await (await welcome?.page())?.close();
    const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'));
    extensionId = new URL(worker.url()).host;
  }
  return { browser, extensionId };
}

/** Serves one fixture file for every https document request; nothing leaves the machine. */
export async function serveFixture(page, file) {
  const body = readFileSync(`${root}tests/fixtures/pages/${file}`);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('https://')) {
      if (url.endsWith('/favicon.ico')) return request.respond({ status: 204, body: '' });
      return request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
    }
    return request.continue();
  });
}

export function requireBuild() {
  if (!existsSync(`${outDir}/chrome-mv3/manifest.json`)) throw new Error('No build found: run `npm run build` first.');
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/**
 * With BENCH_PROFILE=1, runs `work` under the V8 sampling profiler of the extension's service
 * worker and prints the functions that took the most time of their own, the ones whose calls
 * (callees included) took the most, and a timeline of busy against idle: where a budget goes,
 * and how much of it the worker spent waiting (IndexedDB, messaging) rather than computing.
 * A build made with ANTEROOM_NO_MINIFY=1 gives readable names. Without it, just runs `work`.
 */
export async function profiledInWorker(browser, extensionId, label, work) {
  if (!process.env.BENCH_PROFILE) return work();
  const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`));
  const cdp = await worker.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  printProfile(label, profile);
  return result;
}

function printProfile(label, profile) {
  const total = profile.endTime - profile.startTime;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nameOf = (node) => {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    return `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1}`;
  };
  /** Every distinct function on a node's stack, once each (recursion counted once). */
  const stacks = new Map();
  const stackOf = (id) => {
    if (!stacks.has(id)) {
      const names = new Set();
      for (let at = id; at !== undefined; at = parent.get(at)) names.add(nameOf(byId.get(at)));
      stacks.set(id, names);
    }
    return stacks.get(id);
  };
  const selfMs = new Map();
  const totalMs = new Map();
  const slices = 20;
  const timeline = Array.from({ length: slices }, () => ({ busy: 0, idle: 0 }));
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index + 1] ?? profile.timeDeltas[index] ?? 0) / 1000;
    at += profile.timeDeltas[index] ?? 0;
    const name = nameOf(byId.get(id));
    selfMs.set(name, (selfMs.get(name) ?? 0) + ms);
    for (const each of stackOf(id)) totalMs.set(each, (totalMs.get(each) ?? 0) + ms);
    const slice = timeline[Math.min(slices - 1, Math.floor(((at - profile.startTime) / total) * slices))];
    slice[byId.get(id).callFrame.functionName === '(idle)' ? 'idle' : 'busy'] += ms;
  });
  const top = (map, n) => [...map].filter(([name]) => !name.startsWith('(root)')).sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log(`\nprofile: ${label} (${(total / 1000).toFixed(0)} ms sampled in the service worker), top self time:`);
  for (const [name, ms] of top(selfMs, 20)) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${name}`);
  console.log(`top total time (callees included):`);
  for (const [name, ms] of top(totalMs, 25)) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${name}`);
  const bar = timeline.map(({ busy, idle }) => (busy + idle === 0 ? ' ' : busy >= idle ? '#' : busy * 4 >= idle ? '+' : '.')).join('');
  console.log(`busy (#), partly (+), idle (.) over ${slices} slices: [${bar}]`);
}
