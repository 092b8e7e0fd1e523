// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { useMeasured, type Measured } from '@/entrypoints/popup/useMeasured';
import { defaultContract, type Contract } from '@/lib/contract/schema';
import { allFormats, measured, type CheckDefinition, type Evaluation } from '@/lib/checklist/types';
import { rootPerTest } from '../dom/root-per-test';

/** The popup's hook over the loop: it waits for the contract, shows each finding, and lets go of every watch when the popup closes. */

const base = { title: 'A check', why: 'Why it matters.', whenNotMet: 'What to do.', source: 'research §1', formats: allFormats };
const evaluate = (ok: boolean): Evaluation => ({ status: ok ? 'pass' : 'warn', detail: ok ? 'fine' : 'not fine' });

let latest: Measured;
const unsubscribe = vi.fn();
const watch = vi.fn(() => unsubscribe);
const checks = [
  measured({ ...base, id: 'a.watched', evaluate, probe: async () => true, watch }),
  measured({
    ...base,
    id: 'a.broken',
    evaluate,
    probe: async (): Promise<boolean> => {
      throw new Error('no battery');
    },
  }),
] as unknown as CheckDefinition[];

function Popup({ contract }: { contract: Contract | undefined }) {
  latest = useMeasured(checks, contract, undefined, () => {});
  return (
    <ul>
      {checks.map((check) => (
        <li key={check.id} data-check={check.id} data-status={latest.evaluations[check.id]?.status ?? 'pending'} />
      ))}
    </ul>
  );
}

const root = rootPerTest();
const statuses = () => Object.fromEntries([...root().querySelectorAll('[data-check]')].map((el) => [el.getAttribute('data-check'), el.getAttribute('data-status')]));
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));


describe('the popup’s measuring', () => {
  it('waits for the contract, then shows each finding, a failing probe as unknown beside the others', async () => {
    act(() => render(<Popup contract={undefined} />, root()));
    await settle();
    expect(watch).not.toHaveBeenCalled();
    expect(statuses()).toEqual({ 'a.watched': 'pending', 'a.broken': 'pending' });
    act(() => render(<Popup contract={defaultContract()} />, root()));
    await settle();
    expect(statuses()).toEqual({ 'a.watched': 'pass', 'a.broken': 'unknown' });
    expect(latest.evaluations['a.broken' as never]).toEqual({ status: 'unknown', detail: 'Anteroom could not check this just now.' });
  });

  it('unsubscribes its watches when the popup goes away', async () => {
    act(() => render(<Popup contract={defaultContract()} />, root()));
    await settle();
    expect(watch).toHaveBeenCalledTimes(1);
    expect(unsubscribe).not.toHaveBeenCalled();
    act(() => render(null, root()));
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });
});
