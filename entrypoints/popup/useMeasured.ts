import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Contract } from '@/lib/contract/schema';
import type { SpeedResult } from '@/lib/checklist/checks/network.speed';
import { startMeasuring, type MeasureLoop } from '@/lib/checklist/measure-loop';
import { createStore, type ConnectionTest } from '@/lib/checklist/probe-context';
import { tabsSource } from '@/lib/checklist/sources';
import type { ActionId, CheckDefinition, CheckId, Evaluation } from '@/lib/checklist/types';

type Evaluations = Partial<Record<CheckId, Evaluation>>;

export interface Measured {
  evaluations: Evaluations;
  /** The recognised platform of the session tab, for the run record. */
  platformId: string | null;
  /** Runs a button's action. Must be called straight from the click. */
  act: (action: ActionId) => void;
  busy: boolean;
}

/**
 * Measures the registry's checks while the popup is open, once the contract is known: each
 * check's probe and watch do the work (lib/checklist/measure-loop.ts), so a slow or failing one
 * never holds up the rest of the list. The connection test's result belongs to the preparation
 * (`speed`, kept across openings); the check's own button runs the test.
 */
export function useMeasured(
  checks: readonly CheckDefinition[],
  contract: Contract | undefined,
  speed: SpeedResult | undefined,
  onSpeed: (result: SpeedResult) => void,
): Measured {
  const [evaluations, setEvaluations] = useState<Evaluations>({});
  const [platformId, setPlatformId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const loop = useRef<MeasureLoop | undefined>(undefined);

  // The preparation's result and the check's test meet here: a restored or cleared result
  // reaches the check, and a finished test reaches the preparation.
  const connectionTest = useMemo(() => createStore<ConnectionTest>(speed ? { result: speed } : {}), []);
  const kept = useRef({ speed, onSpeed });
  kept.current = { speed, onSpeed };
  useEffect(() => {
    if (connectionTest.get().result !== speed) connectionTest.set({ ...connectionTest.get(), result: speed });
  }, [speed]);
  useEffect(
    () =>
      connectionTest.subscribe(({ result }) => {
        if (result && result !== kept.current.speed) kept.current.onSpeed(result);
      }),
    [],
  );

  useEffect(() => {
    if (!contract) return;
    const running = startMeasuring(checks, { contract, connectionTest }, (id, evaluation) => setEvaluations((previous) => ({ ...previous, [id]: evaluation })));
    loop.current = running;
    const { context } = running;
    const notePlatform = () => void context.read(tabsSource).then((found) => setPlatformId(found.platformId), () => undefined);
    notePlatform();
    const stopNoting = context.watch(tabsSource, notePlatform);
    return () => {
      stopNoting();
      running.stop();
      loop.current = undefined;
    };
  }, [checks, contract, connectionTest]);

  const act = (action: ActionId) => {
    const work = loop.current?.act(action);
    if (!work) return;
    setBusy(true);
    void work.finally(() => setBusy(false));
  };

  return { evaluations, platformId, act, busy };
}
