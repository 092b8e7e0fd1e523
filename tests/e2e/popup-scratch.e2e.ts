import { it } from 'vitest';
import { chromiumDriver } from './harness/driver';
import { serveFixtures } from './harness/fixtures';

const variants: string[][] = [
  ['--autoplay-policy=no-user-gesture-required', '--disable-features=AudioServiceOutOfProcess'],
  ['--autoplay-policy=no-user-gesture-required', '--disable-audio-output'],
  ['--autoplay-policy=no-user-gesture-required', '--alsa-output-device=null'],
  ['--autoplay-policy=no-user-gesture-required', '--disable-features=AudioServiceSandbox,AudioServiceOutOfProcess', '--use-fake-device-for-media-stream'],
];
it.each(variants)('scratch %s %s', async (...args) => {
  const driver = await chromiumDriver(args as string[]);
  const audio = await driver.browser.newPage();
  await serveFixtures(audio, { 'www.radio.example': 'popup-audio.html' });
  await audio.goto('https://www.radio.example/');
  await audio.bringToFront();
  const popup = await driver.extensionPage('popup.html');
  await new Promise((r) => setTimeout(r, 3000));
  const out = await popup.evaluate(async () => {
    // @ts-expect-error x
    const api = globalThis.chrome;
    const tabs = await api.tabs.query({ audible: true });
    return tabs.length;
  });
  const paused = await audio.evaluate(() => { const a = document.getElementById('tone') as HTMLAudioElement; return { paused: a.paused, t: a.currentTime }; });
  console.log(args.join(' '), out, JSON.stringify(paused));
  await driver.close();
});
