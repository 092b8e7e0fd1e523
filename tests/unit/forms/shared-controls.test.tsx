// @vitest-environment happy-dom
import { render, type ComponentChildren } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { BusyButton } from '@/components/forms/BusyButton';
import { ConfirmDelete } from '@/components/forms/ConfirmDelete';
import { FieldBlock } from '@/components/forms/FieldBlock';
import { PassphraseField } from '@/components/forms/PassphraseField';
import { focusFirstInvalid, wireControl } from '@/components/forms/wiring';
import { rootPerTest } from '../dom/root-per-test';

/**
 * The shared form pieces the notes page is built from: what a screen reader is told about a
 * control (its help, its error, that it is wrong) and what a busy form lets a person press.
 */


const root = rootPerTest();
const show = (node: ComponentChildren) => act(() => render(<>{node}</>, root()));
const $ = <T extends Element>(selector: string) => root().querySelector<T>(selector)!;
/** The texts a control's aria-describedby points to, in order, as a screen reader reads them after its name. */
const description = (control: Element) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent);

describe('wireControl', () => {
  it('describes a control by its help, then its error, and marks it invalid only with an error', () => {
    expect(wireControl('x', { describedBy: ['x-help', undefined, false], errorId: 'x-error' })).toEqual({
      id: 'x',
      'aria-invalid': 'true',
      'aria-describedby': 'x-help x-error',
    });
    expect(wireControl('x', { describedBy: ['x-help'] })).toEqual({ id: 'x', 'aria-describedby': 'x-help' });
  });

  it('leaves off attributes with nothing in them', () => {
    expect(wireControl('x')).toEqual({ id: 'x' });
    expect(wireControl('x', { describedBy: ['shown-elsewhere'], invalid: true })).toEqual({ id: 'x', 'aria-invalid': 'true', 'aria-describedby': 'shown-elsewhere' });
  });
});

describe('FieldBlock', () => {
  const field = (error?: string) =>
    show(
      <FieldBlock id="client-label" label="Name or code" help="Initials are enough." describedBy={['extra']} error={error}>
        {(wiring) => <input {...wiring} name="clientLabel" />}
      </FieldBlock>,
    );

  it('labels the control and reads its help with it', () => {
    field();
    const input = $<HTMLInputElement>('input');
    expect(input.id).toBe('client-label');
    expect($('label').getAttribute('for')).toBe('client-label');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.getAttribute('aria-describedby')).toBe('client-label-help extra');
    expect(root().querySelector('.field-error')).toBeNull();
  });

  it('marks the control invalid and reads the error it shows, after the help', () => {
    field('Give the client a name.');
    const input = $<HTMLInputElement>('input');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(description(input)).toEqual(['Initials are enough.', undefined, 'Give the client a name.']);
    expect($('.field').className).toBe('field field-invalid');
  });
});

describe('PassphraseField', () => {
  it('is a password box wired to its help and error', () => {
    const onInput = vi.fn();
    show(
      <PassphraseField id="import-passphrase" name="passphrase" label="Passphrase" help="It may be an older one." error="Too short." autoComplete="off" value="" onInput={onInput} />,
    );
    const input = $<HTMLInputElement>('#import-passphrase');
    expect(input.type).toBe('password');
    expect(input.name).toBe('passphrase');
    expect(input.getAttribute('autocomplete')).toBe('off');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(description(input)).toEqual(['It may be an older one.', 'Too short.']);
    act(() => {
      input.value = 'typed';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(onInput).toHaveBeenCalledWith('typed');
  });

  it('asks to fill the current passphrase by default, and can point to an error shown elsewhere', () => {
    show(
      <>
        <PassphraseField id="unlock-passphrase" name="passphrase" label="Passphrase" value="" onInput={() => undefined} describedBy={['unlock-error']} invalid />
        <div id="unlock-error">That passphrase does not open this vault.</div>
      </>,
    );
    const input = $<HTMLInputElement>('#unlock-passphrase');
    expect(input.getAttribute('autocomplete')).toBe('current-password');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(description(input)).toEqual(['That passphrase does not open this vault.']);
  });
});

describe('BusyButton', () => {
  it('says what is happening and cannot be pressed again while busy', () => {
    show(
      <BusyButton type="submit" busy busyText="Saving…" progress="Saving the note">
        Save note
      </BusyButton>,
    );
    expect($<HTMLButtonElement>('button').disabled).toBe(true);
    expect($('button').textContent).toBe('Saving…');
    expect($('progress').getAttribute('aria-label')).toBe('Saving the note');
  });

  it('is pressable when idle unless its own condition disables it', () => {
    show(
      <>
        <BusyButton busy={false} busyText="Saving…" progress="Saving the note">
          Save note
        </BusyButton>
        <BusyButton busy={false} busyText="Deleting…" disabled>
          Delete
        </BusyButton>
      </>,
    );
    const [save, remove] = root().querySelectorAll('button');
    expect([save!.disabled, save!.textContent]).toEqual([false, 'Save note']);
    expect(remove!.disabled).toBe(true);
    expect(root().querySelector('progress')).toBeNull();
  });
});

describe('ConfirmDelete', () => {
  const ask = (busy: boolean, onConfirm = vi.fn(), onCancel = vi.fn()) => {
    show(
      <ConfirmDelete
        label="Delete this note?"
        question="Delete this note for good? It cannot be undone."
        confirm="Delete note"
        confirmTestId="confirm-delete-note"
        cancel="Keep it"
        busy={busy}
        onConfirm={onConfirm}
        onCancel={onCancel}
      />,
    );
    return { onConfirm, onCancel };
  };

  it('is a group named by its question, with the destructive and the safe answer', () => {
    const { onConfirm, onCancel } = ask(false);
    const group = $('[role=group]');
    expect(group.getAttribute('aria-label')).toBe('Delete this note?');
    expect(group.textContent).toContain('Delete this note for good? It cannot be undone.');
    const [confirm, cancel] = group.querySelectorAll('button');
    expect(confirm!.dataset.testid).toBe('confirm-delete-note');
    expect(confirm!.className).toBe('danger');
    act(() => confirm!.click());
    act(() => cancel!.click());
    expect(onConfirm).toHaveBeenCalledOnce();
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('disables both answers while the deletion runs', () => {
    ask(true);
    const buttons = [...root().querySelectorAll('button')];
    expect(buttons.map((button) => [button.textContent, button.disabled])).toEqual([
      ['Deleting…', true],
      ['Keep it', true],
    ]);
  });

  it('can be named by the visible question instead', () => {
    show(
      <ConfirmDelete questionId="discard-question" question="Throw away what you typed?" confirm="Discard it" confirmTestId="discard-note" cancel="Keep writing" onConfirm={() => undefined} onCancel={() => undefined} />,
    );
    const group = $('[role=group]');
    expect(group.hasAttribute('aria-label')).toBe(false);
    expect(document.getElementById(group.getAttribute('aria-labelledby')!)?.textContent).toBe('Throw away what you typed?');
  });
});

describe('focusFirstInvalid', () => {
  it('focuses the first invalid control once the marking render is done, else the fallback', async () => {
    show(
      <form>
        <input id="a" />
        <input id="b" aria-invalid="true" />
        <input id="c" aria-invalid="true" />
      </form>,
    );
    focusFirstInvalid($<HTMLFormElement>('form'), $<HTMLInputElement>('#a'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.activeElement?.id).toBe('b');
    $('#b').removeAttribute('aria-invalid');
    $('#c').removeAttribute('aria-invalid');
    focusFirstInvalid($<HTMLFormElement>('form'), $<HTMLInputElement>('#a'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.activeElement?.id).toBe('a');
  });
});
