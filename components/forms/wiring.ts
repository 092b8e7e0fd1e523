/** The attributes that tie a control to the text that explains it and, when it is wrong, to the error. */
export interface ControlWiring {
  id: string;
  'aria-invalid'?: 'true';
  'aria-describedby'?: string;
}

export interface WiringOptions {
  /** Ids of the texts that describe the control (help, a live estimate), in reading order; falsy entries are left out. */
  describedBy?: readonly (string | false | undefined)[];
  /** The id of the error message shown for this control now; read last, after the help. */
  errorId?: string;
  /** Whether the value is wrong; by default, whenever an error is shown. */
  invalid?: boolean;
}

/**
 * aria-describedby and aria-invalid for the control `id`, built in one place so that a shown error
 * is always announced with the control, and an attribute with nothing in it is left off.
 */
export function wireControl(id: string, { describedBy = [], errorId, invalid = errorId !== undefined }: WiringOptions = {}): ControlWiring {
  const described = [...describedBy, errorId].filter((part): part is string => typeof part === 'string' && part !== '').join(' ');
  return {
    id,
    ...(invalid ? { 'aria-invalid': 'true' as const } : {}),
    ...(described ? { 'aria-describedby': described } : {}),
  };
}

/**
 * Focuses a control once the render under way has happened: after a request, the control is
 * enabled again only by that render, and a browser ignores focus() on a disabled control (the
 * focus then falls to the page's body).
 */
export function focusAfterRender(control: () => HTMLElement | null | undefined): void {
  setTimeout(() => control()?.focus());
}

/**
 * After a refused submit, the first control marked invalid in `form` takes the focus (else the
 * `fallback` control), once the render that marks the controls has happened.
 */
export function focusFirstInvalid(form: HTMLElement | null, fallback?: HTMLElement | null): void {
  focusAfterRender(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? fallback);
}
