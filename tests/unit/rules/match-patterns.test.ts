import { describe, expect, it } from 'vitest';
import { matchPatternsFor } from '@/lib/rules/match-patterns';
import type { PlatformRule } from '@/lib/rules/schema';

const rule = (id: string, kind: PlatformRule['kind'], match: PlatformRule['match']) => ({ id, kind, match }) as PlatformRule;

describe('content-script match patterns from the catalogue', () => {
  it('covers a host and its sub-domains with one https pattern', () => {
    expect(matchPatternsFor([rule('zoom', 'video', [{ host: 'zoom.us', subdomains: true }])], ['video'])).toEqual(['https://*.zoom.us/*']);
  });

  it('keeps an exact host exact', () => {
    expect(matchPatternsFor([rule('meet', 'video', [{ host: 'meet.google.com', subdomains: false }])], ['video'])).toEqual(['https://meet.google.com/*']);
  });

  it('attaches to the whole host even when only a path is the platform, so SPA route changes are seen', () => {
    const messenger = rule('messenger', 'messaging', [{ host: 'www.facebook.com', subdomains: false, pathPrefixes: ['/messages'] }]);
    expect(matchPatternsFor([messenger], ['messaging'])).toEqual(['https://www.facebook.com/*']);
  });

  it('leaves out kinds the script does not handle and never widens to all URLs', () => {
    const gmail = rule('gmail', 'webmail', [{ host: 'mail.google.com', subdomains: false }]);
    const patterns = matchPatternsFor([gmail], ['video']);
    expect(patterns).toEqual([]);
    expect(patterns).not.toContain('<all_urls>');
  });
});
