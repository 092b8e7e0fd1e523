import { Field, type FieldProps } from '../Field';

/**
 * The form controls Anteroom's pages use, each wrapped in a Field so that label, help text and
 * error are always tied to the control. Values are strings: pages convert them (and validate)
 * when saving, so a half-typed number is never lost.
 *
 * Every control carries autocomplete="off" on itself: that is what keeps its contents out of the
 * browsers' session-restore files (Chromium's Sessions/, Firefox's sessionstore.jsonlz4), which
 * otherwise hold whatever was typed, in clear. Firefox ignores the attribute on the <form>, so it
 * must be on the control. tests/unit/forms/no-saved-form-state.test.ts holds every page to it.
 */

type Common = Omit<FieldProps, 'children'> & {
  value: string;
  onInput: (value: string) => void;
};

export function TextInput(props: Common & { type?: 'text' | 'url' | 'email' }) {
  const { value, onInput, type = 'text', ...field } = props;
  return (
    <Field {...field}>
      {(wiring) => (
        <input
          {...wiring}
          type={type}
          value={value}
          autoComplete="off"
          spellcheck={type === 'text'}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}

export function NumberInput(props: Common & { min: number; max: number }) {
  const { value, onInput, min, max, ...field } = props;
  return (
    <Field {...field}>
      {(wiring) => (
        <input autoComplete="off"
          {...wiring}
          class="number"
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={value}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}

export function TextArea(props: Common & { rows?: number }) {
  const { value, onInput, rows = 3, ...field } = props;
  return (
    <Field {...field}>
      {(wiring) => (
        <textarea autoComplete="off" {...wiring} rows={rows} value={value} onInput={(event) => onInput(event.currentTarget.value)} />
      )}
    </Field>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export function Select(props: Common & { options: readonly SelectOption[] }) {
  const { value, onInput, options, ...field } = props;
  return (
    <Field {...field}>
      {(wiring) => (
        <select autoComplete="off" {...wiring} value={value} onChange={(event) => onInput(event.currentTarget.value)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
