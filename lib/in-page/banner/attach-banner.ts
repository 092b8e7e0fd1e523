import { browser } from 'wxt/browser';
import { listen } from '@/lib/bus/listen';
import type { PlatformKind } from '@/lib/rules/schema';
import { isBannerRefresh, type BannerModelRequest, type BannerModelResponse } from '../wire';
import { BANNER_LOOK_KEY, DISMISSALS_KEY, lookOf, nextCorner, withLook } from '@/lib/rules/banner-prefs';
import type { BannerModel } from '@/lib/rules/banner-model';
import { renderBanner, type SensitiveWarning } from './banner-view';
import type { PageContext } from '../page-context';

/** What a content script adds to the banner (the webmail compose helper). */
export interface BannerAddOn {
  /** Told what the background said about this page (null: not a platform of ours). */
  onModel?: (model: BannerModel | null) => void;
  onTemplate?: (model: BannerModel, id: string) => boolean;
  /** The sensitive-content warning for the current draft, if any. */
  warning?: (model: BannerModel) => SensitiveWarning | undefined;
}

export interface AttachedBanner {
  /** Draws the banner again with the add-on's current state (e.g. after a draft check). */
  rerender(): void;
}

/**
 * Keeps the `anteroom-banner` element in step with the page. The background decides what it
 * shows (it holds the catalogue, the policies and the therapist's settings; keeping them out of
 * the content script keeps the script small on every call page): we ask on load, and again
 * whenever the background says so — after an SPA route change (it hears the tab's URL change),
 * and after the settings or dismissals change.
 *
 * The element is ours alone: we keep a reference instead of querying the page, so a page that
 * contains an element of the same name cannot confuse us.
 */
export function attachBanner(ctx: PageContext, kinds: readonly PlatformKind[], addOn: BannerAddOn = {}): AttachedBanner {
  let model: BannerModelResponse = null;
  let host: HTMLElement | undefined;
  let root: ShadowRoot | undefined;
  let asked = 0;
  // What the banner last drew: the same answer again (a settings change elsewhere, a draft check
  // with the same result) leaves it alone, so a button under the therapist's pointer stays put.
  let drawn = '';
  // The card stays open for the rest of this page's life once shown or asked for (an SPA route
  // change asks the background again, and must not fold a card being read); keyed by platform
  // and verdict, so a different verdict starts from what the background says.
  let expandedFor: string | undefined;
  // After a press on the chip or "Make small", keyboard focus goes to what replaced the button.
  let focusAfterDraw: string | undefined;

  const remove = () => {
    host?.remove();
    host = undefined;
    root = undefined;
    drawn = '';
  };

  /** Our element and its shadow root, created (not yet in the page) the first time. */
  const ensureHost = (): ShadowRoot | undefined => {
    if (host && root && host.isConnected) return root;
    remove();
    try {
      const element = document.createElement('anteroom-banner');
      const shadow = element.attachShadow({ mode: 'open' });
      host = element;
      root = shadow;
      return root;
    } catch {
      // The page defined its own element of this name, or locked the DOM down: stay silent here
      // (the toolbar badge still carries the verdict).
      return undefined;
    }
  };

  const dismiss = (platformId: string, hours: number) => async () => {
    remove();
    const current = (await browser.storage.local.get(DISMISSALS_KEY))[DISMISSALS_KEY];
    const dismissals = typeof current === 'object' && current !== null ? { ...(current as object) } : {};
    await browser.storage.local.set({ [DISMISSALS_KEY]: { ...dismissals, [platformId]: Date.now() + hours * 3_600_000 } });
  };

  const expandedKey = (m: BannerModel) => `${m.platformId}|${m.verdict}`;

  const setExpanded = (open: boolean) => {
    if (!model) return;
    expandedFor = open ? expandedKey(model) : undefined;
    focusAfterDraw = open ? '.card' : '[data-action=expand]';
    render();
  };

  // Remembered per platform in storage.local; the background reads it for the next load.
  const move = async () => {
    if (!model) return;
    const current = model;
    const corner = nextCorner(current.corner);
    model = { ...current, corner };
    focusAfterDraw = '[data-action=move]';
    render();
    const stored = (await browser.storage.local.get(BANNER_LOOK_KEY))[BANNER_LOOK_KEY];
    await browser.storage.local.set({ [BANNER_LOOK_KEY]: withLook(stored, current.platformId, { ...lookOf(stored, current.platformId), corner }) });
  };

  const update = async () => {
    const url = location.href;
    const ticket = ++asked;
    const request: BannerModelRequest = { type: 'banner:model', url, kinds: [...kinds] };
    let answer: BannerModelResponse;
    try {
      answer = (await browser.runtime.sendMessage(request)) as BannerModelResponse;
    } catch {
      return; // The extension was reloaded or the background is gone: keep what is shown.
    }
    // The background counts the card as shown when it says "first visit", even if a newer
    // question overtook this one (a load and a route change ask twice): keep the card open.
    if (answer?.firstVisit) expandedFor = expandedKey(answer);
    // A newer question (a route change while we waited) wins.
    if (ticket !== asked || !ctx.isValid) return;
    model = answer;
    addOn.onModel?.(model);
    render();
  };

  const render = () => {
    if (!model) return remove();
    const current = model;
    const warning = addOn.warning?.(current);
    const expanded = expandedFor === expandedKey(current);
    const key = JSON.stringify([current, warning, expanded]);
    if (key === drawn && host?.isConnected) return;
    const shadow = ensureHost();
    if (!shadow || !host) return;
    drawn = key;
    host.setAttribute('data-platform', current.platformId);
    host.setAttribute('data-verdict', current.verdict);
    host.setAttribute('data-corner', current.corner);
    host.setAttribute('data-look', expanded || warning ? 'card' : 'chip');
    if (warning) host.setAttribute('data-warning', 'sensitive-content');
    else host.removeAttribute('data-warning');
    const onTemplate = addOn.onTemplate;
    renderBanner(
      shadow,
      current,
      {
        onDismiss: dismiss(current.platformId, current.dismissHours),
        onTemplate: onTemplate ? (id) => onTemplate(current, id) : undefined,
        onExpand: () => setExpanded(true),
        onCollapse: () => setExpanded(false),
        onMove: () => void move().catch(() => undefined),
      },
      warning,
      expanded,
    );
    if (focusAfterDraw) shadow.querySelector<HTMLElement>(focusAfterDraw)?.focus();
    focusAfterDraw = undefined;
    // Drawn first, then put in the page: outside <body>, so host-page layout and frameworks that
    // re-render <body> leave it alone.
    try {
      if (!host.isConnected) document.documentElement.append(host);
    } catch {
      remove(); // a page that locked its DOM down: the toolbar badge still carries the verdict
    }
  };

  // The background says when the route, the settings or the dismissals changed.
  const unlisten = listen((message, sender) => {
    if (sender.id === browser.runtime.id && isBannerRefresh(message)) void update();
    return undefined;
  });
  ctx.onInvalidated(() => {
    unlisten();
    remove();
  });
  void update();
  return { rerender: render };
}
