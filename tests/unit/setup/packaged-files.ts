import { STRENGTH_DATA_PATH } from '@/lib/vault/crypto/strength';

/**
 * Unit tests run in Node, where fetch() cannot read a chrome-extension:// URL. The one file the
 * extension fetches from its own package, the passphrase strength word lists, is answered here
 * from the same function the build writes it with (wxt.config.ts). The real fetch from the real
 * package is covered by the e2e tests.
 */
const realFetch = globalThis.fetch;
let packaged: Promise<string> | undefined;
globalThis.fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (/^(chrome|moz)-extension:$/.test(url.protocol) && url.pathname === STRENGTH_DATA_PATH) {
    packaged ??= import('@/lib/vault/crypto/strength-data').then(({ strengthData }) => JSON.stringify(strengthData()));
    return new Response(await packaged, { headers: { 'content-type': 'application/json' } });
  }
  return realFetch(input, init);
};
