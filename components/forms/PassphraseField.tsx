import type { ComponentChildren, Ref } from 'preact';
import { FieldBlock, type FieldBlockProps } from './FieldBlock';

export interface PassphraseFieldProps extends Omit<FieldBlockProps, 'children'> {
  /** The form control's name (a test hook; the create and unlock forms use `passphrase`). */
  name: string;
  value: string;
  onInput: (value: string) => void;
  disabled?: boolean;
  /** current-password to unlock, new-password for a new one, off for a backup's (not this vault's) passphrase. */
  autoComplete?: 'current-password' | 'new-password' | 'off';
  inputRef?: Ref<HTMLInputElement>;
  /** What belongs right under the box, before its error: a strength meter, or help that reads after it. */
  after?: ComponentChildren;
}

/**
 * One passphrase box with its label, help and error, wired as every field is. Spell checking is
 * off so the passphrase is never sent to a spelling service or kept in a dictionary.
 */
export function PassphraseField(props: PassphraseFieldProps) {
  const { name, value, onInput, disabled, autoComplete = 'current-password', inputRef, after, ...field } = props;
  return (
    <FieldBlock {...field}>
      {(wiring) => (
        <>
          <input
            ref={inputRef}
            {...wiring}
            name={name}
            type="password"
            autoComplete={autoComplete}
            spellcheck={false}
            value={value}
            disabled={disabled}
            onInput={(event) => onInput(event.currentTarget.value)}
          />
          {after}
        </>
      )}
    </FieldBlock>
  );
}
