import * as v from 'valibot';
import { checklistSnapshot } from '@/lib/vault/store/record-schemas';
import { listOf } from '../fields';
import { storedItem } from '../item';
import { SESSION_KEYS } from '../keys';

/**
 * What the background keeps in storage.session: memory only, gone when the browser quits, and
 * closed to content scripts (lib/vault/service/vault-service.ts sets its access level). A Chrome
 * service worker that restarts, or a Firefox event page that unloads, finds these again.
 */

/** The unlocked data key, base64, while the vault is unlocked (lib/vault/service/key-custody.ts). */
export const vaultDekItem = storedItem({ area: 'session', name: SESSION_KEYS.vaultDek, schema: v.string(), fallback: () => undefined });

/** When a page last did something with the vault (ms), for the auto-lock (lib/vault/service/auto-lock.ts). */
export const vaultLastActivityItem = storedItem({
  area: 'session',
  name: SESSION_KEYS.vaultLastActivityAt,
  schema: v.number(),
  fallback: () => undefined,
});

/** Wrong passphrases in a row and when the next attempt may run (lib/vault/service/backoff.ts). Each field falls back on its own. */
export const vaultUnlockBackoffItem = storedItem({
  area: 'session',
  name: SESSION_KEYS.vaultUnlockBackoff,
  schema: v.object({
    failures: v.fallback(v.pipe(v.number(), v.safeInteger()), 0),
    /** ms since epoch before which no attempt is made. */
    retryAt: v.fallback(v.pipe(v.number(), v.finite()), 0),
  }),
  fallback: () => ({ failures: 0, retryAt: 0 }),
});

/** The opaque id of the client chosen in the checklist for the coming call (lib/background/session-recorder.ts). */
export const sessionClientItem = storedItem({ area: 'session', name: SESSION_KEYS.sessionClient, schema: v.string(), fallback: () => null });

/** Finished calls waiting for an unlock to be sealed: an opaque client id and numbers. */
export const pendingSessionsItem = storedItem({
  area: 'session',
  name: SESSION_KEYS.pendingSessions,
  schema: listOf(
    v.object({
      clientId: v.string(),
      startedAt: v.number(),
      durationMinutes: v.number(),
      platform: v.string(),
      checklistSnapshot,
    }),
  ),
  fallback: (): never[] => [],
});

const shareSchema = v.object({ tabId: v.pipe(v.number(), v.integer()), platform: v.string(), since: v.number() });
type Share = v.InferOutput<typeof shareSchema>;

/** The running screen shares, by tab id (lib/background/screen-shares.ts); an entry under another tab's key is dropped. */
export const screenSharesItem = storedItem({
  area: 'session',
  name: SESSION_KEYS.screenShares,
  schema: v.pipe(
    v.record(v.string(), v.unknown()),
    v.transform((stored) => {
      const map: Record<string, Share> = {};
      for (const [key, value] of Object.entries(stored)) {
        const share = v.safeParse(shareSchema, value);
        if (share.success && String(share.output.tabId) === key) map[key] = share.output;
      }
      return map;
    }),
  ),
  fallback: (): Record<string, Share> => ({}),
});
