import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ENDPOINT_ERRORS, testEndpointFor } from '@/lib/network/endpoint';
import { ensureEndpointPermission } from '@/lib/network/endpoint-permission';

describe('the network test address', () => {
  it('goes to the public speed test when no address is set', () => {
    expect(testEndpointFor('  ')).toEqual({
      ok: true,
      endpoint: {
        kind: 'public',
        operator: 'Cloudflare',
        base: 'https://speed.cloudflare.com',
        host: 'speed.cloudflare.com',
        originPattern: 'https://speed.cloudflare.com/*',
        downloadUrl: 'https://speed.cloudflare.com/__down',
        uploadUrl: 'https://speed.cloudflare.com/__up',
      },
    });
  });

  it.each([
    ['https://speed.example.org', 'https://speed.example.org', 'https://speed.example.org/*'],
    ['https://speed.example.org/', 'https://speed.example.org', 'https://speed.example.org/*'],
    ['  https://speed.example.org/anteroom//  ', 'https://speed.example.org/anteroom', 'https://speed.example.org/*'],
    ['https://speed.example.org:8443/a?x=1#y', 'https://speed.example.org:8443/a', 'https://speed.example.org/*'],
    ['https://127.0.0.1:9000', 'https://127.0.0.1:9000', 'https://127.0.0.1/*'],
  ])('reads %s as the therapist’s own server at %s, permission %s', (input, base, originPattern) => {
    expect(testEndpointFor(input)).toMatchObject({
      ok: true,
      endpoint: { kind: 'own', operator: '', base, originPattern, downloadUrl: `${base}/__down`, uploadUrl: `${base}/__up` },
    });
  });

  it.each([
    ['speed.example.org', ENDPOINT_ERRORS.invalid],
    ['http://speed.example.org', ENDPOINT_ERRORS.insecure],
    ['ftp://speed.example.org', ENDPOINT_ERRORS.insecure],
    ['https://user:pw@speed.example.org', ENDPOINT_ERRORS.invalid],
  ])('refuses %j', (input, error) => {
    expect(testEndpointFor(input)).toEqual({ ok: false, error });
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
