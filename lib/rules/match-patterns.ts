import type { PlatformKind, PlatformRule } from './schema';

/**
 * Turns catalogue match rules into WebExtension match patterns for content scripts.
 * Paths are deliberately not part of the pattern: video and webmail apps are single-page apps
 * whose route changes do not reload content scripts, so the script is attached to the whole
 * host and lib/rules decides per URL whether the page is the platform.
 */
export function matchPatternsFor(platforms: readonly PlatformRule[], kinds: readonly PlatformKind[]): string[] {
  const patterns = new Set<string>();
  for (const platform of platforms) {
    if (!kinds.includes(platform.kind)) continue;
    for (const rule of platform.match) {
      patterns.add(`https://${rule.subdomains ? '*.' : ''}${rule.host}/*`);
    }
  }
  return [...patterns].sort();
}
