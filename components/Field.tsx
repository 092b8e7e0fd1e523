import type { ComponentChildren } from 'preact';
import './forms/forms.css';
import { wireControl, type ControlWiring as Wiring } from './forms/wiring';

/** What a control needs to be tied to its label, help text and error message. */
export interface ControlWiring extends Wiring {
  name: string;
}

export interface FieldProps {
  /** The control's name attribute; also the form path its error is reported under. */
  name: string;
  label: string;
  /** One or two plain sentences under the label: what the setting does, in the therapist's words. */
  help?: ComponentChildren;
  error?: string;
  /** Text shown right after the control, such as a unit ("minutes"). */
  suffix?: string;
  children: (wiring: ControlWiring) => ComponentChildren;
}

/** Turns a form path such as `disruptionPlans.connection` into a usable element id. */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/**
 * One labelled setting: label, help, the control, then its error right beside it. The control
 * is described by the help and, when there is one, the error, so a screen reader reads both.
 */
export function Field({ name, label, help, error, suffix, children }: FieldProps) {
  const id = fieldId(name);
  const helpId = help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const wiring: ControlWiring = { ...wireControl(id, { describedBy: [helpId], errorId }), name };
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>{label}</label>
      {help && (
        <p class="field-help" id={helpId}>
          {help}
        </p>
      )}
      <div class="field-control">
        {children(wiring)}
        {suffix && <span class="field-suffix">{suffix}</span>}
      </div>
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
