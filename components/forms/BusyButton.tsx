import type { JSX } from 'preact';

export type BusyButtonProps = Omit<JSX.ButtonHTMLAttributes<HTMLButtonElement>, 'children'> & {
  busy: boolean;
  /** What the button says while its work runs ("Saving…"). */
  busyText: string;
  children: string;
  /** The name of an indeterminate progress bar shown beside the button while busy; none without it. */
  progress?: string;
};

/**
 * The button that starts a form's work: it says what is happening and cannot be pressed again
 * until the work is done, so one click is one request.
 */
export function BusyButton({ busy, busyText, children, progress, disabled, ...button }: BusyButtonProps) {
  return (
    <>
      <button {...button} disabled={busy || Boolean(disabled)}>
        {busy ? busyText : children}
      </button>
      {busy && progress && <progress aria-label={progress} />}
    </>
  );
}
