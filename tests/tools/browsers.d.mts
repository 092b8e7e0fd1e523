// Types for browsers.mjs, which plain Node scripts (setup, bench, screenshots) and the
// TypeScript e2e harness share.
export interface BrowserInfo {
  name: string;
  path: string;
  apt: string;
  env: string;
}
export const browsers: BrowserInfo[];
export const chromiumPath: string;
export const firefoxPath: string;
export const CHROMIUM_ISOLATION_ARGS: readonly string[];
export function missingBrowsers(): BrowserInfo[];
export function howToInstall(missing: BrowserInfo[]): string;
