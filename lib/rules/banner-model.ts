import { isDismissed, lookOf, type Corner } from './banner-prefs';
import { platformForUrl } from './match';
import type { Policy, VerdictLevel } from './policy-schema';
import type { PlatformKind, PlatformRule } from './schema';
import { saferChoices } from './safer-choices';
import { verdictFor } from './verdict';

export type { VerdictLevel } from './policy-schema';

export interface BannerModel {
  platformId: string;
  kind: PlatformKind;
  platformName: string;
  verdict: VerdictLevel;
  summary: string;
  /** The two or three reasons that decided the verdict, worst first. */
  reasons: string[];
  saferSettings: string[];
  /** Names of platforms judged better under the same jurisdiction (lib/rules/safer-choices.ts). */
  alternatives: string[];
  /** Known failings, "2020: what was found", newest first. */
  incidents: string[];
  sourceUrl: string | undefined;
  /** A fact this jurisdiction's policy weighs is not confirmed by a source. */
  hasUnverifiedFacts: boolean;
  dismissHours: number;
  /** The first time this platform is seen with this verdict: the full card, a chip afterwards. */
  firstVisit: boolean;
  /** Where the therapist put this platform's banner. */
  corner: Corner;
  /** Webmail only: what the compose helper needs. */
  mail?: MailModel;
}

/** A contract template, already filled from the therapist's defaults (no client identity). */
export interface RenderedTemplate {
  id: string;
  title: string;
  text: string;
}

export interface MailModel {
  e2ee: 'default' | 'optional' | 'none' | 'between-own-users' | undefined;
  /** For 'between-own-users': the provider's own address domains. */
  ownDomains: string[];
  templates: RenderedTemplate[];
  /** Safer channels to suggest when a draft holds clinical detail. */
  secureAlternatives: string[];
}

export interface BannerInputs {
  url: string;
  kinds: readonly PlatformKind[];
  /** The therapist's custom platforms first (they override the catalogue for their host). */
  platforms: readonly PlatformRule[];
  policy: Policy;
  dismissHours: number;
  dismissals: unknown;
  /** The stored banner looks (banner-prefs.ts BANNER_LOOK_KEY). */
  look?: unknown;
  now: number;
  /** Filled contract templates, offered on webmail. */
  templates?: RenderedTemplate[];
}

/**
 * What the in-page banner should show for a URL, or null when it should show nothing (not a
 * platform of these kinds, or dismissed; an "avoid" verdict cannot be dismissed). Only platform facts go in: the model is rendered
 * into a page the platform's owner can read.
 */
export function bannerModelFor(input: BannerInputs): BannerModel | null {
  const candidates = input.platforms.filter((p) => input.kinds.includes(p.kind));
  const platform = platformForUrl(input.url, candidates);
  if (!platform) return null;
  const verdict = verdictFor(platform, input.policy);
  // An "avoid" verdict is never hidden altogether: at the least its chip stays.
  if (verdict.verdict !== 'avoid' && isDismissed(input.dismissals, platform.id, input.now)) return null;
  const look = lookOf(input.look, platform.id);
  const safer = saferChoices(platform, input.policy, input.platforms);
  const mail: MailModel | undefined =
    platform.kind === 'webmail'
      ? {
          e2ee: platform.facts.e2ee.email,
          ownDomains: platform.ownDomains ?? [],
          templates: input.templates ?? [],
          secureAlternatives: input.platforms
            .filter((p) => p.kind === 'webmail' && p.id !== platform.id && p.facts.e2ee.email !== undefined && p.facts.e2ee.email !== 'none')
            .filter((p) => safer.includes(p))
            .map((p) => p.name),
        }
      : undefined;
  return {
    platformId: platform.id,
    kind: platform.kind,
    platformName: platform.name,
    verdict: verdict.verdict,
    summary: platform.summary,
    reasons: verdict.reasons.filter((r) => r.verdict !== 'ok').map((r) => r.text),
    saferSettings: verdict.saferSettings,
    alternatives: safer.map((p) => p.name),
    incidents: [...platform.facts.incidents].sort((a, b) => b.year - a.year).map((i) => `${i.year}: ${i.summary}`),
    sourceUrl: platform.sources[0]?.url,
    hasUnverifiedFacts: verdict.unverified.length > 0,
    dismissHours: input.dismissHours,
    firstVisit: !look.seen.includes(verdict.verdict),
    corner: look.corner ?? 'top-right',
    ...(mail ? { mail } : {}),
  };
}
