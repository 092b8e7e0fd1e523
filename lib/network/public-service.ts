/**
 * The maintained public service the connection test uses when the therapist has set no server
 * of their own: Cloudflare's speed test, the service @cloudflare/speedtest is built for. Data,
 * not logic: the only place its address is written (lib/network/README.md explains the choice).
 *
 * Sources (as of 2026-12-04): @cloudflare/speedtest 1.14.1, src/config/defaultConfig.ts
 * (downloadApiUrl and uploadApiUrl under https://speed.cloudflare.com);
 * https://www.cloudflare.com/privacypolicy/ for what Cloudflare does with the requests it serves.
 */
export const PUBLIC_SPEED_TEST = {
  /** Who runs it, in the words the therapist reads. */
  name: 'Cloudflare',
  base: 'https://speed.cloudflare.com',
  host: 'speed.cloudflare.com',
  privacyPolicy: 'https://www.cloudflare.com/privacypolicy/',
  asOf: '2026-12-04',
} as const;
