import { useEffect, useRef, useState } from 'preact/hooks';
import { loadContract, watchContract } from '@/lib/contract/storage-item';
import { parseEndpoint } from '@/lib/network/endpoint';
import { ensureEndpointPermission } from '@/lib/network/endpoint-permission';
import { measureConnection, type MeasureResult } from '@/lib/network/measure';
import { speedVerdict } from '@/lib/network/quality';

/**
 * "Test my connection": times the line against the therapist's own test server (options page),
 * only when they press the button. The result joins the local history, which the chart reads.
 */

type Run =
  | { kind: 'idle' }
  | { kind: 'running'; phase: string }
  | { kind: 'done'; result: Extract<MeasureResult, { ok: true }> }
  | { kind: 'error'; message: string };

const PHASE_WORDS: Record<string, string> = {
  permission: 'Waiting for your permission to contact the test server…',
  latency: 'Measuring the delay to the test server…',
  download: 'Measuring download speed…',
  upload: 'Measuring upload speed…',
};

const HEADLINE = { pass: '✓ Ready for video', warn: '! Consider audio only', fail: '✕ Too slow for video' } as const;

export function ConnectionCheck() {
  const [endpoint, setEndpoint] = useState<string | null>(null);
  const [run, setRun] = useState<Run>({ kind: 'idle' });
  const stopper = useRef<AbortController | null>(null);

  useEffect(() => {
    void loadContract().then((loaded) => setEndpoint(loaded.value.networkTestEndpoint));
    const unwatch = watchContract((loaded) => setEndpoint(loaded.value.networkTestEndpoint));
    return () => {
      unwatch();
      stopper.current?.abort();
    };
  }, []);

  if (endpoint === null) return <p class="quiet">Loading your settings…</p>;
  const parsed = parseEndpoint(endpoint);
  if (!parsed.ok) {
    return (
      <div data-testid="connection-setup">
        <p>
          To test your connection, Anteroom needs a test server you trust. Add its address on the{' '}
          <a href="/options.html" target="_blank">
            options page
          </a>
          , under “How Anteroom behaves” → “Network test address”.
        </p>
        <p class="quiet">
          Anteroom has no server of its own, so there is no default. Whoever looks after your computers can host one in a few
          minutes; the instructions are in Anteroom's documentation (lib/network/README.md).
        </p>
      </div>
    );
  }
  const host = parsed.endpoint.host;

  const start = () => {
    // First thing in the click: the permission prompt needs the click's user gesture.
    const permission = ensureEndpointPermission(endpoint);
    setRun({ kind: 'running', phase: 'permission' });
    void permission.then(async (granted) => {
      if (!granted) {
        setRun({
          kind: 'error',
          message: `Anteroom needs your permission to contact ${host} for the test. Press “Test my connection” again and choose Allow.`,
        });
        return;
      }
      const controller = new AbortController();
      stopper.current = controller;
      const result = await measureConnection(endpoint, {
        signal: controller.signal,
        onProgress: (phase) => setRun({ kind: 'running', phase }),
      });
      stopper.current = null;
      setRun(result.ok ? { kind: 'done', result } : { kind: 'error', message: result.error });
    });
  };

  const running = run.kind === 'running';
  const verdict = run.kind === 'done' ? speedVerdict(run.result) : undefined;
  return (
    <div class="connection-check">
      <p>
        Tests against <strong>{host}</strong>, a server you chose. Only that server is contacted, and the result stays on this
        computer.
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
        {running ? PHASE_WORDS[run.phase] ?? 'Testing…' : ''}
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
              <dd>{run.result.latencyMs} ms</dd>
            </div>
            <div>
              <dt>Jitter</dt>
              <dd>{run.result.jitterMs} ms</dd>
            </div>
          </dl>
          <p>{verdict.advice}</p>
        </div>
      )}
    </div>
  );
}
