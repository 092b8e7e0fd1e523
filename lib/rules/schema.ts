import * as v from 'valibot';

/**
 * The shape of one platform file in rules/platforms/. Every file is validated against this
 * schema by the unit tests and again when a custom platform is saved, so a typo in the data
 * fails loudly instead of silently weakening a warning.
 */

const isoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD'));

/** A host name in lower case: labels of letters, digits and hyphens, at least one dot. */
export const hostName = v.pipe(
  v.string(),
  v.regex(
    /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'must be a host name such as meet.example.org',
  ),
);

export const matchRule = v.strictObject({
  /** Exact host, lower case, no scheme or port. */
  host: hostName,
  /** Also match any sub-domain of host (us02web.zoom.us for zoom.us). */
  subdomains: v.optional(v.boolean(), false),
  /** When set, only these path prefixes count (facebook.com/messages but not facebook.com). */
  pathPrefixes: v.optional(v.array(v.pipe(v.string(), v.startsWith('/')))),
});

/** How a channel is encrypted: end to end by default, end to end if turned on, or not at all. */
export const e2eeLevel = v.picklist(['default', 'optional', 'none', 'between-own-users']);

export const source = v.strictObject({
  title: v.pipe(v.string(), v.minLength(3)),
  url: v.pipe(v.string(), v.url(), v.startsWith('https://')),
  asOf: isoDate,
});

export const platformKind = v.picklist(['video', 'messaging', 'public-broadcast', 'webmail']);
export type PlatformKind = v.InferOutput<typeof platformKind>;

/** Whether the service still runs. Retired services (Skype, May 2025) get no security fixes. */
export const platformStatus = v.picklist(['active', 'retired']);
export type PlatformStatus = v.InferOutput<typeof platformStatus>;

export const platformFacts = v.strictObject({
  /** Per channel; only the channels the platform offers are present. */
  e2ee: v.strictObject({
    video: v.optional(e2eeLevel),
    audio: v.optional(e2eeLevel),
    text: v.optional(e2eeLevel),
    email: v.optional(e2eeLevel),
  }),
  /** Will the vendor sign a HIPAA Business Associate Agreement? */
  baa: v.picklist(['yes', 'paid-plans', 'no', 'unknown']),
  owner: v.pipe(v.string(), v.minLength(2)),
  businessModel: v.picklist(['subscription', 'freemium', 'ad-funded', 'nonprofit', 'hardware', 'open-source']),
  /** Does the platform's owner earn from advertising (directly or through its parent)? */
  adFundedOwner: v.boolean(),
  /** Does it show others when you were last seen / are online? */
  presenceExposure: v.boolean(),
  /** Does it ask to upload the address book for contact discovery? */
  contactUpload: v.picklist(['yes', 'no', 'optional', 'unknown']),
  /** Anyone can watch or join by default (live streams, public channels). */
  publicFacing: v.boolean(),
  openSource: v.picklist(['yes', 'partly', 'no']),
  /** False when there is no browser client at all (Signal): the rule exists to say so. */
  webClient: v.boolean(),
  /** Absent means 'active'; set 'retired' only with a source for the shutdown. */
  status: v.optional(platformStatus),
  incidents: v.array(
    v.strictObject({ year: v.pipe(v.number(), v.integer(), v.minValue(2000)), summary: v.pipe(v.string(), v.minLength(10)) }),
  ),
});

export const platformRule = v.strictObject({
  /** Equals the file name without .json. */
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id')),
  name: v.pipe(v.string(), v.minLength(2)),
  kind: platformKind,
  match: v.array(matchRule),
  facts: platformFacts,
  /** Dotted paths into facts that the sources did not confirm (research cells marked [I]). */
  unverified: v.array(v.string()),
  saferSettings: v.array(v.pipe(v.string(), v.minLength(10))),
  /** Ids of other platforms that are safer choices. */
  alternatives: v.array(v.string()),
  sources: v.pipe(v.array(source), v.minLength(1)),
  /**
   * For mail that is end to end only between the provider's own users: the address domains
   * that count as "own", so a draft to them alone is known to be end to end.
   */
  ownDomains: v.optional(v.array(hostName)),
  /** One or two plain sentences a therapist reads first. */
  summary: v.pipe(v.string(), v.minLength(20)),
});

export type MatchRule = v.InferOutput<typeof matchRule>;
export type PlatformRule = v.InferOutput<typeof platformRule>;
export type PlatformFacts = v.InferOutput<typeof platformFacts>;
