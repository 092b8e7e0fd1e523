// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DRAFT_IDLE_MS, DRAFT_MAX_WAIT_MS, useDraftAutosave } from '@/entrypoints/notes/drafts';
import { VaultContext, type VaultApi } from '@/entrypoints/notes/vault-api';
import { rootPerTest } from '../dom/root-per-test';

/** The notes page's draft autosave, on fake timers: typing is saved after a pause, and at least every few seconds. */

type Autosave = ReturnType<typeof useDraftAutosave>;

let saveDraft: ReturnType<typeof vi.fn>;
let autosave: Autosave;

function Editor() {
  autosave = useDraftAutosave('client-1', undefined);
  return null;
}

const root = rootPerTest();
beforeEach(() => {
  vi.useFakeTimers();
  saveDraft = vi.fn(async () => ({ ok: true, value: undefined }));
  act(() => render(<VaultContext.Provider value={{ saveDraft } as unknown as VaultApi}><Editor /></VaultContext.Provider>, root()));
});
afterEach(() => {
  vi.useRealTimers();
});

/** A keystroke every `every` ms for `forMs`; the text grows by one letter each time. */
async function typeSteadily(forMs: number, every = 200) {
  let text = '';
  for (let elapsed = 0; elapsed < forMs; elapsed += every) {
    text += 'a';
    act(() => autosave.changed(text));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(every);
    });
  }
  return text;
}

describe('draft autosave', () => {
  it('writes the draft after a pause in typing', async () => {
    act(() => autosave.changed('one word'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(DRAFT_IDLE_MS - 1);
    });
    expect(saveDraft).not.toHaveBeenCalled();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1);
    });
    expect(saveDraft).toHaveBeenCalledWith('client-1', undefined, 'one word', undefined);
  });

  it('saves at least every 3 seconds while the therapist keeps typing without a pause', async () => {
    expect(DRAFT_MAX_WAIT_MS).toBeLessThanOrEqual(3_000);
    await typeSteadily(3_000);
    expect(saveDraft).toHaveBeenCalledTimes(1);
    await typeSteadily(7_000);
    // Ten seconds of steady typing: a save at 3, 6 and 9 seconds, each with the text typed so far.
    expect(saveDraft).toHaveBeenCalledTimes(3);
    const saved = saveDraft.mock.calls.map((call) => (call[2] as string).length);
    expect(saved).toEqual([...saved].sort((a, b) => a - b));
    expect(saved[0]).toBeGreaterThan(0);
  });
});
