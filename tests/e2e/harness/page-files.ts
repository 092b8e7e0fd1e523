import { mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterEach } from 'vitest';
import { repoRoot } from './paths';

/** Files a test page writes: its downloads, and a picture of it when a step fails. */

/** Downloads from this page go to a fresh temporary folder, returned (Chromium only: CDP). */
export async function downloadsFolder(page: Page, name: string): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), `anteroom-${name}-`));
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: folder });
  return folder;
}

/**
 * The finished downloads in `folder` ending in `suffix`, once there is at least one (or the wait
 * ends). Chromium writes into `.crdownload` and Firefox into `.part` files (Firefox also leaves an
 * empty placeholder under the final name), so a file counts once it has bytes and no such partner.
 */
export async function finishedDownloads(folder: string, suffix: string, timeoutMs = 15_000, exclude: readonly string[] = []): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const names = readdirSync(folder);
    const busy = names.some((name) => name.endsWith('.part') || name.endsWith('.crdownload'));
    const files = names.filter((file) => file.endsWith(suffix) && !exclude.includes(file) && statSync(join(folder, file)).size > 0);
    if ((files.length > 0 && !busy) || Date.now() > deadline) return files.map((file) => join(folder, file));
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Registers an afterEach that saves a full-page picture of a failed step in the git-ignored .e2e-artifacts. */
export function screenshotFailures(prefix: string, page: () => Page | undefined): void {
  afterEach(async (context) => {
    const current = page();
    if (context.task.result?.state !== 'fail' || !current) return;
    const dir = join(repoRoot, '.e2e-artifacts');
    mkdirSync(dir, { recursive: true });
    await current.screenshot({ path: join(dir, `${prefix}-${context.task.name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => {});
  });
}
