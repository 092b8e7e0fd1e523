import type { RefObject } from 'preact';
import type { ItemView, Readiness } from '@/lib/checklist/model';

/**
 * Only measured items are named (asked ones are counted): their titles are short nouns. Once
 * ready, what is worth a look or not checked is only counted: those items are listed just below.
 */
const names = (items: readonly ItemView[]) => items.map((item) => item.label).join(', ');

/**
 * The verdict on the whole preparation: `[data-testid=readiness]` with `data-state` (DESIGN.md).
 * The headline takes focus when the last item is confirmed from the keyboard.
 * A polite live region, so a screen reader hears it change as items are ticked.
 */
export function ReadinessSummary({ readiness, headingRef }: { readiness: Readiness; headingRef?: RefObject<HTMLElement> }) {
  const { state, failing, toConfirm, checking, warnings, notChecked } = readiness;
  return (
    <section class={`readiness readiness-${state}`} data-testid="readiness" data-state={state} role="status" aria-live="polite">
      <p class="readiness-headline" tabIndex={-1} ref={headingRef as RefObject<HTMLParagraphElement>}>{state === 'ready' ? 'Ready for the session' : 'Not ready yet'}</p>
      {/* One paragraph, not a list: in a 600 px popup every line counts. */}
      <p class="readiness-notes">
        {[
          failing.length > 0 && `Problem: ${names(failing)}.`,
          toConfirm.length > 0 && `${toConfirm.length === 1 ? '1 item' : `${toConfirm.length} items`} to confirm.`,
          checking.length > 0 && `Still checking: ${names(checking)}.`,
          warnings.length > 0 && (state === 'ready' ? `${warnings.length} worth a look.` : `Worth a look: ${names(warnings)}.`),
          notChecked.length > 0 && (state === 'ready' ? `${notChecked.length} not checked.` : `Not checked: ${names(notChecked)}.`),
        ]
          .filter(Boolean)
          .join(' ')}
      </p>
    </section>
  );
}
