import { readFileSync } from 'node:fs';
import type { HTTPRequest, Page } from 'puppeteer';
import { fixturesDir } from './paths';

/**
 * Serves fixture pages for any https:// URL by request interception, so tests can visit
 * https://meet.google.com/abc-defg-hij without a network. Requests to anything else outside
 * the extension are refused, which also proves the extension sent none.
 *
 * `routes` maps a host (or host + path prefix) to a file in tests/fixtures/pages; unknown https
 * hosts get a neutral page, so "the extension stays quiet here" can be tested on any host.
 */
export interface FixtureServer {
  /** Every https request the page (or our extension inside it) made. */
  requests: string[];
  /** Requests that were refused because they were neither https fixtures nor extension URLs. */
  refused: string[];
}

/** `headers` adds response headers by host, e.g. a page's Content-Security-Policy. */
export async function serveFixtures(page: Page, routes: Record<string, string> = {}, headers: Record<string, Record<string, string>> = {}): Promise<FixtureServer> {
  const server: FixtureServer = { requests: [], refused: [] };
  await page.setRequestInterception(true);
  page.on('request', (request) => void respond(request, routes, headers, server));
  return server;
}

async function respond(request: HTTPRequest, routes: Record<string, string>, headers: Record<string, Record<string, string>>, server: FixtureServer) {
  const url = new URL(request.url());
  if (url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:' || url.protocol === 'data:' || url.protocol === 'blob:') {
    return request.continue();
  }
  if (url.protocol !== 'https:') {
    server.refused.push(request.url());
    return request.abort('blockedbyclient');
  }
  // The browser itself asks for a favicon on every page; that request is not ours.
  if (url.pathname === '/favicon.ico') return request.respond({ status: 204, body: '' });
  server.requests.push(request.url());
  const file = fixtureFor(url, routes);
  return request.respond({ status: 200, contentType: contentType(file), headers: headers[url.hostname], body: readFileSync(`${fixturesDir}/pages/${file}`) });
}

function fixtureFor(url: URL, routes: Record<string, string>): string {
  const keyed = Object.entries(routes)
    .filter(([key]) => {
      const [host, ...rest] = key.split('/');
      const path = `/${rest.join('/')}`;
      return url.hostname === host && url.pathname.startsWith(path);
    })
    .sort((a, b) => b[0].length - a[0].length);
  if (keyed[0]) return keyed[0][1];
  return 'neutral.html';
}

function contentType(file: string): string {
  if (file.endsWith('.js')) return 'text/javascript';
  if (file.endsWith('.css')) return 'text/css';
  return 'text/html; charset=utf-8';
}
