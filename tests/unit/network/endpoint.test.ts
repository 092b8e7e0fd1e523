import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ENDPOINT_ERRORS, parseEndpoint, protocolUrls } from '@/lib/network/endpoint';
import { ensureEndpointPermission } from '@/lib/network/endpoint-permission';

describe('the network test address', () => {
  it.each([
    ['https://speed.example.org', 'https://speed.example.org', 'https://speed.example.org/*'],
    ['https://speed.example.org/', 'https://speed.example.org', 'https://speed.example.org/*'],
    ['  https://speed.example.org/anteroom//  ', 'https://speed.example.org/anteroom', 'https://speed.example.org/*'],
    ['https://speed.example.org:8443/a?x=1#y', 'https://speed.example.org:8443/a', 'https://speed.example.org/*'],
    ['https://127.0.0.1:9000', 'https://127.0.0.1:9000', 'https://127.0.0.1/*'],
  ])('reads %s as base %s, permission %s', (input, base, originPattern) => {
    expect(parseEndpoint(input)).toMatchObject({ ok: true, endpoint: { base, originPattern } });
  });

  it.each([
    ['', ENDPOINT_ERRORS.empty],
    ['speed.example.org', ENDPOINT_ERRORS.invalid],
    ['http://speed.example.org', ENDPOINT_ERRORS.insecure],
    ['ftp://speed.example.org', ENDPOINT_ERRORS.insecure],
    ['https://user:pw@speed.example.org', ENDPOINT_ERRORS.invalid],
  ])('refuses %j', (input, error) => {
    expect(parseEndpoint(input)).toEqual({ ok: false, error });
  });

  it('builds the three protocol URLs under the base', () => {
    const parsed = parseEndpoint('https://speed.example.org/anteroom');
    if (!parsed.ok) throw new Error('unexpected');
    expect(protocolUrls.ping(parsed.endpoint, 'n1')).toBe('https://speed.example.org/anteroom/ping?n=n1');
    expect(protocolUrls.down(parsed.endpoint, 65536, 'n2')).toBe('https://speed.example.org/anteroom/down?bytes=65536&n=n2');
    expect(protocolUrls.up(parsed.endpoint, 'n3')).toBe('https://speed.example.org/anteroom/up?n=n3');
  });
});

describe('asking permission for the test server', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks for that one host, synchronously, so a click handler keeps its user gesture', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    const pending = ensureEndpointPermission('https://speed.example.org:8443/anteroom');
    expect(request).toHaveBeenCalledWith({ origins: ['https://speed.example.org/*'] });
    expect(await pending).toBe(true);
  });

  it('answers false when the therapist declines or the browser refuses', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValueOnce(false).mockRejectedValueOnce(new Error('no gesture'));
    expect(await ensureEndpointPermission('https://speed.example.org')).toBe(false);
    expect(await ensureEndpointPermission('https://speed.example.org')).toBe(false);
  });

  it('asks nothing for an unusable address', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request');
    expect(await ensureEndpointPermission('http://speed.example.org')).toBe(false);
    expect(request).not.toHaveBeenCalled();
  });
});
