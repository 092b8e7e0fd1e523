import type { ItemView, Readiness } from '@/lib/checklist/model';

/** Only measured items are named (asked ones are counted): their titles are short nouns. */
const names = (items: readonly ItemView[]) => items.map((item) => item.label).join(', ');

/**
 * The verdict on the whole preparation: `[data-testid=readiness]` with `data-state` (DESIGN.md).
 * A polite live region, so a screen reader hears it change as items are ticked.
 */
export function ReadinessSummary({ readiness }: { readiness: Readiness }) {
  const { state, failing, toConfirm, checking, warnings, notChecked } = readiness;
  return (
    <section class={`readiness readiness-${state}`} data-testid="readiness" data-state={state} role="status" aria-live="polite">
      <p class="readiness-headline">{state === 'ready' ? 'Ready for the session' : 'Not ready yet'}</p>
      <ul class="readiness-notes">
        {failing.length > 0 && <li>Problem: {names(failing)}.</li>}
        {toConfirm.length > 0 && <li>{toConfirm.length === 1 ? '1 item' : `${toConfirm.length} items`} to confirm.</li>}
        {checking.length > 0 && <li>Still checking: {names(checking)}.</li>}
        {warnings.length > 0 && <li>Worth a look: {names(warnings)}.</li>}
        {notChecked.length > 0 && <li>Not checked: {names(notChecked)}.</li>}
      </ul>
    </section>
  );
}
