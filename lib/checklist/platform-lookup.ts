import { platforms } from '@/rules/index';
import { policies } from '@/rules/policies/index';
import { platformForUrl } from '@/lib/rules/match';
import { verdictFor } from '@/lib/rules/verdict';
import { saferChoices } from '@/lib/rules/safer-choices';
import { readCustomPlatforms, toPlatformRule } from '@/lib/rules/custom-platform';
import type { JurisdictionId } from '@/lib/rules/policy-schema';
import type { PlatformInput } from './checks/platform.verdict';

/**
 * URL → the platform check's input, with the same catalogue, policies and custom platforms the
 * badge and banner use. The popup imports this module lazily, so the catalogue loads beside the
 * first paint instead of before it.
 */
export function platformInputFor(
  url: string | undefined,
  settings: { jurisdiction: JurisdictionId; customPlatforms: unknown },
): { input: PlatformInput; platformId: string | null } {
  if (!url) return { input: { found: false }, platformId: null };
  const all = [...platforms, ...readCustomPlatforms(settings.customPlatforms).map(toPlatformRule)];
  const platform = platformForUrl(url, all);
  // An inbox is not where a session happens.
  if (!platform || platform.kind === 'webmail') return { input: { found: false }, platformId: null };
  const policy = policies[settings.jurisdiction];
  const verdict = verdictFor(platform, policy);
  const reason = verdict.reasons[0]?.text;
  const saferSetting = verdict.saferSettings[0];
  return {
    platformId: platform.id,
    input: {
      found: true,
      name: platform.name,
      verdict: verdict.verdict,
      ...(reason ? { reason } : {}),
      ...(saferSetting ? { saferSetting } : {}),
      alternatives: saferChoices(platform, policy, all).map((p) => p.name),
    },
  };
}
