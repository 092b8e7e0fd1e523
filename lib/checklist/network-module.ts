/**
 * The connection test lives in lib/network (measure.ts, quality.ts, endpoint-permission.ts),
 * built alongside the checklist. It is loaded lazily (it is needed only when the therapist asks
 * for a test) and through a glob, so the checklist builds and the item reads "unknown" in a
 * build that does not have it.
 */

export type MeasureResult =
  | { ok: true; downMbps: number; upMbps: number; latencyMs: number; jitterMs: number }
  | { ok: false; error: string };

export interface NetworkModule {
  measureConnection(
    endpoint: string,
    opts?: { signal?: AbortSignal; timeoutMs?: number; onProgress?: (phase: string) => void },
  ): Promise<MeasureResult>;
  speedVerdict(r: { downMbps: number; upMbps: number }): { status: 'pass' | 'warn' | 'fail'; advice: string };
  /** Asks for the endpoint host's permission; must be called from the click, before any await. */
  ensureEndpointPermission(endpoint: string): Promise<boolean>;
}

const parts = import.meta.glob<Partial<NetworkModule>>(['../network/measure.ts', '../network/quality.ts', '../network/endpoint-permission.ts']);

/** The three functions, or undefined when any of them is missing from this build. */
export async function loadNetworkModule(loaders: Record<string, () => Promise<Partial<NetworkModule>>> = parts): Promise<NetworkModule | undefined> {
  try {
    const modules = await Promise.all(Object.values(loaders).map((load) => load()));
    const merged = Object.assign({}, ...modules) as Partial<NetworkModule>;
    const { measureConnection, speedVerdict, ensureEndpointPermission } = merged;
    if (typeof measureConnection !== 'function' || typeof speedVerdict !== 'function' || typeof ensureEndpointPermission !== 'function') return undefined;
    return { measureConnection, speedVerdict, ensureEndpointPermission };
  } catch {
    return undefined;
  }
}
