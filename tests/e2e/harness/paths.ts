import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const outDir = process.env.ANTEROOM_OUT_DIR ? resolve(repoRoot, process.env.ANTEROOM_OUT_DIR) : `${repoRoot}.output`;
export const chromeBuild = `${outDir}/chrome-mv3`;
export const firefoxBuild = `${outDir}/firefox-mv3`;
export const fixturesDir = `${repoRoot}tests/fixtures`;

/** The browsers the tests drive: Debian's packages unless the environment names others. */
export { chromiumPath, firefoxPath } from '../../tools/browsers.mjs';

/** Fails with the exact fix instead of an obscure launch error. */
export function requireFile(path: string, what: string, fix: string): void {
  if (!existsSync(path)) throw new Error(`${what} not found at ${path}. ${fix}`);
}

export function requireBuilds(): void {
  requireFile(`${chromeBuild}/manifest.json`, 'The Chrome build', 'Run `npm run build` first.');
  requireFile(`${firefoxBuild}/manifest.json`, 'The Firefox build', 'Run `npm run build` first.');
}
