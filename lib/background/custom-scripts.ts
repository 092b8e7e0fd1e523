import { browser } from 'wxt/browser';
import { originPatternFor, type CustomPlatform } from '@/lib/rules/custom-platform';
import { IN_PAGE_SCRIPTS } from '@/lib/in-page/scripts';

/**
 * Keeps the dynamically registered content scripts in step with the therapist's custom
 * platforms: one registration per kind, covering only the hosts whose permission was granted.
 * Called on every background start and whenever the list or the granted permissions change,
 * so nothing depends on a registration persisting across browser sessions.
 */
const SCRIPTS = Object.values(IN_PAGE_SCRIPTS);

export async function grantedCustomPlatforms(customs: readonly CustomPlatform[]): Promise<CustomPlatform[]> {
  const granted = await Promise.all(
    customs.map((c) => browser.permissions.contains({ origins: [originPatternFor(c)] }).catch(() => false)),
  );
  return customs.filter((_, i) => granted[i]);
}

export async function syncCustomContentScripts(customs: readonly CustomPlatform[]): Promise<void> {
  const granted = await grantedCustomPlatforms(customs);
  const ids = SCRIPTS.map((script) => script.custom.id);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: registered.map((r) => r.id) });
  const registrations = SCRIPTS.flatMap((script) => {
    const matches = [...new Set(granted.filter((c) => c.kind === script.custom.kind).map(originPatternFor))].sort();
    if (matches.length === 0) return [];
    return [{ id: script.custom.id, matches, js: [script.file], runAt: script.runAt, world: script.world, persistAcrossSessions: false }];
  });
  // One call; the order the browser then runs the call probe and the platform script in is
  // promised nowhere, and need not be (lib/in-page/probe/probe-channel.ts).
  if (registrations.length > 0) await browser.scripting.registerContentScripts(registrations);
}
