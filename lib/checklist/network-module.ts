import type { AgreedPlan, MeasuredLine, SpeedStatus } from '../network/quality';
import type { EndpointCheck } from '../network/endpoint';
import type { MeasureOptions, MeasureResult } from '../network/measure';

/**
 * The connection test lives in lib/network (measure.ts, quality.ts, endpoint.ts,
 * endpoint-permission.ts). The popup loads it after its first paint, before any click, so the
 * permission prompt can be the first thing the "Test my connection" click does; if loading
 * fails the item reads "unknown". The speed-test engine itself is loaded only when a test starts.
 */
export interface NetworkModule {
  measureConnection(setting: string, opts?: MeasureOptions): Promise<MeasureResult>;
  speedVerdict(r: MeasuredLine, plan?: AgreedPlan): { status: SpeedStatus; advice: string };
  testEndpointFor(setting: string): EndpointCheck;
  /** Asks for the endpoint host's permission; must be called from the click, before any await. */
  ensureEndpointPermission(setting: string): Promise<boolean>;
  hasEndpointPermission(setting: string): Promise<boolean>;
}

const parts: Record<string, () => Promise<Partial<NetworkModule>>> = {
  measure: () => import('../network/measure'),
  quality: () => import('../network/quality'),
  endpoint: () => import('../network/endpoint'),
  permission: () => import('../network/endpoint-permission'),
};

const NAMES = ['measureConnection', 'speedVerdict', 'testEndpointFor', 'ensureEndpointPermission', 'hasEndpointPermission'] as const;

/** The module's functions, or undefined when any of them is missing from this build. */
export async function loadNetworkModule(loaders: Record<string, () => Promise<Partial<NetworkModule>>> = parts): Promise<NetworkModule | undefined> {
  try {
    const modules = await Promise.all(Object.values(loaders).map((load) => load()));
    const merged = Object.assign({}, ...modules) as Partial<NetworkModule>;
    if (!NAMES.every((name) => typeof merged[name] === 'function')) return undefined;
    return Object.fromEntries(NAMES.map((name) => [name, merged[name]])) as unknown as NetworkModule;
  } catch {
    return undefined;
  }
}
