import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { chromiumDriver, type Driver } from './harness/driver';
import { watchErrors } from './harness/errors';
import { repoRoot } from './harness/paths';

/**
 * The camera, lighting, microphone and speaker checks of preflight.html in Chromium, with a fake
 * camera that plays a picture we drew (tests/tools/make-y4m.mjs) and Chromium's fake microphone.
 */

const scratch = mkdtempSync(join(tmpdir(), 'anteroom-y4m-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function fakeCamera(scene: 'backlit' | 'lit'): string[] {
  const file = join(scratch, `${scene}.y4m`);
  if (!existsSync(file)) execFileSync(process.execPath, [join(repoRoot, 'tests/tools/make-y4m.mjs'), scene, file]);
  return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${file}`];
}

const storedResult = (page: Page) =>
  page.evaluate(async () => {
    // @ts-expect-error: the WebExtension global of an extension page.
    return (await chrome.storage.local.get('preflightResult')).preflightResult as Record<string, unknown> | undefined;
  });

async function startMedia(driver: Driver) {
  const page = await driver.extensionPage('preflight.html');
  const errors = watchErrors(page);
  await page.click('[data-testid=media-start]');
  return { page, errors };
}

describe.each([
  ['backlit', 'backlit', 'light in front of you, not behind'],
  ['lit', 'good', 'well lit'],
] as const)('the camera check with a %s picture (Chromium)', (scene, lighting, advice) => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await chromiumDriver(fakeCamera(scene));
  });
  afterAll(async () => {
    await driver?.close();
  });

  it(`says the lighting is ${lighting}, and saves only the verdict`, async () => {
    const { page, errors } = await startMedia(driver);
    const verdict = await page.waitForSelector(`[data-testid=lighting][data-lighting=${lighting}]`, { timeout: 15_000 });
    expect(await verdict!.evaluate((el) => el.textContent)).toContain(advice);
    await expect.poll(() => storedResult(page), { timeout: 10_000 }).toMatchObject({ lighting, camera: true });
    const result = await storedResult(page);
    expect(Object.keys(result ?? {}).sort()).toEqual(['at', 'camera', 'lighting', 'microphone']);
    expect(Date.now() - Date.parse(String(result?.at))).toBeLessThan(60_000);
    // Nothing but the agreed keys lands in storage: no frame, no sound, no device name.
    // (contractSync: the contract's "sync it?" choice, recorded when the page first reads the contract.)
    const keys = await page.evaluate(async () => {
      // @ts-expect-error: the WebExtension global of an extension page.
      return Object.keys(await chrome.storage.local.get(null));
    });
    expect(keys.filter((k: string) => !['preflightResult', 'networkHistory', 'contractSync'].includes(k))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the microphone working, and offers the fake microphones to choose from', async () => {
    const { page, errors } = await startMedia(driver);
    await page.waitForSelector('[data-testid=mic-status][data-heard=true]', { timeout: 15_000 });
    await expect.poll(() => storedResult(page), { timeout: 10_000 }).toMatchObject({ microphone: true });
    const microphones = await page.waitForSelector('select[name=microphone]', { timeout: 5000 });
    const options = await microphones!.evaluate((s) => [...(s as HTMLSelectElement).options].map((o) => o.value));
    expect(options.length).toBeGreaterThan(2);
    // Choosing another microphone restarts the check on it.
    await page.select('select[name=microphone]', options[2]!);
    await page.waitForSelector('[data-testid=mic-status][data-heard=true]', { timeout: 15_000 });
    await page.waitForSelector('[data-testid=lighting][data-lighting]:not([data-lighting=unknown])', { timeout: 15_000 });
    await page.click('[data-testid=media-stop]');
    await page.waitForSelector('[data-testid=media-start]');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('plays a test tone and asks whether it was heard', async () => {
    const page = await driver.extensionPage('preflight.html');
    const errors = watchErrors(page);
    await page.click('[data-testid=speaker-test]');
    await page.waitForSelector('[data-testid=speaker-status][data-phase=asking]', { timeout: 10_000 });
    const yes = await page.$$('[data-testid=speaker-status] button');
    await yes[0]!.click();
    await page.waitForSelector('[data-testid=speaker-status][data-phase=heard]');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the camera check when permission is refused (Chromium)', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await chromiumDriver(['--use-fake-device-for-media-stream', '--deny-permission-prompts']);
  });
  afterAll(async () => {
    await driver?.close();
  });

  it("gives Chrome's own steps to allow the camera, and records that it did not start", async () => {
    const { page, errors } = await startMedia(driver);
    const alert = await page.waitForSelector('[data-testid=media-error]', { timeout: 10_000 });
    expect(await alert!.evaluate((el) => el.getAttribute('data-error'))).toBe('NotAllowedError');
    const text = await alert!.evaluate((el) => el.textContent ?? '');
    expect(text).toContain('not allowed to use your camera');
    expect(text).toContain('right end of the address bar');
    expect(text).not.toContain('Blocked temporarily');
    await expect.poll(() => storedResult(page), { timeout: 5000 }).toMatchObject({ camera: false, microphone: false, lighting: 'unknown' });
    expect(errors).toEqual([]);
    await page.close();
  });
});

const axePath = join(repoRoot, 'node_modules/axe-core/axe.min.js');

describe.skipIf(!existsSync(axePath))('accessibility of preflight.html (Chromium, axe-core)', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await chromiumDriver(fakeCamera('backlit'));
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('has no serious or critical violations, with the camera on and a connection history shown', async () => {
    const { page } = await startMedia(driver);
    await page.waitForSelector('[data-testid=lighting][data-lighting=backlit]', { timeout: 15_000 });
    await page.evaluate(async () => {
      const at = (h: number) => new Date(2025, 2, 3, h, 10).toISOString();
      // @ts-expect-error: the WebExtension global of an extension page.
      await chrome.storage.local.set({
        networkHistory: [
          { at: at(9), downMbps: 24, upMbps: 6, latencyMs: 22, jitterMs: 3 },
          { at: at(13), downMbps: 9, upMbps: 1.4, latencyMs: 40, jitterMs: 9 },
          { at: at(20), downMbps: 3, upMbps: 0.4, latencyMs: 120, jitterMs: 35 },
        ],
      });
    });
    await page.waitForSelector('[data-testid=hour-chart][data-hours="3"]');
    await page.evaluate(readFileSync(axePath, 'utf8'));
    const violations = await page.evaluate(async () => {
      // @ts-expect-error: axe is the global that axe.min.js just defined.
      const results = await axe.run(document, { resultTypes: ['violations'] });
      return (results.violations as { id: string; impact: string; nodes: { target: string[] }[] }[]).map((v) => ({
        id: v.id,
        impact: v.impact,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.close();
  });
});
