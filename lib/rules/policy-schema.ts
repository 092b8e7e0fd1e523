import * as v from 'valibot';
import { e2eeLevel, platformFacts, platformKind, platformStatus, source } from './schema';

/**
 * The shape of one jurisdiction policy in rules/policies/. A policy is data: an ordered list of
 * conditions on a platform's facts, each carrying a verdict and a plain-language reason. The
 * evaluation itself lives in verdict.ts and knows no platform or jurisdiction by name.
 */

export const jurisdictionId = v.picklist(['us-hipaa', 'uk-gdpr', 'eu-gdpr', 'au-privacy', 'ca-pipeda', 'other']);
export type JurisdictionId = v.InferOutput<typeof jurisdictionId>;

export const verdictLevel = v.picklist(['ok', 'caution', 'avoid']);
export type VerdictLevel = v.InferOutput<typeof verdictLevel>;

const kebabId = v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id'));

function oneOrMore<T extends v.GenericSchema>(item: T) {
  return v.optional(v.pipe(v.array(item), v.minLength(1, 'list at least one value')));
}

const facts = platformFacts.entries;

/**
 * The facts a condition may test. Each key lists the values that satisfy it; a condition holds
 * when every key it names is satisfied (AND across keys, OR within one key's list).
 * `e2eeWeakest` is derived, not stored: the weakest e2ee level over the channels the platform
 * lists (none < optional < between-own-users < default), 'none' when it lists no channel.
 * `status` is read as 'active' when a platform file omits it, `termsForbidClinicalUse` as false,
 * `processorContract` as 'unknown'.
 * `knownIncidents` is derived: true when the platform lists at least one incident.
 */
export const factTest = v.pipe(
  v.strictObject({
    kind: oneOrMore(platformKind),
    status: oneOrMore(platformStatus),
    baa: oneOrMore(facts.baa),
    processorContract: oneOrMore(v.picklist(['yes', 'business-plans', 'no', 'unknown'])),
    businessModel: oneOrMore(facts.businessModel),
    adFundedOwner: oneOrMore(v.boolean()),
    presenceExposure: oneOrMore(v.boolean()),
    contactUpload: oneOrMore(facts.contactUpload),
    publicFacing: oneOrMore(v.boolean()),
    openSource: oneOrMore(facts.openSource),
    webClient: oneOrMore(v.boolean()),
    termsForbidClinicalUse: oneOrMore(v.boolean()),
    knownIncidents: oneOrMore(v.boolean()),
    'e2ee.video': oneOrMore(e2eeLevel),
    'e2ee.audio': oneOrMore(e2eeLevel),
    'e2ee.text': oneOrMore(e2eeLevel),
    'e2ee.email': oneOrMore(e2eeLevel),
    e2eeWeakest: oneOrMore(e2eeLevel),
  }),
  v.check((when) => Object.keys(when).length > 0, 'a condition must test at least one fact'),
);
export type FactTest = v.InferOutput<typeof factTest>;
export type FactPath = keyof FactTest;

export const policyCondition = v.strictObject({
  /** Stable id shown to tests and the UI (e.g. "public-facing"); unique within the policy. */
  id: kebabId,
  /**
   * Conditions sharing a group are alternatives: only the first one that holds, in list order,
   * counts. This keeps "ad-funded and shows presence" from also reporting its two halves.
   */
  group: v.optional(kebabId),
  when: factTest,
  verdict: verdictLevel,
  /** Plain language, written for a therapist reading a banner. */
  reason: v.pipe(v.string(), v.minLength(20), v.maxLength(320)),
});
export type PolicyCondition = v.InferOutput<typeof policyCondition>;

export const policy = v.strictObject({
  id: jurisdictionId,
  name: v.pipe(v.string(), v.minLength(2)),
  /** One sentence on the frame the policy applies (HIPAA BAAs, GDPR and professional guidance). */
  summary: v.pipe(v.string(), v.minLength(20)),
  conditions: v.pipe(
    v.array(policyCondition),
    v.minLength(1),
    v.check((conditions) => new Set(conditions.map((c) => c.id)).size === conditions.length, 'condition ids must be unique'),
  ),
  /**
   * What a platform must also satisfy to be offered as a safer choice under this policy
   * (us-hipaa: a vendor that signs a BAA). Absent: a better verdict is enough.
   */
  saferChoicesMust: v.optional(factTest),
  /** The regulator's or legislator's own pages come first; the tests check one is there. */
  sources: v.pipe(v.array(source), v.minLength(1)),
});
export type Policy = v.InferOutput<typeof policy>;
