import { domain, type Domain } from './bus';
import { bannerHandlers, type BannerSettings } from './banner-handler';
import { callHandlers, type CallHandlerDeps } from './call-handler';
import { inPageOperations } from './in-page-messages';

/**
 * The in-page scripts' requests on the bus (lib/background/in-page-messages.ts). A request
 * that passed the bus's checks waits for `ready` (the settings, which arrive asynchronously)
 * before its handler runs; one refused gets no answer at once.
 */
export function inPageDomain(deps: { banner: () => BannerSettings; call: CallHandlerDeps; ready?: Promise<unknown> }): Domain {
  const { ready } = deps;
  return domain(inPageOperations, { ...bannerHandlers(deps.banner), ...callHandlers(deps.call) }, ready ? { answer: (work) => ready.then(work) } : {});
}
