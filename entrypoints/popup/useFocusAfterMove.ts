import { useEffect, useRef } from 'preact/hooks';
import type { ChecklistLayout } from '@/lib/checklist/layout';

/**
 * A confirmed item moves from the list that needs attention into its folded "Done" line, and the
 * checkbox that had keyboard focus goes with it. So focus follows the work instead: to the next
 * question still unanswered (Space, Space, … walks the list), or to the readiness verdict when
 * none is left.
 */
export function useFocusAfterMove(layout: ChecklistLayout) {
  const fallback = useRef<HTMLElement>(null);
  const answered = useRef<{ id: string; before: string[] } | undefined>(undefined);
  const open = layout.attention.flatMap((section) => section.items.map((item) => item.check.id as string));
  const unanswered = layout.attention.flatMap((section) => section.items.filter((item) => item.mode === 'asked' && item.status === 'todo').map((item) => item.check.id as string));
  const openKey = open.join(',');

  useEffect(() => {
    const last = answered.current;
    answered.current = undefined;
    // Only when the answered item left the list and focus was left behind with it.
    if (!last || open.includes(last.id)) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    // The first question after the answered one (an answer can bring in a new one), else from the top.
    const next = unanswered.find((id) => !last.before.includes(id)) ?? unanswered[0];
    const control = next ? document.querySelector<HTMLElement>(`[data-check="${next}"] input`) : null;
    (control ?? fallback.current)?.focus();
    // The list of open items is what changes when an item moves.
  }, [openKey]);

  return {
    fallback,
    /** Called before an answer is dispatched: remembers where the item stood. */
    note(id: string) {
      const at = open.indexOf(id);
      if (at >= 0) answered.current = { id, before: open.slice(0, at) };
    },
  };
}
