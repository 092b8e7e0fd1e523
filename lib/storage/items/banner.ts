import * as v from 'valibot';
import { CORNERS } from '@/lib/rules/banner-prefs';
import { mapOf } from '../fields';
import { storedItem } from '../item';
import { LOCAL_KEYS } from '../keys';

/**
 * How the in-page banner was left, per platform id: until when it is dismissed, which verdicts'
 * full cards were already shown, and the corner it was moved to. Platform ids, times and corners
 * only. The background reads these through the schemas; the in-page banner, which writes them,
 * names only the keys (lib/rules/banner-prefs.ts), so that it bundles no schema library.
 */

/** Platform id → the time (ms) until which its banner stays hidden. */
export const bannerDismissalsItem = storedItem({
  area: 'local',
  name: LOCAL_KEYS.bannerDismissals,
  schema: mapOf(v.number()),
  fallback: (): Record<string, number> => ({}),
});

const look = v.object({
  seen: v.fallback(
    v.pipe(
      v.array(v.unknown()),
      v.transform((seen) => seen.filter((verdict): verdict is string => typeof verdict === 'string')),
    ),
    [],
  ),
  corner: v.fallback(v.optional(v.picklist(CORNERS)), undefined),
});

/** Platform id → its banner's look. */
export const bannerLookItem = storedItem({
  area: 'local',
  name: LOCAL_KEYS.bannerLook,
  schema: mapOf(look),
  fallback: (): Record<string, v.InferOutput<typeof look>> => ({}),
});
