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

const httpsUrl = v.pipe(v.string(), v.url(), v.startsWith('https://'));

/**
 * A source for the facts in a file. `asOf` is the date the source was last read and found to
 * say what the file claims (a read date, so it moves when someone rechecks the page);
 * `published` is the date the page itself gives for its publication or last update, when it
 * gives one. Neither may lie in the future (tests/unit/rules/catalogue-check.test.ts).
 */
export const source = v.strictObject({
  title: v.pipe(v.string(), v.minLength(3)),
  url: httpsUrl,
  asOf: isoDate,
  published: v.optional(isoDate),
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
  /**
   * Does the company that owns the platform, or its parent group, earn from advertising? True
   * when any part of the group sells ads (Microsoft: Microsoft Advertising; Amazon: Amazon Ads;
   * Apple: App Store and News ads; Google; Meta), even if this product shows none.
   */
  adFundedOwner: v.boolean(),
  /** Does it show others when you were last seen / are online? */
  presenceExposure: v.boolean(),
  /**
   * Will the vendor sign a written contract that binds it to handle your clients' data only on
   * your instructions and to keep it safe: a GDPR Article 28 data processing agreement (UK and
   * EU), the contract the Privacy Act's APP 8 and PIPEDA's accountability principle expect for
   * data sent to another organisation. Absent means 'unknown'.
   */
  processorContract: v.optional(v.picklist(['yes', 'business-plans', 'no', 'unknown'])),
  /** Does it ask to upload the address book for contact discovery? */
  contactUpload: v.picklist(['yes', 'no', 'optional', 'unknown']),
  /** Anyone can watch or join by default (live streams, public channels). */
  publicFacing: v.boolean(),
  openSource: v.picklist(['yes', 'partly', 'no']),
  /** False when there is no browser client at all (Signal): the rule exists to say so. */
  webClient: v.boolean(),
  /** Absent means 'active'; set 'retired' only with a source for the shutdown. */
  status: v.optional(platformStatus),
  /**
   * The vendor's own terms or compliance pages forbid this clinical use (Slack's HIPAA terms:
   * no communication with patients). Absent means no such term is known; set true only with
   * the vendor's page among the sources.
   */
  termsForbidClinicalUse: v.optional(v.boolean()),
  /**
   * Security or privacy failings found by a regulator, court or recognised reviewer, shown in
   * the banner and weighed by the policies. `url` points at the finding itself.
   */
  incidents: v.array(
    v.strictObject({
      year: v.pipe(v.number(), v.integer(), v.minValue(2000)),
      summary: v.pipe(v.string(), v.minLength(10)),
      url: v.optional(httpsUrl),
    }),
  ),
});

export const platformRule = v.strictObject({
  /** Equals the file name without .json. */
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id')),
  name: v.pipe(v.string(), v.minLength(2)),
  kind: platformKind,
  match: v.array(matchRule),
  facts: platformFacts,
  /**
   * Dotted paths ("facts.baa", "facts.e2ee.video") the sources did not confirm. A policy never
   * says 'ok' while a fact it tests is listed here (lib/rules/verdict.ts).
   */
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
