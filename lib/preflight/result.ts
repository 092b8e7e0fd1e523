import { storage } from 'wxt/utils/storage';
import type { Lighting } from './lighting';

/**
 * The outcome of the last camera and microphone check, for the popup's checklist
 * (`room.lighting`, devices). Booleans and a word: no frame, no sound, no device name is stored.
 */
export interface PreflightResult {
  /** ISO time of the check. */
  at: string;
  lighting: Lighting;
  /** A camera picture arrived. */
  camera: boolean;
  /** The microphone delivered sound (not digital silence). */
  microphone: boolean;
}

export const PREFLIGHT_RESULT_KEY = 'preflightResult';
const ITEM = `local:${PREFLIGHT_RESULT_KEY}` as const;
const LIGHTING: readonly Lighting[] = ['good', 'dark', 'backlit', 'unknown'];

export function isPreflightResult(value: unknown): value is PreflightResult {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.at === 'string' &&
    !Number.isNaN(Date.parse(v.at)) &&
    LIGHTING.includes(v.lighting as Lighting) &&
    typeof v.camera === 'boolean' &&
    typeof v.microphone === 'boolean'
  );
}

export async function savePreflightResult(result: Omit<PreflightResult, 'at'>, at: Date = new Date()): Promise<void> {
  const value: PreflightResult = { at: at.toISOString(), lighting: result.lighting, camera: result.camera, microphone: result.microphone };
  await storage.setItem(ITEM, value);
}

/** The last check, or null when there is none or it is unreadable. */
export async function loadPreflightResult(): Promise<PreflightResult | null> {
  const stored = await storage.getItem<unknown>(ITEM).catch(() => null);
  return isPreflightResult(stored) ? stored : null;
}
