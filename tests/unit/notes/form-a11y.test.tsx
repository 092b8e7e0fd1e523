// @vitest-environment happy-dom
import { render, type ComponentChildren } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChangePassphrase } from '@/entrypoints/notes/ChangePassphrase';
import { DeleteClient } from '@/entrypoints/notes/DeleteClient';
import { ImportBackup } from '@/entrypoints/notes/ImportBackup';
import { ReminderForm } from '@/entrypoints/notes/ReminderForm';
import { UnlockVault } from '@/entrypoints/notes/UnlockVault';
import { VaultContext, type VaultApi } from '@/entrypoints/notes/vault-api';
import { rootPerTest } from '../dom/root-per-test';

/**
 * What a screen reader is told when a notes form refuses: the passphrase box a wrong or missing
 * passphrase is about is marked invalid and reads the error, a refused reminder puts the focus
 * on the first wrong field, and a form at work says it is busy.
 */
// zxcvbn's word lists are a packaged file this test environment cannot fetch; a strong score
// lets a new passphrase through to the request.
vi.mock('@/entrypoints/notes/strength', () => ({ scoreNewPassphrase: async () => ({ score: 4, warning: '', suggestions: [] }) }));

const wrong = { ok: false as const, error: { code: 'wrong-passphrase', message: 'That passphrase does not open this vault.' } };
const client = { id: 'c1', label: 'AB', contactMode: 'video', contractExceptions: '' };


const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
const root = rootPerTest();
const $ = <T extends Element = HTMLElement>(selector: string) => root().querySelector<T>(selector)!;
async function mount(api: Partial<VaultApi>, node: ComponentChildren) {
  act(() => render(<VaultContext.Provider value={{ onKeyRenewalProgress: () => () => undefined, ...api } as unknown as VaultApi}>{node}</VaultContext.Provider>, root()));
  await settle();
}
async function type(selector: string, value: string) {
  await act(async () => {
    const input = $<HTMLInputElement>(selector);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function submit(selector = 'form') {
  await act(async () => {
    $(selector).dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
}
/** The texts the control's aria-describedby points to. */
const described = (selector: string) =>
  ($(selector).getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? `(missing #${id})`);

describe('a refused passphrase marks its box', () => {
  it('deleting a client: empty, then wrong', async () => {
    const deleteClient = vi.fn(async () => wrong);
    await mount({ deleteClient }, <DeleteClient client={client as never} noteCount={1} sessionCount={0} onDeleted={() => undefined} onCancel={() => undefined} />);
    expect($('#delete-client-passphrase').hasAttribute('aria-invalid')).toBe(false);
    await type('#delete-client-confirm', 'AB');
    await submit();
    expect($('#delete-client-passphrase').getAttribute('aria-invalid')).toBe('true');
    expect(described('#delete-client-passphrase')[1]).toMatch(/^Type your passphrase to delete/);
    await type('#delete-client-passphrase', 'not it');
    await submit();
    expect(deleteClient).toHaveBeenCalledOnce();
    expect($('#delete-client-passphrase').getAttribute('aria-invalid')).toBe('true');
    expect(described('#delete-client-passphrase')).toEqual([expect.stringMatching(/^Deleting also renews/), 'That passphrase does not open this vault.']);
    expect($('form').getAttribute('aria-busy')).toBe('false');
  });

  it('changing the passphrase: the current one', async () => {
    await mount({ changePassphrase: vi.fn(async () => wrong) }, <ChangePassphrase />);
    await submit();
    expect($('#change-current').getAttribute('aria-invalid')).toBe('true');
    expect(described('#change-current')).toEqual(['Type your current passphrase first.']);
    // Typing clears nothing yet, but the box is no longer empty: the empty-box error is no longer about it.
    await type('#change-current', 'x');
    expect($('#change-current').hasAttribute('aria-invalid')).toBe(false);
  });

  it('restoring a backup: the backup passphrase', async () => {
    await mount({ importBackup: vi.fn(async () => wrong) }, <ImportBackup onImported={() => undefined} />);
    const file = $<HTMLInputElement>('input[name=import]');
    Object.defineProperty(file, 'files', { value: [new File(['{}'], 'b.json', { type: 'application/json' })] });
    await act(async () => {
      file.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    await type('#import-passphrase', 'not it');
    await submit('form.import-step');
    expect($('#import-passphrase').getAttribute('aria-invalid')).toBe('true');
    expect(described('#import-passphrase')).toEqual([
      'The passphrase your notes had when the backup was downloaded. It may be an older one.',
      'b.json was not restored, and nothing was changed. That passphrase does not open this vault.',
    ]);
  });
});

describe('a refused reminder', () => {
  it('puts the focus on the first wrong field', async () => {
    await mount({}, <ReminderForm client={client as never} onSaved={() => undefined} onCancel={() => undefined} />);
    await type('#remind-minutes', '-3');
    $('#remind-minutes').focus();
    await submit();
    await settle();
    expect(document.activeElement?.getAttribute('name')).toBe('reminderDate');
    expect($('form').getAttribute('aria-busy')).toBe('false');
  });
});

describe('after a wrong passphrase the box takes the focus again', () => {
  // The box is disabled while the request runs; the focus must wait for the render that enables it
  // (focus() on a disabled box does nothing, and the focus fell to the page's body).
  const focused = () => document.activeElement?.id;
  // As from the background: later, after the page has drawn the form busy (box disabled).
  const answerLater = () => new Promise<typeof wrong>((resolve) => setTimeout(() => resolve(wrong), 20));
  // Outside act(), so Preact renders as in a browser (act() would hold the renders to its end).
  const answered = () => new Promise((resolve) => setTimeout(resolve, 50));
  // Browsers skip a disabled control when asked to focus it (HTML's focusing steps: it is not
  // focusable); happy-dom focuses it anyway, so the rule is put back for these tests.
  const focus = HTMLElement.prototype.focus;
  beforeAll(() => {
    HTMLElement.prototype.focus = function (this: HTMLElement, options?: FocusOptions) {
      if ((this as HTMLInputElement).disabled) return;
      focus.call(this, options);
    };
  });
  afterAll(() => {
    HTMLElement.prototype.focus = focus;
  });

  it('unlocking', async () => {
    await mount({ unlockVault: vi.fn(answerLater) }, <UnlockVault onUnlocked={() => undefined} />);
    await type('#unlock-passphrase', 'not it');
    await submit();
    await answered();
    expect(focused()).toBe('unlock-passphrase');
  });

  it('deleting a client', async () => {
    await mount({ deleteClient: vi.fn(answerLater) }, <DeleteClient client={client as never} noteCount={1} sessionCount={0} onDeleted={() => undefined} onCancel={() => undefined} />);
    await type('#delete-client-confirm', 'AB');
    await type('#delete-client-passphrase', 'not it');
    await submit();
    await answered();
    expect(focused()).toBe('delete-client-passphrase');
  });

  it('changing the passphrase', async () => {
    const changePassphrase = vi.fn(answerLater);
    await mount({ changePassphrase }, <ChangePassphrase />);
    await type('#change-current', 'not it');
    await type('#change-passphrase', 'orbit walnut glacier pepper ninety');
    await type('#change-confirm', 'orbit walnut glacier pepper ninety');
    await submit();
    await answered();
    expect(changePassphrase).toHaveBeenCalledOnce();
    expect(focused()).toBe('change-current');
  });

  it('restoring a backup', async () => {
    await mount({ importBackup: vi.fn(answerLater) }, <ImportBackup onImported={() => undefined} />);
    const file = $<HTMLInputElement>('input[name=import]');
    Object.defineProperty(file, 'files', { value: [new File(['{}'], 'b.json', { type: 'application/json' })] });
    await act(async () => {
      file.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    await type('#import-passphrase', 'not it');
    await submit('form.import-step');
    await answered();
    expect(focused()).toBe('import-passphrase');
  });
});
