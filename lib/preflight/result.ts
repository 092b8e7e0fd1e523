import * as v from 'valibot';
import { preflightResultItem, preflightResultSchema, type PreflightResult } from '@/lib/storage/items/preflight';
import type { Lighting } from './lighting';

/**
 * The last camera and microphone check, as the preflight page saves it and the popup's
 * checklist reads it (item and shape: lib/storage/items/preflight.ts).
 */
export type { PreflightResult };
export const PREFLIGHT_RESULT_KEY = preflightResultItem.name;

export const isPreflightResult = (value: unknown): value is PreflightResult => v.is(preflightResultSchema, value);

/** A stored value read through the schema; anything else is "no result". */
export const readPreflightResult = (stored: unknown): PreflightResult | undefined => preflightResultItem.parse(stored) ?? undefined;

export async function savePreflightResult(result: { lighting: Lighting; camera: boolean; microphone: boolean }, at: Date = new Date()): Promise<void> {
  await preflightResultItem.set({ at: at.toISOString(), lighting: result.lighting, camera: result.camera, microphone: result.microphone });
}

/** The last check, or null when there is none or it is unreadable. */
export async function loadPreflightResult(): Promise<PreflightResult | null> {
  return preflightResultItem.get().catch(() => null);
}
