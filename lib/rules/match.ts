import type { MatchRule, PlatformRule } from './schema';

/**
 * URL → platform. Only https pages are considered (every catalogue platform is served over
 * https; anything else is not the platform). Host comparison is exact or on a dot boundary,
 * so zoom.us.example.net and notwhatsapp.com never match.
 */
export function platformForUrl(url: string | URL, platforms: readonly PlatformRule[]): PlatformRule | undefined {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:') return undefined;
  // URL already lower-cases and punycodes the host; drop a trailing root dot ("zoom.us.").
  const host = parsed.hostname.replace(/\.$/, '');
  const path = parsed.pathname;
  let best: { platform: PlatformRule; score: number } | undefined;
  for (const platform of platforms) {
    for (const rule of platform.match) {
      const score = ruleScore(rule, host, path);
      if (score > 0 && (!best || score > best.score)) best = { platform, score };
    }
  }
  return best?.platform;
}

/**
 * 0 when the rule does not apply; otherwise a specificity so that the most precise rule wins
 * (facebook.com/messages beats facebook.com, meet.google.com beats google.com).
 */
function ruleScore(rule: MatchRule, host: string, path: string): number {
  const exact = host === rule.host;
  const sub = rule.subdomains === true && host.endsWith(`.${rule.host}`);
  if (!exact && !sub) return 0;
  let score = rule.host.length * 2 + (exact ? 1 : 0);
  if (rule.pathPrefixes) {
    const prefix = rule.pathPrefixes.find((p) => pathHasPrefix(path, p));
    if (!prefix) return 0;
    score += 1000 + prefix.length;
  }
  return score;
}

function pathHasPrefix(path: string, prefix: string): boolean {
  if (prefix.endsWith('/')) return path.startsWith(prefix) || path === prefix.slice(0, -1);
  return path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`);
}
