// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, it } from 'vitest';
import { ClientView } from '@/entrypoints/notes/ClientView';
import { VaultContext, type VaultApi } from '@/entrypoints/notes/vault-api';
import { rootPerTest } from '../dom/root-per-test';

/**
 * A click that lands as soon as a client's page is drawn must count. The view's mount effects run
 * a moment after the first paint; a reset there once closed a panel the therapist had just opened
 * (an e2e run lost "Delete this client…" this way).
 */
const client = { id: 'c1', label: 'AB', contactMode: 'video', contractExceptions: '', reminders: [] };
const ok = <T,>(value: T) => async () => ({ ok: true as const, value });
const api = { listNotes: ok([]), listSessions: ok([]), getDraft: ok(null), onKeyRenewalProgress: () => () => undefined };


const root = rootPerTest();
it.each([
  ['delete-client', '[data-testid=delete-client-summary]'],
  ['export-markdown', '[data-testid=markdown-export]'],
])('keeps the panel opened by a click on %s straight after the first paint', async (button, panel) => {
  // Rendered outside act(), as the browser does: effects wait for the next frame.
  render(
    <VaultContext.Provider value={api as unknown as VaultApi}>
      <ClientView client={client as never} onChanged={() => undefined} onLoaded={() => undefined} onDeleted={() => undefined} onBack={() => undefined} />
    </VaultContext.Provider>,
    root(),
  );
  root().querySelector<HTMLButtonElement>(`[data-testid=${button}]`)!.click();
  await act(async () => new Promise((resolve) => setTimeout(resolve, 150)));
  expect(root().querySelector(`[data-testid=${button}]`)).toBeNull();
  expect(root().querySelector(panel)).not.toBeNull();
});
