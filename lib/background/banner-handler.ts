import * as v from 'valibot';
import { browser, type Browser } from 'wxt/browser';
import { platforms } from '@/rules/index';
import { policies } from '@/rules/policies/index';
import { bannerModelRequest, type BannerModelResponse } from '@/lib/messages';
import { bannerModelFor, type RenderedTemplate } from '@/lib/rules/banner-model';
import { DISMISSALS_KEY } from '@/lib/rules/banner-prefs';
import type { JurisdictionId } from '@/lib/rules/policy-schema';
import type { PlatformRule } from '@/lib/rules/schema';
import { isOwnContentScript, sameOrigin } from './sender';

export interface BannerSettings {
  jurisdiction: JurisdictionId;
  dismissHours: number;
  customRules: readonly PlatformRule[];
  /** The contract templates, filled from the therapist's defaults. */
  templates?: RenderedTemplate[];
}

/**
 * Answers a content script's "what should the banner show here?". The sender must be our own
 * content script in a tab, and the URL it asks about must be on its own page; anything else
 * gets no answer at all.
 */
export async function answerBannerRequest(
  message: unknown,
  sender: Browser.runtime.MessageSender,
  settings: BannerSettings,
): Promise<BannerModelResponse | undefined> {
  if (!isOwnContentScript(sender, browser.runtime.id)) return undefined;
  const parsed = v.safeParse(bannerModelRequest, message);
  if (!parsed.success || !sender.url || !sameOrigin(parsed.output.url, sender.url)) return undefined;
  const dismissals = (await browser.storage.local.get(DISMISSALS_KEY))[DISMISSALS_KEY];
  return bannerModelFor({
    url: parsed.output.url,
    kinds: parsed.output.kinds,
    platforms: [...settings.customRules, ...platforms],
    policy: policies[settings.jurisdiction],
    dismissHours: settings.dismissHours,
    dismissals,
    now: Date.now(),
    templates: settings.templates,
  });
}
