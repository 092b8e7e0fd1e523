import { browser } from 'wxt/browser';
import { testEndpointFor } from './endpoint';

/**
 * Asks for the one host the connection test talks to, within the manifest's optional
 * https host permissions. permissions.request needs the user's click, and that gesture is lost across
 * an await, so this makes the request synchronously: call it first thing in a click handler.
 * Resolves true at once, without a prompt, when the permission is already granted. False for an
 * unusable address or when the therapist declines.
 */
export function ensureEndpointPermission(setting: string): Promise<boolean> {
  const parsed = testEndpointFor(setting);
  if (!parsed.ok) return Promise.resolve(false);
  try {
    return browser.permissions.request({ origins: [parsed.endpoint.originPattern] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

/** Whether the test host is already allowed (no prompt; fine to await). */
export async function hasEndpointPermission(setting: string): Promise<boolean> {
  const parsed = testEndpointFor(setting);
  if (!parsed.ok) return false;
  return browser.permissions.contains({ origins: [parsed.endpoint.originPattern] }).catch(() => false);
}
