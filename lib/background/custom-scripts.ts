import { browser } from 'wxt/browser';
import { originPatternFor, type CustomPlatform } from '@/lib/rules/custom-platform';

/**
 * Keeps the dynamically registered content scripts in step with the therapist's custom
 * platforms: one registration per kind, covering only the hosts whose permission was granted.
 * Called on every background start and whenever the list or the granted permissions change,
 * so nothing depends on a registration persisting across browser sessions.
 */
const SCRIPTS = {
  video: [
    { id: 'anteroom-custom-video', js: 'content-scripts/platform.js', runAt: 'document_idle' },
    { id: 'anteroom-custom-call-probe', js: 'content-scripts/call-probe.js', runAt: 'document_start', world: 'MAIN' },
  ],
  webmail: [{ id: 'anteroom-custom-webmail', js: 'content-scripts/webmail.js', runAt: 'document_idle' }],
} as const;

export async function grantedCustomPlatforms(customs: readonly CustomPlatform[]): Promise<CustomPlatform[]> {
  const granted = await Promise.all(
    customs.map((c) => browser.permissions.contains({ origins: [originPatternFor(c)] }).catch(() => false)),
  );
  return customs.filter((_, i) => granted[i]);
}

export async function syncCustomContentScripts(customs: readonly CustomPlatform[]): Promise<void> {
  const granted = await grantedCustomPlatforms(customs);
  const ids = Object.values(SCRIPTS).flatMap((scripts) => scripts.map((s) => s.id));
  const registered = await browser.scripting.getRegisteredContentScripts({ ids });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: registered.map((r) => r.id) });
  const registrations = (Object.keys(SCRIPTS) as (keyof typeof SCRIPTS)[]).flatMap((kind) => {
    const matches = [...new Set(granted.filter((c) => c.kind === kind).map(originPatternFor))].sort();
    if (matches.length === 0) return [];
    return SCRIPTS[kind].map((script) => ({
      id: script.id,
      matches,
      js: [script.js],
      runAt: script.runAt,
      ...('world' in script ? { world: script.world } : {}),
      persistAcrossSessions: false,
    }));
  });
  if (registrations.length > 0) await browser.scripting.registerContentScripts(registrations);
}
