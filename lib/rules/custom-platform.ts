import * as v from 'valibot';
import { e2eeLevel, hostName, type PlatformRule } from './schema';

/**
 * A platform the therapist adds because the catalogue lacks it (a self-hosted Jitsi, a clinic's
 * EHR telehealth). They state its facts themselves; Anteroom judges it with the same policies
 * as catalogue platforms. Stored in the contract's `customPlatforms` list.
 */
export const customPlatform = v.strictObject({
  host: hostName,
  subdomains: v.boolean(),
  name: v.pipe(v.string(), v.trim(), v.minLength(2, 'Give the platform a name'), v.maxLength(80, 'Keep the name under 80 characters')),
  kind: v.picklist(['video', 'webmail']),
  e2ee: e2eeLevel,
  baa: v.picklist(['yes', 'paid-plans', 'no', 'unknown']),
  adFundedOwner: v.boolean(),
  presenceExposure: v.boolean(),
  publicFacing: v.boolean(),
  addedOn: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
});
export type CustomPlatform = v.InferOutput<typeof customPlatform>;

export type HostCheck = { ok: true; host: string } | { ok: false; error: string };

/**
 * Reads what a therapist typed as the platform's address: a bare host or a pasted link. Refuses
 * anything that would widen Anteroom's reach beyond one site (wildcards, a bare top-level
 * domain, IP addresses, plain http).
 */
export function parseCustomHost(input: string): HostCheck {
  const text = input.trim().toLowerCase();
  if (text === '') return { ok: false, error: 'Type the address of the platform, for example meet.myclinic.org.' };
  if (text.includes('*') || text === '<all_urls>') {
    return { ok: false, error: 'Wildcards are not allowed: name one site, for example meet.myclinic.org.' };
  }
  if (text.startsWith('http://')) return { ok: false, error: 'Only secure (https) sites can be added.' };
  let host: string;
  try {
    host = new URL(text.includes('://') ? text : `https://${text}`).hostname.replace(/\.$/, '');
  } catch {
    return { ok: false, error: 'That does not look like a web address. Try something like meet.myclinic.org.' };
  }
  if (/^\d+(\.\d+){3}$/.test(host) || host.startsWith('[')) {
    return { ok: false, error: 'Use the site’s name, not an IP address.' };
  }
  if (!v.is(hostName, host)) {
    return { ok: false, error: 'That is not a full site address: it needs a name and a domain, like meet.myclinic.org.' };
  }
  return { ok: true, host };
}

/** The origin pattern whose permission Anteroom asks for when the platform is added. */
export function originPatternFor(custom: Pick<CustomPlatform, 'host' | 'subdomains'>): string {
  return `https://${custom.subdomains ? '*.' : ''}${custom.host}/*`;
}

export function customPlatformId(host: string): string {
  return `custom-${host.replace(/[^a-z0-9]+/g, '-')}`;
}

/** A custom platform in catalogue form, so matching, verdicts and the banner treat it alike. */
export function toPlatformRule(custom: CustomPlatform): PlatformRule {
  const channel = custom.kind === 'webmail' ? { email: custom.e2ee } : { video: custom.e2ee, audio: custom.e2ee };
  return {
    id: customPlatformId(custom.host),
    name: custom.name,
    kind: custom.kind,
    match: [{ host: custom.host, subdomains: custom.subdomains }],
    facts: {
      e2ee: channel,
      baa: custom.baa,
      owner: 'Added by you',
      businessModel: custom.adFundedOwner ? 'ad-funded' : 'subscription',
      adFundedOwner: custom.adFundedOwner,
      presenceExposure: custom.presenceExposure,
      contactUpload: 'unknown',
      publicFacing: custom.publicFacing,
      openSource: 'no',
      webClient: true,
      incidents: [],
    },
    unverified: ['facts'],
    saferSettings: [],
    alternatives: [],
    sources: [{ title: 'Facts entered by you on the options page', url: `https://${custom.host}/`, asOf: custom.addedOn }],
    summary: `A platform you added on ${custom.addedOn}. Its verdict comes from the facts you entered.`,
  };
}

/** The valid entries of a stored list; anything unreadable is skipped, never trusted. */
export function readCustomPlatforms(stored: unknown): CustomPlatform[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry) => {
    const parsed = v.safeParse(customPlatform, entry);
    return parsed.success ? [parsed.output] : [];
  });
}
