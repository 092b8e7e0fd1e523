import type { Status } from '@/lib/checklist/types';

/** Shape and word, not colour alone: each status reads without colour vision. */
const LOOK: Record<Status, { mark: string; words: string }> = {
  pass: { mark: '✓', words: 'Fine' },
  done: { mark: '✓', words: 'Confirmed' },
  warn: { mark: '!', words: 'Worth a look' },
  fail: { mark: '✕', words: 'Problem' },
  unknown: { mark: '?', words: 'Not known' },
  todo: { mark: '○', words: 'To do' },
};

export function statusWords(status: Status): string {
  return LOOK[status].words;
}

export function StatusMark({ status }: { status: Status }) {
  return (
    <span class={`mark mark-${status}`} aria-hidden="true">
      {LOOK[status].mark}
    </span>
  );
}
