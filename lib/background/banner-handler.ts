import * as v from 'valibot';
import type { Browser } from 'wxt/browser';
import { platforms } from '@/rules/index';
import { policies } from '@/rules/policies/index';
import { bannerModelRequest } from '@/lib/messages';
import type { BannerModelResponse } from '@/lib/in-page/wire';
import { bannerModelFor, type RenderedTemplate } from '@/lib/rules/banner-model';
import { lookOf } from '@/lib/rules/banner-prefs';
import { bannerDismissalsItem, bannerLookItem } from '@/lib/storage/items/banner';
import type { JurisdictionId } from '@/lib/rules/policy-schema';
import type { PlatformRule } from '@/lib/rules/schema';
import { ownExtension } from './bus';
import { classifySender, sameOrigin } from './sender';

export interface BannerSettings {
  jurisdiction: JurisdictionId;
  dismissHours: number;
  customRules: readonly PlatformRule[];
  /** The contract templates, filled from the therapist's defaults. */
  templates?: RenderedTemplate[];
}

/**
 * Answers a content script's "what should the banner show here?". The sender must be our own
 * script in a tab's top frame (the only frame it is injected into), and the URL it asks about
 * must be on its own page; anything else gets no answer at all.
 */
export async function answerBannerRequest(
  message: unknown,
  sender: Browser.runtime.MessageSender,
  settings: BannerSettings,
): Promise<BannerModelResponse | undefined> {
  if (classifySender(sender, ownExtension()) !== 'top-frame-script') return undefined;
  const parsed = v.safeParse(bannerModelRequest, message);
  if (!parsed.success || !sender.url || !sameOrigin(parsed.output.url, sender.url)) return undefined;
  const [dismissals, looks] = await Promise.all([bannerDismissalsItem.get(), bannerLookItem.get()]);
  const model = bannerModelFor({
    url: parsed.output.url,
    kinds: parsed.output.kinds,
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
