// Issue 7's budget: what the call probe and in-call companion cost during a call. The same
// 30 s loopback call (two peer connections, fake camera and microphone) runs with and without
// the extension in the same run; we compare the page's main-thread script and task time.
import { launch, serveFixture } from '../lib.mjs';

const CALL_SECONDS = Number(process.env.BENCH_CALL_SECONDS ?? 30);
const MEDIA_ARGS = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--disable-features=WebRtcHideLocalIpsWithMdns'];

async function callCost(withExtension) {
  const { browser } = await launch({ withExtension, extraArgs: MEDIA_ARGS });
  try {
    const page = await browser.newPage();
    await page.bringToFront();
    await serveFixture(page, 'call-loopback.html');
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    await page.goto('https://meet.google.com/abc-defg-hij', { waitUntil: 'load' });
    await page.click('#start');
    await page.waitForFunction(() => document.body.dataset.call === 'started', { timeout: 20_000 });
    const read = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const before = await read();
    await new Promise((r) => setTimeout(r, CALL_SECONDS * 1000));
    const after = await read();
    if (withExtension && !(await page.$('anteroom-call'))) throw new Error('the in-call indicator never appeared');
    return {
      scriptMs: (after.ScriptDuration - before.ScriptDuration) * 1000,
      taskMs: (after.TaskDuration - before.TaskDuration) * 1000,
    };
  } finally {
    await browser.close();
  }
}

export async function run() {
  const without = await callCost(false);
  const withExt = await callCost(true);
  const perMinute = (ms) => (ms * 60) / CALL_SECONDS;
  return [
    { name: `call page main-thread tasks, no extension (${CALL_SECONDS} s call)`, value: without.taskMs, unit: 'ms' },
    { name: `call page main-thread tasks, with Anteroom (${CALL_SECONDS} s call)`, value: withExt.taskMs, unit: 'ms' },
    // 1 % of one core: 600 ms of main-thread work per minute of call.
    { name: 'call probe: added main-thread time per minute of call', value: perMinute(Math.max(0, withExt.taskMs - without.taskMs)), unit: 'ms', budget: 600 },
    { name: 'call probe: added script time per minute of call', value: perMinute(Math.max(0, withExt.scriptMs - without.scriptMs)), unit: 'ms' },
  ];
}
