import type { PassiveReading } from '@/lib/network/passive';
import { allFormats, measured } from '../types';
import { hostOf } from '../words';

/** A finished test, as kept for this preparation. */
export type SpeedResult =
  | { ok: true; downMbps: number; upMbps: number; latencyMs: number; jitterMs: number; status: 'pass' | 'warn' | 'fail'; advice: string }
  | { ok: false; error: string };

export type SpeedInput =
  /** lib/network is not part of this build. */
  | { available: false; passive?: PassiveReading }
  | {
      available: true;
      /** What is known without a request (lib/network/passive.ts), shown until a test has run. */
      passive?: PassiveReading;
      /** The contract's networkTestEndpoint; '' when the therapist has not set one. */
      endpoint: string;
      /** Whether Anteroom may already contact the endpoint's host (if not, the first test asks). */
      permitted: boolean;
      /** The phase of a test under way. */
      running?: string;
      result?: SpeedResult;
    };

/** The test module's phases, in words. */
const PHASES: Record<string, string> = { starting: 'starting', latency: 'timing round trips', download: 'measuring download', upload: 'measuring upload' };

const mbps = (n: number) => (n >= 10 ? n.toFixed(0) : n.toFixed(1));

export default measured<SpeedInput>({
  id: 'network.speed',
  title: 'Connection speed',
  why: 'A one-to-one video call needs about 0.6–1.8 Mbps each way; 2 Mbps leaves room for the unexpected.',
  whenNotMet: 'Move closer to the router or plug in a cable, pause other streaming, or agree to continue with audio only.',
  source: 'research §0.4 and §5 (Zoom: 600 kbps–1.8 Mbps for 1:1 video; audio 60–80 kbps), §4.2 thresholds',
  formats: allFormats,
  evaluate(input) {
    const known = input.passive ? `${input.passive.sentences.join(' ')} ` : '';
    if (!input.available) return { status: 'unknown', detail: `${known}The connection test is not part of this version of Anteroom.` };
    const host = hostOf(input.endpoint);
    if (host === '') {
      return {
        status: 'unknown',
        detail: `${known}No test address is set, so the connection was not timed.`,
        advice: 'To time it, add a “Network test address” (a server you trust) on the settings page, under “How Anteroom behaves”.',
        action: { id: 'open-options', label: 'Open settings' },
      };
    }
    if (input.running !== undefined) return { status: 'unknown', detail: `Testing your connection with ${host} (${PHASES[input.running] ?? input.running})…` };
    const explain = input.permitted
      ? `Sends test data to ${host} and back, and times it.`
      : `The test sends a few megabytes of test data to ${host} (the address in your settings) and back, and times it; nothing else is sent. Your browser will ask you to let Anteroom contact ${host}.`;
    const result = input.result;
    if (!result) return { status: 'todo', detail: `${known}Not tested yet.`, action: { id: 'test-connection', label: 'Test my connection', explain } };
    if (!result.ok) {
      return {
        status: 'unknown',
        detail: `The test did not finish. ${result.error}`,
        action: { id: 'test-connection', label: 'Try again', explain },
      };
    }
    return {
      status: result.status,
      detail: `Down ${mbps(result.downMbps)} Mbps, up ${mbps(result.upMbps)} Mbps, delay ${Math.round(result.latencyMs)} ms.`,
      ...(result.status === 'pass' ? {} : { advice: result.advice }),
      action: { id: 'test-connection', label: 'Test again', explain },
    };
  },
});
