import * as v from 'valibot';
import { isoTime } from '../fields';
import { storedItem } from '../item';
import { LOCAL_KEYS } from '../keys';

/**
 * The outcome of the last camera and microphone check (entrypoints/preflight), for the popup's
 * checklist (`room.lighting`, devices). Booleans and a word: no frame, no sound, no device name.
 * A shape written by an older or newer version reads as "no result".
 */
export const preflightResultSchema = v.object({
  at: isoTime,
  lighting: v.picklist(['good', 'dark', 'backlit', 'unknown']),
  /** A camera picture arrived. */
  camera: v.boolean(),
  /** The microphone delivered sound (not digital silence). */
  microphone: v.boolean(),
});
export type PreflightResult = v.InferOutput<typeof preflightResultSchema>;

export const preflightResultItem = storedItem({
  area: 'local',
  name: LOCAL_KEYS.preflightResult,
  schema: preflightResultSchema,
  fallback: () => null,
});
