import { PUBLIC_SPEED_TEST } from './public-service';

/**
 * Where the connection test goes: the therapist's own server when they set one on the options
 * page, otherwise the public service (public-service.ts). Both speak the same protocol
 * (lib/network/README.md): `GET <base>/__down?bytes=N` and `POST <base>/__up`.
 */

export interface TestEndpoint {
  /** 'own' for the therapist's server, 'public' for the maintained public service. */
  kind: 'own' | 'public';
  /** Who runs the public service ('Cloudflare'); '' for the therapist's own server. */
  operator: string;
  /** The address without a trailing slash, query or fragment: `https://host[:port]/path`. */
  base: string;
  host: string;
  /** The host permission pattern. No port: match patterns in Firefox cannot carry one, and in
   * Chrome a port-less pattern covers every port of the host. */
  originPattern: string;
  downloadUrl: string;
  uploadUrl: string;
}

export type EndpointCheck = { ok: true; endpoint: TestEndpoint } | { ok: false; error: string };

export const ENDPOINT_ERRORS = {
  invalid: 'The network test address is not a valid web address. Check it on the options page.',
  insecure: 'The network test address must start with https://, so nobody on the way can tamper with the test.',
} as const;

function endpointAt(kind: TestEndpoint['kind'], origin: string, hostname: string, path: string): TestEndpoint {
  const base = `${origin}${path}`;
  return { kind, operator: kind === 'public' ? PUBLIC_SPEED_TEST.name : '', base, host: hostname, originPattern: `https://${hostname}/*`, downloadUrl: `${base}/__down`, uploadUrl: `${base}/__up` };
}

/** The test's endpoint for the options page's setting: '' means the public service. */
export function testEndpointFor(setting: string): EndpointCheck {
  const text = setting.trim();
  if (text === '') {
    const url = new URL(PUBLIC_SPEED_TEST.base);
    return { ok: true, endpoint: endpointAt('public', url.origin, url.hostname, '') };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: ENDPOINT_ERRORS.invalid };
  }
  if (url.protocol !== 'https:') return { ok: false, error: ENDPOINT_ERRORS.insecure };
  if (url.username || url.password || !url.hostname) return { ok: false, error: ENDPOINT_ERRORS.invalid };
  return { ok: true, endpoint: endpointAt('own', url.origin, url.hostname, url.pathname.replace(/\/+$/, '')) };
}
