import { describe, expect, it } from 'vitest';
import { loadNetworkModule } from '@/lib/checklist/network-module';

const measureConnection = async () => ({ ok: false as const, error: 'x' });
const speedVerdict = () => ({ status: 'pass' as const, advice: '' });
const testEndpointFor = () => ({ ok: false as const, error: 'x' });
const ensureEndpointPermission = async () => true;
const hasEndpointPermission = async () => true;

describe('the connection test module', () => {
  it('is used when all its parts are there', async () => {
    const loaded = await loadNetworkModule({
      a: async () => ({ measureConnection }),
      b: async () => ({ speedVerdict, testEndpointFor }),
      c: async () => ({ ensureEndpointPermission, hasEndpointPermission }),
    });
    expect(loaded).toEqual({ measureConnection, speedVerdict, testEndpointFor, ensureEndpointPermission, hasEndpointPermission });
  });

  it.each([
    ['a part is missing', { a: async () => ({ measureConnection }), b: async () => ({ speedVerdict, testEndpointFor, ensureEndpointPermission }) }],
    ['nothing is there', {}],
    ['a part fails to load', { a: () => Promise.reject(new Error('chunk')) }],
  ])('is left out when %s (the item then reads unknown)', async (_name, loaders) => {
    expect(await loadNetworkModule(loaders)).toBeUndefined();
  });

  it('is found in this build', async () => {
    expect(await loadNetworkModule()).toBeDefined();
  });
});
