/**
 * The connection test lives in lib/network (measure.ts, quality.ts, endpoint-permission.ts).
 * The popup loads it after its first paint, before any click, so the permission prompt can be
 * the first thing the "Test my connection" click does; if loading fails the item reads "unknown".
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

const parts: Record<string, () => Promise<Partial<NetworkModule>>> = {
  measure: () => import('../network/measure'),
  quality: () => import('../network/quality'),
  permission: () => import('../network/endpoint-permission'),
};

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
