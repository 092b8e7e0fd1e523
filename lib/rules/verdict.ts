import type { FactPath, FactTest, Policy, VerdictLevel } from './policy-schema';
import type { PlatformRule } from './schema';

export type { VerdictLevel } from './policy-schema';

export interface VerdictReason {
  id: string;
  verdict: VerdictLevel;
  text: string;
}

export interface Verdict {
  verdict: VerdictLevel;
  /** Worst first; conditions of equal weight keep the policy's order. */
  reasons: VerdictReason[];
  saferSettings: string[];
  /**
   * Dotted paths of the platform's facts that its sources did not confirm and that this policy
   * tests: the unconfirmed facts the verdict rests on. Others do not count.
   */
  unverified: string[];
}

const severity: Record<VerdictLevel, number> = { ok: 0, caution: 1, avoid: 2 };

/** Weakest first: a platform is only as private as its least protected channel. */
const e2eeStrength = { none: 0, optional: 1, 'between-own-users': 2, default: 3 } as const;
type E2eeLevel = keyof typeof e2eeStrength;

type FactValues = { [K in FactPath]: string | boolean | undefined };

/** The values a policy condition can test, including the derived ones (see policy-schema.ts). */
export function factValues(platform: PlatformRule): FactValues {
  const { facts } = platform;
  const channels = Object.values(facts.e2ee).filter((level): level is E2eeLevel => level !== undefined);
  const weakest = channels.reduce<E2eeLevel | undefined>(
    (worst, level) => (worst === undefined || e2eeStrength[level] < e2eeStrength[worst] ? level : worst),
    undefined,
  );
  return {
    kind: platform.kind,
    status: facts.status ?? 'active',
    baa: facts.baa,
    processorContract: facts.processorContract ?? 'unknown',
    businessModel: facts.businessModel,
    adFundedOwner: facts.adFundedOwner,
    presenceExposure: facts.presenceExposure,
    contactUpload: facts.contactUpload,
    publicFacing: facts.publicFacing,
    openSource: facts.openSource,
    webClient: facts.webClient,
    termsForbidClinicalUse: facts.termsForbidClinicalUse ?? false,
    knownIncidents: facts.incidents.length > 0,
    'e2ee.video': facts.e2ee.video,
    'e2ee.audio': facts.e2ee.audio,
    'e2ee.text': facts.e2ee.text,
    'e2ee.email': facts.e2ee.email,
    e2eeWeakest: weakest ?? 'none',
  };
}

/** The condition facts an unverified path ("facts.e2ee.video", "facts") stands behind. */
function factPathsOf(unverifiedPath: string): FactPath[] | 'all' | undefined {
  if (unverifiedPath === 'facts') return 'all';
  if (!unverifiedPath.startsWith('facts.')) return undefined; // e.g. "match": not a fact a policy weighs
  const path = unverifiedPath.slice('facts.'.length);
  if (path === 'e2ee') return ['e2ee.video', 'e2ee.audio', 'e2ee.text', 'e2ee.email', 'e2eeWeakest'];
  if (path.startsWith('e2ee.')) return [path as FactPath, 'e2eeWeakest'];
  if (path === 'incidents') return ['knownIncidents'];
  if (path === 'status') return ['status'];
  return [path as FactPath];
}

/** The value at a dotted path of the platform file ("facts.baa"), or undefined. */
export function valueAt(platform: PlatformRule, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), platform);
}

/**
 * The platform's unverified paths that name a fact this policy tests. A fact recorded as
 * 'unknown' is no claim to confirm: the policy weighs 'unknown' itself (baa-unknown).
 */
export function decidingUnverified(platform: PlatformRule, policy: Policy): string[] {
  const tested = new Set<string>(policy.conditions.flatMap((c) => Object.keys(c.when)));
  return platform.unverified.filter((path) => {
    if (valueAt(platform, path) === 'unknown') return false;
    const facts = factPathsOf(path);
    return facts === 'all' ? tested.size > 0 : (facts ?? []).some((fact) => tested.has(fact));
  });
}

/** Said instead of 'ok' when a fact the policy weighs is unconfirmed. */
export const UNCONFIRMED_REASON: VerdictReason = {
  id: 'unconfirmed',
  verdict: 'caution',
  text: 'Part of what would make this platform acceptable is not confirmed by a source yet. Until it is, check it with the vendor yourself before client information goes through it.',
};

export function holds(when: FactTest, values: FactValues): boolean {
  return (Object.keys(when) as FactPath[]).every((path) => {
    const allowed: readonly (string | boolean)[] | undefined = when[path];
    const value = values[path];
    return allowed !== undefined && value !== undefined && allowed.includes(value);
  });
}

export function worstOf(levels: Iterable<VerdictLevel>): VerdictLevel {
  let worst: VerdictLevel = 'ok';
  for (const level of levels) if (severity[level] > severity[worst]) worst = level;
  return worst;
}

/**
 * How a platform fares under a jurisdiction's policy: every condition that holds contributes a
 * reason (only the first per group), and the overall verdict is the worst of them, 'ok' when
 * none hold. A verdict that would be 'ok' while a fact the policy tests is unverified becomes
 * 'caution' with the reason UNCONFIRMED_REASON. Pure: same inputs, same output.
 */
export function verdictFor(platform: PlatformRule, policy: Policy): Verdict {
  const values = factValues(platform);
  const settledGroups = new Set<string>();
  const reasons: VerdictReason[] = [];
  for (const condition of policy.conditions) {
    if (condition.group !== undefined && settledGroups.has(condition.group)) continue;
    if (!holds(condition.when, values)) continue;
    if (condition.group !== undefined) settledGroups.add(condition.group);
    reasons.push({ id: condition.id, verdict: condition.verdict, text: condition.reason });
  }
  const unverified = decidingUnverified(platform, policy);
  if (unverified.length > 0 && worstOf(reasons.map((r) => r.verdict)) === 'ok') reasons.push({ ...UNCONFIRMED_REASON });
  // Array.prototype.sort is stable, so equal verdicts keep the policy's order.
  reasons.sort((a, b) => severity[b.verdict] - severity[a.verdict]);
  return {
    verdict: worstOf(reasons.map((r) => r.verdict)),
    reasons,
    saferSettings: [...platform.saferSettings],
    unverified,
  };
}
