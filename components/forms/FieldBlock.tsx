import type { ComponentChildren } from 'preact';
import { wireControl, type ControlWiring } from './wiring';

export interface FieldBlockProps {
  /** The control's id: the label points to it, and help and error ids are made from it. */
  id: string;
  /** Left out when the control carries its own labels (a date and a time under one help text). */
  label?: ComponentChildren;
  /** Shown under the label, before the control, as `${id}-help`. */
  help?: ComponentChildren;
  /** Ids of other texts that describe the control (after the help, before the error). */
  describedBy?: readonly (string | false | undefined)[];
  /** The message shown under the control (`${id}-error`); the control is then marked invalid. */
  error?: string;
  /** Marks the control invalid without an error here (the error is shown elsewhere, in `describedBy`). */
  invalid?: boolean;
  /** The control, wired; anything else that belongs between it and the error (a strength meter) may follow it. */
  children: (wiring: ControlWiring) => ComponentChildren;
}

/**
 * One field of a page's form: label, help, the control, then its error right under it. The
 * control gets the wiring (id, aria-describedby, aria-invalid), so a screen reader reads the help
 * and the error with it. Unlike components/Field.tsx the control's id is the page's own, since
 * tests and labels elsewhere point to it.
 */
export function FieldBlock({ id, label, help, describedBy = [], error, invalid, children }: FieldBlockProps) {
  const helpId = help !== undefined ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const wiring = wireControl(id, { describedBy: [helpId, ...describedBy], errorId, invalid: invalid ?? Boolean(error) });
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      {label !== undefined && <label for={id}>{label}</label>}
      {help !== undefined && (
        <p class="field-help" id={helpId}>
          {help}
        </p>
      )}
      {children(wiring)}
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
