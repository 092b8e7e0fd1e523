import type { EndpointCheck, TestEndpoint } from '@/lib/network/endpoint';
import type { PassiveReading } from '@/lib/network/passive';
import { openOwnPage } from '../probes';
import type { ProbeContext } from '../probe-context';
import type { MeasureSuccess } from '@/lib/network/measure';
import { networkSource, passiveSource } from '../sources';
import { allFormats, measured } from '../types';

/**
 * A finished test, as kept for this preparation: the engine's result with the checklist's verdict.
 * A type-only import: lib/network itself still loads only when a test starts.
 */
export type SpeedResult =
  | (MeasureSuccess & { status: 'pass' | 'warn' | 'fail'; advice: string })
  | { ok: false; error: string };

export type SpeedInput =
  /** lib/network is not part of this build. */
  | { available: false; passive?: PassiveReading }
  | {
      available: true;
      /** What is known without a request (lib/network/passive.ts), shown until a test has run. */
      passive?: PassiveReading;
      /** Where the test goes: the therapist's own server or the public service (lib/network/endpoint.ts). */
      target: EndpointCheck;
      /** Whether Anteroom may already contact the target's host (if not, the first test asks). */
      permitted: boolean;
      /** The phase of a test under way. */
      running?: string;
      result?: SpeedResult;
    };

/** The test module's phases, in words. */
const PHASES: Record<string, string> = { starting: 'starting', latency: 'timing round trips', download: 'measuring download', upload: 'measuring upload' };

const mbps = (n: number) => (n >= 10 ? n.toFixed(0) : n.toFixed(1));

/** One sentence before the first test: who is contacted and what they see. */
function explainFirst(target: TestEndpoint): string {
  const who = target.kind === 'own' ? `${target.host} (your own server)` : `${target.host} (${target.operator}'s public speed test)`;
  return `Exchanges up to 10 MB with ${who}, which sees your IP address, as any website does; no results are sent. Your browser will ask first.`;
}

/** Before any test, only what needs no request: the browser's estimate and past calls. */
async function probe(ctx: ProbeContext): Promise<SpeedInput> {
  const setting = ctx.contract.networkTestEndpoint;
  const [network, passive] = await Promise.all([ctx.read(networkSource), ctx.read(passiveSource).catch(() => undefined)]);
  const known = passive ? { passive } : {};
  if (!network) return { available: false, ...known };
  const permitted = await network.hasEndpointPermission(setting);
  const { running, result } = ctx.connectionTest.get();
  return { available: true, target: network.testEndpointFor(setting), permitted, ...known, ...(running !== undefined ? { running } : {}), ...(result ? { result } : {}) };
}

/** Runs the test the therapist asked for; the engine itself loads only now. */
function testConnection(ctx: ProbeContext): Promise<void> {
  const network = ctx.latest(networkSource);
  if (!network) return Promise.resolve();
  const { contract, connectionTest } = ctx;
  const setting = contract.networkTestEndpoint;
  const asking = network.ensureEndpointPermission(setting); // first: the prompt needs this click
  const target = network.testEndpointFor(setting);
  const host = target.ok ? target.endpoint.host : '';
  const plan = { backupPlatform: contract.backupPlatform, connectionPlan: contract.disruptionPlans.connection };
  const finish = (result: SpeedResult) => connectionTest.set({ result });
  const phase = (running: string) => connectionTest.set({ ...connectionTest.get(), running });
  return asking
    .then(async (allowed) => {
      if (!allowed) return finish({ ok: false, error: `Anteroom was not allowed to contact ${host}.` });
      phase('starting');
      const found = await network.measureConnection(setting, { onProgress: phase });
      finish(found.ok ? { ...found, ...network.speedVerdict(found, plan) } : found);
    })
    .catch(() => finish({ ok: false, error: 'It stopped unexpectedly; try again.' }));
}

export default measured({
  id: 'network.speed',
  title: 'Connection speed',
  why: 'Video needs about 2 Mbps each way and a steady delay; below that, audio only is safer.',
  whenNotMet: 'Move closer to the router or plug in a cable, pause other streaming, or agree to continue with audio only.',
  source: 'research §0.4 and §5 (Zoom: 600 kbps–1.8 Mbps for 1:1 video; audio 60–80 kbps), §4.2 thresholds',
  formats: allFormats,
  probe,
  watch: (ctx, rerun) => ctx.connectionTest.subscribe(rerun),
  actions: {
    'test-connection': testConnection,
    'open-options': () => openOwnPage('/options.html', '#anteroom-settings'),
  },
  evaluate(input: SpeedInput) {
    const known = input.passive ? `${input.passive.sentences.join(' ')} ` : '';
    const unmeasured = input.passive ? input.passive.sentences.join(' ') : 'Not measured yet.';
    if (!input.available) return { status: 'unknown', detail: `${known}The connection test is not part of this version of Anteroom.` };
    if (!input.target.ok) {
      return { status: 'unknown', detail: `${known}${input.target.error}`, action: { id: 'open-options', label: 'Open settings' } };
    }
    const target = input.target.endpoint;
    const host = target.host;
    if (input.running !== undefined) return { status: 'unknown', detail: `Testing your connection with ${host} (${PHASES[input.running] ?? input.running})…` };
    const explain = input.permitted ? `Exchanges up to 10 MB with ${host}; no results are sent.` : explainFirst(target);
    const result = input.result;
    if (!result) return { status: 'todo', detail: unmeasured, action: { id: 'test-connection', label: 'Test my connection', explain } };
    if (!result.ok) {
      return {
        status: 'unknown',
        detail: `The test did not finish. ${result.error}`,
        action: { id: 'test-connection', label: 'Try again', explain },
      };
    }
    return {
      status: result.status,
      detail: `Down ${mbps(result.downMbps)} Mbps, up ${mbps(result.upMbps)} Mbps, delay ${Math.round(result.latencyMs)} ms, jitter ${Math.round(result.jitterMs)} ms.`,
      ...(result.status === 'pass' ? {} : { advice: result.advice }),
      action: { id: 'test-connection', label: 'Test again', explain },
    };
  },
});
