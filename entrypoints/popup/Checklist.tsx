import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { PageShell } from '@/components/PageShell';
import { CheckRow } from '@/components/checklist/CheckRow';
import { FormatPicker } from '@/components/checklist/FormatPicker';
import { SessionClientPicker } from '@/components/checklist/SessionClientPicker';
import { ReadinessSummary } from '@/components/checklist/ReadinessSummary';
import '@/components/checklist/checklist.css';
import { loadContract } from '@/lib/contract/storage-item';
import type { Contract } from '@/lib/contract/schema';
import { checks, sections } from '@/lib/checklist/checks/index';
import { layoutOf } from '@/lib/checklist/layout';
import { itemsFor, readinessOf } from '@/lib/checklist/model';
import type { ChecklistStore } from '@/lib/checklist/persistence';
import { checklistShortcut } from '@/lib/checklist/probes';
import { runRecordFor } from '@/lib/checklist/runs';
import { freshState, prepReducer, type PrepAction } from '@/lib/checklist/state';
import type { Answer, CheckId, ContractText } from '@/lib/checklist/types';
import { SettledGroups } from './SettledGroups';
import { useFocusAfterMove } from './useFocusAfterMove';
import { useMeasured } from './useMeasured';

/**
 * The pre-session checklist. Asked items render at once from the registry; measured ones fill
 * in as their probes report. The preparation (answers, format, a speed test) is kept across
 * openings of the popup until "Start fresh" or the next day; each preparation leaves a run
 * record without any client detail.
 */
export function Checklist({ store }: { store: ChecklistStore }) {
  const [prep, setPrep] = useState(() => freshState(new Date()));
  const latest = useRef(prep);
  const restoredRef = useRef(false);
  const [restored, setRestored] = useState(false);
  const [contract, setContract] = useState<Contract | undefined>(undefined);
  const [shortcut, setShortcut] = useState('');

  // Saved in the same turn as the click, not in an effect after the next paint: the popup can
  // close at any moment, and a write started before that still lands.
  const dispatch = (action: PrepAction) => {
    const next = prepReducer(latest.current, action);
    latest.current = next;
    setPrep(next);
    if (restoredRef.current) void store.save(next).catch(() => undefined);
  };

  useEffect(() => {
    void store.load(new Date()).then((stored) => {
      restoredRef.current = true;
      dispatch({ type: 'restored', stored });
      setRestored(true);
    });
    void loadContract().then((loaded) => setContract(loaded.value));
    void checklistShortcut().then(setShortcut);
    // Once per popup: the store does not change.
  }, []);

  const measured = useMeasured(checks, contract, prep.speed, (result) => dispatch({ type: 'speed', result, at: new Date() }));
  const format = prep.format ?? contract?.sessionFormat ?? 'video';
  const items = useMemo(() => itemsFor(checks, format, prep.answers, measured.evaluations), [format, prep.answers, measured.evaluations]);
  const readiness = readinessOf(items);

  // One record per preparation, updated as it changes; only once the therapist has started.
  const started = Object.keys(prep.answers).length > 0 || prep.speed !== undefined;
  const signature = `${prep.startedAt}|${format}|${measured.platformId}|${readiness.state}|${items.map((item) => item.status).join(',')}`;
  useEffect(() => {
    if (!restored || !started) return;
    const run = runRecordFor(prep, items, { platform: measured.platformId, format, ready: readiness.state === 'ready', now: new Date() });
    void store.recordRun(run).catch(() => undefined);
    // The signature stands for everything the record is made of: write when it changes.
  }, [restored, started, signature]);

  const contractTexts: Partial<Record<ContractText, string>> = contract
    ? { disruptionPlan: contract.disruptionPlan, backupPlatform: contract.backupPlatform, emergencyProcedure: contract.emergencyProcedure }
    : {};
  const layout = layoutOf(sections, items);
  const moved = useFocusAfterMove(layout);
  const answer = (id: CheckId) => (value: Answer | null) => {
    moved.note(id);
    dispatch({ type: 'answer', id, answer: value });
  };
  const row = (item: (typeof items)[number]) => (
    <CheckRow key={item.check.id} item={item} contractTexts={contractTexts} busy={measured.busy} onAnswer={answer(item.check.id)} onAction={measured.act} />
  );

  return (
    <PageShell title="Before the session">
      <div class="checklist" data-testid="checklist" data-loaded={restored && contract ? 'true' : 'false'}>
        <ReadinessSummary readiness={readiness} headingRef={moved.fallback} />
        <FormatPicker value={format} onChange={(next) => dispatch({ type: 'format', format: next })} />
        <SessionClientPicker />
        {layout.attention.map((section) => (
          <section class="checklist-section" key={section.id} aria-labelledby={`section-${section.id}`} data-section={section.id}>
            <h2 id={`section-${section.id}`}>{section.heading}</h2>
            <ul class="checks">{section.items.map(row)}</ul>
          </section>
        ))}
        <SettledGroups groups={layout.settled} row={row} />
        <footer class="checklist-footer">
          <button type="button" data-testid="start-fresh" onClick={() => dispatch({ type: 'start-fresh', now: new Date() })}>
            Start fresh
          </button>
          <a href="/options.html" target="_blank">
            Settings
          </a>
          <a href="/notes.html" target="_blank">
            Session notes
          </a>
          {shortcut && (
            <p class="shortcut">
              Open with <kbd>{shortcut}</kbd>
            </p>
          )}
        </footer>
      </div>
    </PageShell>
  );
}
