import { useEffect, useRef, useState } from 'preact/hooks';
import type { Contract } from '@/lib/contract/schema';
import { loadContract, watchContract } from '@/lib/contract/storage-item';
import { testEndpointFor } from '@/lib/network/endpoint';
import { ensureEndpointPermission } from '@/lib/network/endpoint-permission';
import { measureConnection, type MeasureSuccess } from '@/lib/network/measure';
import { speedVerdict } from '@/lib/network/quality';

/**
 * "Test my connection": times the line against the public speed test or the therapist's own
 * server (options page), only when they press the button. The result joins the local history,
 * which the chart reads.
 */

type Run =
  | { kind: 'idle' }
  | { kind: 'running'; phase: string }
  | { kind: 'done'; result: MeasureSuccess }
  | { kind: 'error'; message: string };

const PHASE_WORDS: Record<string, string> = {
  permission: 'Waiting for your permission to contact the test server…',
  latency: 'Measuring the delay to the test server…',
  download: 'Measuring download speed…',
  upload: 'Measuring upload speed…',
};

const HEADLINE = { pass: '✓ Ready for video', warn: '! Consider audio only', fail: '✕ Too slow even for audio' } as const;
const VIDEO_CALL_WORDS = { bad: 'bad', poor: 'poor', average: 'average', good: 'good', great: 'great' } as const;

export function ConnectionCheck() {
  const [contract, setContract] = useState<Contract | null>(null);
  const [run, setRun] = useState<Run>({ kind: 'idle' });
  const stopper = useRef<AbortController | null>(null);

  useEffect(() => {
    void loadContract().then((loaded) => setContract(loaded.value));
    const unwatch = watchContract((loaded) => setContract(loaded.value));
    return () => {
      unwatch();
      stopper.current?.abort();
    };
  }, []);

  if (contract === null) return <p class="quiet">Loading your settings…</p>;
  const setting = contract.networkTestEndpoint;
  const parsed = testEndpointFor(setting);
  if (!parsed.ok) {
    return (
      <p role="alert" data-testid="connection-setup">
        {parsed.error}{' '}
        <a href="/options.html#anteroom-settings" target="_blank">
          Open the options page
        </a>
        .
      </p>
    );
  }
  const { host, kind, operator } = parsed.endpoint;
  const plan = { backupPlatform: contract.backupPlatform, connectionPlan: contract.disruptionPlans.connection };

  const start = () => {
    // First thing in the click: the permission prompt needs the click's user gesture.
    const permission = ensureEndpointPermission(setting);
    setRun({ kind: 'running', phase: 'permission' });
    void permission.then(async (granted) => {
      if (!granted) {
        setRun({ kind: 'error', message: `Anteroom needs your permission to contact ${host} for the test. Press “Test my connection” again and choose Allow.` });
        return;
      }
      const controller = new AbortController();
      stopper.current = controller;
      const result = await measureConnection(setting, { signal: controller.signal, onProgress: (phase) => setRun({ kind: 'running', phase }) });
      stopper.current = null;
      setRun(result.ok ? { kind: 'done', result } : { kind: 'error', message: result.error });
    });
  };

  const running = run.kind === 'running';
  const verdict = run.kind === 'done' ? speedVerdict(run.result, plan) : undefined;
  return (
    <div class="connection-check">
      <p data-testid="connection-host">
        {kind === 'public' ? (
          <>
            Tests against <strong>{host}</strong>, {operator}'s public speed test. It sees your IP address, as any website does; no
            results are sent to it or anywhere else. To use a server of your own instead, set a network test address on the{' '}
            <a href="/options.html#anteroom-settings" target="_blank">
              options page
            </a>
            .
          </>
        ) : (
          <>
            Tests against <strong>{host}</strong>, the test server in your settings. Only that server is contacted, and the result stays
            on this computer.
          </>
        )}
      </p>
      <p class="actions">
        <button type="button" class="primary" data-testid="connection-test" disabled={running} onClick={start}>
          {running ? 'Testing…' : 'Test my connection'}
        </button>
        {running && run.phase !== 'permission' && (
          <button type="button" onClick={() => stopper.current?.abort()}>
            Stop
          </button>
        )}
      </p>
      <p role="status" data-testid="connection-status" data-state={run.kind}>
        {running ? (PHASE_WORDS[run.phase] ?? 'Testing…') : ''}
      </p>
      {run.kind === 'error' && (
        <p role="alert" data-testid="connection-error">
          {run.message}
        </p>
      )}
      {run.kind === 'done' && verdict && (
        <div class="verdict" data-testid="connection-result" data-status={verdict.status}>
          <p class="verdict-headline">{HEADLINE[verdict.status]}</p>
          <dl class="numbers">
            <div>
              <dt>Download</dt>
              <dd data-testid="down-mbps">{run.result.downMbps} Mbps</dd>
            </div>
            <div>
              <dt>Upload</dt>
              <dd data-testid="up-mbps">{run.result.upMbps} Mbps</dd>
            </div>
            <div>
              <dt>Delay</dt>
              <dd data-testid="latency-ms">{run.result.latencyMs} ms</dd>
            </div>
            <div>
              <dt>Jitter</dt>
              <dd data-testid="jitter-ms">{run.result.jitterMs} ms</dd>
            </div>
            {run.result.loadedLatencyMs !== undefined && (
              <div>
                <dt>Delay while busy</dt>
                <dd data-testid="loaded-latency-ms">{run.result.loadedLatencyMs} ms</dd>
              </div>
            )}
            {run.result.videoCallClass !== undefined && (
              <div>
                <dt>Video calls (Cloudflare's AIM score)</dt>
                <dd data-testid="video-call-class">{VIDEO_CALL_WORDS[run.result.videoCallClass]}</dd>
              </div>
            )}
          </dl>
          <p>{verdict.advice}</p>
        </div>
      )}
    </div>
  );
}
