/**
 * The test server's address, as the therapist typed it on the options page, turned into the
 * three URLs of the protocol (lib/network/README.md) and the one permission that reaches them.
 */

export interface TestEndpoint {
  /** The address without a trailing slash, query or fragment: `https://host[:port]/path`. */
  base: string;
  host: string;
  /** The host permission pattern. No port: match patterns in Firefox cannot carry one, and in
   * Chrome a port-less pattern covers every port of the host. */
  originPattern: string;
}

export type EndpointCheck = { ok: true; endpoint: TestEndpoint } | { ok: false; error: string };

export const ENDPOINT_ERRORS = {
  empty: 'No network test address is set. Add one on the options page, under “How Anteroom behaves”.',
  invalid: 'The network test address is not a valid web address. Check it on the options page.',
  insecure: 'The network test address must start with https://, so nobody on the way can tamper with the test.',
} as const;

export function parseEndpoint(input: string): EndpointCheck {
  const text = input.trim();
  if (text === '') return { ok: false, error: ENDPOINT_ERRORS.empty };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: ENDPOINT_ERRORS.invalid };
  }
  if (url.protocol !== 'https:') return { ok: false, error: ENDPOINT_ERRORS.insecure };
  if (url.username || url.password || !url.hostname) return { ok: false, error: ENDPOINT_ERRORS.invalid };
  const path = url.pathname.replace(/\/+$/, '');
  return {
    ok: true,
    endpoint: { base: `${url.origin}${path}`, host: url.hostname, originPattern: `https://${url.hostname}/*` },
  };
}

/** The protocol's three requests. `nonce` keeps any cache on the way from answering for the server. */
export const protocolUrls = {
  ping: (e: TestEndpoint, nonce: string) => `${e.base}/ping?n=${nonce}`,
  down: (e: TestEndpoint, bytes: number, nonce: string) => `${e.base}/down?bytes=${bytes}&n=${nonce}`,
  up: (e: TestEndpoint, nonce: string) => `${e.base}/up?n=${nonce}`,
};
