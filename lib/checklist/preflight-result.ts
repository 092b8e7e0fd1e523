import * as v from 'valibot';

/**
 * What the full-tab preflight check (entrypoints/preflight) leaves in storage.local under
 * 'preflightResult'. Read through this schema: a shape written by an older or newer version
 * is simply "no result".
 */
export const PREFLIGHT_RESULT_KEY = 'preflightResult';

const preflightResult = v.object({
  at: v.pipe(v.string(), v.isoTimestamp()),
  lighting: v.picklist(['good', 'dark', 'backlit', 'unknown']),
  camera: v.boolean(),
  microphone: v.boolean(),
});
export type PreflightResult = v.InferOutput<typeof preflightResult>;

export function readPreflightResult(stored: unknown): PreflightResult | undefined {
  const parsed = v.safeParse(preflightResult, stored);
  return parsed.success ? parsed.output : undefined;
}
