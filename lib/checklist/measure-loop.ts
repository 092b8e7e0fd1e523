import type { ActionId, CheckDefinition, CheckId, Evaluation, MeasuredCheck } from './types';
import type { ConnectionTest, ProbeContext, Source, Store } from './probe-context';

/**
 * The popup's one loop over the registry's measured checks: every probe starts at once, each
 * reports on its own, and each is held apart from the others. A probe that throws, or has not
 * answered after `timeoutMs`, shows its own item as unknown and nothing else; an answer that
 * comes after the timeout still replaces it. A check's watch reruns its probe; an answer from
 * an older run is dropped. No browser API here: the checks' probes and sources hold those.
 */

export const PROBE_TIMEOUT_MS = 10_000;
const UNREADABLE = 'Anteroom could not check this just now.';

export interface MeasureOptions {
  timeoutMs?: number;
}

export interface MeasureLoop {
  readonly context: ProbeContext;
  /** Runs a button's work, then measures its check again. Call straight from the click. */
  act(action: ActionId): Promise<void>;
  /** Unsubscribes every watch; later answers are dropped. */
  stop(): void;
}

const isMeasured = (check: CheckDefinition): check is MeasuredCheck => check.kind === 'measured';

export function startMeasuring(
  checks: readonly CheckDefinition[],
  settings: Pick<ProbeContext, 'contract'> & { connectionTest: Store<ConnectionTest> },
  report: (id: CheckId, evaluation: Evaluation) => void,
  options: MeasureOptions = {},
): MeasureLoop {
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  const measuredChecks = checks.filter(isMeasured);
  let stopped = false;
  const stops: (() => void)[] = [];
  const context = sharedReads(settings, stops);
  const runs = new Map<CheckId, number>();

  /** Resolves once the check has reported, or its probe has timed out. */
  function run(check: MeasuredCheck): Promise<void> {
    if (stopped) return Promise.resolve();
    const mine = (runs.get(check.id) ?? 0) + 1;
    runs.set(check.id, mine);
    const current = () => !stopped && runs.get(check.id) === mine;
    const unreadable: Evaluation = { status: 'unknown', detail: check.unreadable ?? UNREADABLE };
    const answered = Promise.resolve()
      .then(() => check.measure(context))
      .then(
        (evaluation) => {
          if (current()) report(check.id, evaluation);
        },
        () => {
          if (current()) report(check.id, unreadable);
        },
      );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        if (current()) report(check.id, unreadable);
        resolve();
      }, timeoutMs);
    });
    return Promise.race([answered, timedOut]).finally(() => clearTimeout(timer));
  }

  for (const check of measuredChecks) {
    void run(check);
    try {
      const unsubscribe = check.watch?.(context, () => void run(check));
      if (unsubscribe) stops.push(unsubscribe);
    } catch {
      // A watch that cannot start leaves its item as first measured; the rest are unaffected.
    }
  }

  return {
    context,
    act(action) {
      const owner = measuredChecks.find((check) => check.actions?.[action]);
      const work = owner?.actions?.[action];
      if (!owner || !work) return Promise.resolve();
      let started: Promise<unknown>;
      try {
        started = work(context);
      } catch (error) {
        started = Promise.reject(error);
      }
      return started.catch(() => undefined).then(() => run(owner));
    },
    stop() {
      stopped = true;
      for (const unsubscribe of stops.splice(0)) {
        try {
          unsubscribe();
        } catch {
          // Stopping the others matters more.
        }
      }
    },
  };
}

/** The context's shared reads: one read per source until it changes, one watch however many listen. */
function sharedReads(settings: Pick<ProbeContext, 'contract' | 'connectionTest'>, stops: (() => void)[]): ProbeContext {
  const reads = new Map<Source<unknown>, Promise<unknown>>();
  const latest = new Map<Source<unknown>, unknown>();
  const listeners = new Map<Source<unknown>, Set<() => void>>();
  const sourceStops = new Map<Source<unknown>, () => void>();

  const changed = (source: Source<unknown>) => {
    reads.delete(source);
    for (const listener of [...(listeners.get(source) ?? [])]) listener();
  };

  const context: ProbeContext = {
    contract: settings.contract,
    connectionTest: settings.connectionTest,
    read<T>(source: Source<T>): Promise<T> {
      const known = reads.get(source);
      if (known) return known as Promise<T>;
      let reading: Promise<T>;
      try {
        reading = source.read(context);
      } catch (error) {
        reading = Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      reads.set(source, reading);
      reading.then(
        (value) => {
          if (reads.get(source) === reading) latest.set(source, value);
        },
        () => {
          if (reads.get(source) === reading) reads.delete(source); // the next probe tries again
        },
      );
      return reading;
    },
    latest: <T>(source: Source<T>) => latest.get(source) as T | undefined,
    watch(source, listener) {
      let set = listeners.get(source);
      if (!set) listeners.set(source, (set = new Set()));
      set.add(listener);
      if (set.size === 1 && source.watch) sourceStops.set(source, source.watch(() => changed(source)));
      return () => {
        set.delete(listener);
        if (set.size > 0) return;
        sourceStops.get(source)?.();
        sourceStops.delete(source);
      };
    },
    refresh: changed,
  };
  stops.push(() => {
    for (const stop of sourceStops.values()) stop();
    sourceStops.clear();
  });
  return context;
}
