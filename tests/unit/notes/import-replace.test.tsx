// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ImportBackup } from '@/entrypoints/notes/ImportBackup';
import { VaultContext, type VaultApi } from '@/entrypoints/notes/vault-api';
import { readLastBackup } from '@/lib/backup-habit/last-backup';
import { rootPerTest } from '../dom/root-per-test';

/**
 * A restore that replaces existing notes first downloads a backup of them, and replaces nothing
 * when that backup cannot be made. Driven through the component with a stand-in vault.
 */
let exportBackup: ReturnType<typeof vi.fn>;
let importBackup: ReturnType<typeof vi.fn>;

const counts = { clients: 1, notes: 2, sessions: 0, skipped: [] };

const root = rootPerTest();
beforeEach(() => {
  fakeBrowser.reset();
  importBackup = vi.fn(async (_text: string, _passphrase: string, mode: string) =>
    mode === 'replace-empty' ? { ok: false, error: { code: 'not-empty', message: 'Not empty.' } } : { ok: true, value: counts },
  );
});

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

/** Chooses a file, types its passphrase and confirms; the vault answers "not empty", so the replace question shows. */
async function askToReplace() {
  act(() => render(<VaultContext.Provider value={{ exportBackup, importBackup } as unknown as VaultApi}><ImportBackup onImported={() => undefined} /></VaultContext.Provider>, root()));
  const file = root().querySelector<HTMLInputElement>('input[name=import]')!;
  Object.defineProperty(file, 'files', { value: [new File(['{"format":"anteroom-backup"}'], 'older.json', { type: 'application/json' })] });
  await act(async () => {
    file.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
  const passphrase = root().querySelector<HTMLInputElement>('#import-passphrase')!;
  await act(async () => {
    passphrase.value = 'the backup passphrase';
    passphrase.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => {
    root().querySelector('form.import-step')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
  const replace = root().querySelector<HTMLButtonElement>('[data-testid=import-replace]');
  expect(replace).not.toBeNull();
  return replace!;
}

describe('restoring over existing notes', () => {
  it('downloads a backup of the notes it replaces, then replaces them', async () => {
    exportBackup = vi.fn(async () => ({ ok: true, value: { fileName: 'anteroom-backup-2026-12-04.json', text: '{}', leftOut: [] } }));
    const replace = await askToReplace();
    await act(async () => replace.click());
    await settle();
    expect(exportBackup).toHaveBeenCalledTimes(1);
    expect(importBackup).toHaveBeenLastCalledWith('{"format":"anteroom-backup"}', 'the backup passphrase', 'replace');
    expect(exportBackup.mock.invocationCallOrder[0]).toBeLessThan(importBackup.mock.invocationCallOrder.at(-1)!);
    expect(root().querySelector('[data-testid=import-report]')?.textContent).toContain('first downloaded as anteroom-backup-2026-12-04.json');
    expect((await readLastBackup())?.kind).toBe('before-restore');
  });

  it('says, before the therapist agrees to replace, what this version would leave out of the backup', async () => {
    exportBackup = vi.fn(async () => ({ ok: true, value: { fileName: 'anteroom-backup-2026-12-04.json', text: '{}', leftOut: [] } }));
    importBackup = vi.fn(async () => ({
      ok: false,
      error: { code: 'not-empty', message: 'Not empty.', skipped: { clients: 0, notes: 2, sessions: 1, other: 0 } },
    }));
    await askToReplace();
    const warning = root().querySelector('[data-testid=import-replace-left-out]')?.textContent ?? '';
    expect(warning).toContain('2 notes');
    expect(warning).toContain('1 session');
    expect(exportBackup).not.toHaveBeenCalled();
  });

  it('shows no left-out warning when the backup restores whole', async () => {
    await askToReplace();
    expect(root().querySelector('[data-testid=import-replace-left-out]')).toBeNull();
  });

  it('replaces nothing, and says so, when the backup of what is here cannot be made', async () => {
    exportBackup = vi.fn(async () => ({ ok: false, error: { code: 'storage-unavailable', message: 'The browser’s storage did not answer.' } }));
    const replace = await askToReplace();
    await act(async () => replace.click());
    await settle();
    expect(importBackup).toHaveBeenCalledTimes(1);
    expect(importBackup).toHaveBeenCalledWith(expect.any(String), expect.any(String), 'replace-empty');
    const alert = root().querySelector('[data-testid=import-error]')?.textContent ?? '';
    expect(alert).toContain('Nothing was replaced');
    expect(alert).toContain('storage did not answer');
    expect(await readLastBackup()).toBeUndefined();
  });
});
