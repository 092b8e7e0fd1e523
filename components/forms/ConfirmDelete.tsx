import type { ComponentChildren } from 'preact';
import { BusyButton } from './BusyButton';

export interface ConfirmDeleteProps {
  /** The question as a screen reader names the group; without it the visible question (`questionId`) names it. */
  label?: string;
  /** The id of the visible question, when it is what names the group. */
  questionId?: string;
  question: ComponentChildren;
  /** The destructive button's words ("Delete note") and its test hook. */
  confirm: string;
  confirmTestId: string;
  /** The safe answer's words ("Keep it"). */
  cancel: string;
  busy?: boolean;
  busyText?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * "Delete this for good?": the question, the destructive button and the safe way back, in a
 * group a screen reader announces by the question. While the deletion runs both buttons are
 * disabled, so it cannot be sent twice or half-cancelled.
 */
export function ConfirmDelete(props: ConfirmDeleteProps) {
  const { label, questionId, question, confirm, confirmTestId, cancel, busy = false, busyText = 'Deleting…', onConfirm, onCancel } = props;
  return (
    <div class="notes-confirm" role="group" aria-label={label} aria-labelledby={label ? undefined : questionId}>
      <p id={questionId}>{question}</p>
      <div class="notes-actions">
        <BusyButton type="button" class="danger" data-testid={confirmTestId} busy={busy} busyText={busyText} onClick={onConfirm}>
          {confirm}
        </BusyButton>
        <button type="button" disabled={busy} onClick={onCancel}>
          {cancel}
        </button>
      </div>
    </div>
  );
}
