import type { Policy, VerdictLevel } from './policy-schema';
import type { PlatformRule } from './schema';
import { factValues, holds, verdictFor } from './verdict';

const severity: Record<VerdictLevel, number> = { ok: 0, caution: 1, avoid: 2 };

/**
 * The safer choices to offer instead of `platform` under `policy`: platforms of the same kind
 * whose verdict under the same policy is better, that meet the policy's `saferChoicesMust`
 * (under us-hipaa: the vendor signs a BAA). The file's own alternatives come first, in their
 * order; when none of them qualifies, the best-judged others of the same kind fill in, so a
 * choice is never offered that this jurisdiction would judge no better.
 */
export function saferChoices(platform: PlatformRule, policy: Policy, catalogue: readonly PlatformRule[], limit = 3): PlatformRule[] {
  const own = severity[verdictFor(platform, policy).verdict];
  const judged = catalogue
    .filter((p) => p.id !== platform.id && p.kind === platform.kind && p.facts.status !== 'retired')
    .filter((p) => policy.saferChoicesMust === undefined || holds(policy.saferChoicesMust, factValues(p)))
    .map((p) => ({ p, level: severity[verdictFor(p, policy).verdict] }))
    .filter(({ level }) => level < own);
  const named = platform.alternatives.flatMap((id) => judged.filter(({ p }) => p.id === id));
  const others = judged
    .filter(({ p }) => !platform.alternatives.includes(p.id))
    .sort((a, b) => a.level - b.level || a.p.name.localeCompare(b.p.name));
  return [...named, ...others].slice(0, limit).map(({ p }) => p);
}
