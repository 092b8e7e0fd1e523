import { platforms } from '@/rules/index';
import { policies } from '@/rules/policies/index';
import type { HandlersFor } from './bus';
import type { inPageOperations } from './in-page-messages';
import { bannerModelFor, type RenderedTemplate } from '@/lib/rules/banner-model';
import { lookOf } from '@/lib/rules/banner-prefs';
import { bannerDismissalsItem, bannerLookItem } from '@/lib/storage/items/banner';
import type { JurisdictionId } from '@/lib/rules/policy-schema';
import type { PlatformKind, PlatformRule } from '@/lib/rules/schema';
import { sameOrigin } from './sender';

export interface BannerSettings {
  jurisdiction: JurisdictionId;
  dismissHours: number;
  customRules: readonly PlatformRule[];
  /** The contract templates, filled from the therapist's defaults. */
  templates?: RenderedTemplate[];
}

/**
 * Answers a content script's "what should the banner show here?" (the bus has checked the
 * sender and the request: lib/background/in-page-messages.ts). The URL it asks about must be
 * on its own page; otherwise it gets no answer at all.
 */
export const bannerHandlers = (settings: () => BannerSettings): Pick<HandlersFor<typeof inPageOperations>, 'banner:model'> => ({
  'banner:model': async ({ url, kinds }, sender) => {
    if (!sender.raw.url || !sameOrigin(url, sender.raw.url)) return undefined;
    return bannerModel(url, kinds, settings());
  },
});

async function bannerModel(url: string, kinds: PlatformKind[], settings: BannerSettings) {
  const [dismissals, looks] = await Promise.all([bannerDismissalsItem.get(), bannerLookItem.get()]);
  const model = bannerModelFor({
    url,
    kinds,
    platforms: [...settings.customRules, ...platforms],
    policy: policies[settings.jurisdiction],
    dismissHours: settings.dismissHours,
    dismissals,
    look: looks,
    now: Date.now(),
    templates: settings.templates,
  });
  // The card is shown once per platform and verdict; the next load gets the chip.
  if (model?.firstVisit && model.verdict !== 'ok') {
    const look = lookOf(looks, model.platformId);
    await bannerLookItem.set({ ...looks, [model.platformId]: { ...look, seen: [...look.seen, model.verdict] } });
  }
  return model;
}
