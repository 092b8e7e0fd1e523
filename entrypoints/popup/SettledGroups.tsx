import type { ComponentChild } from 'preact';
import type { ItemView } from '@/lib/checklist/model';
import type { SettledGroup } from '@/lib/checklist/layout';

/**
 * What is already fine or confirmed: one line per section ("Your privacy: 6 confirmed"), the
 * items and their explanations behind it, so a confirmation can still be read or taken back.
 */
export function SettledGroups({ groups, row }: { groups: readonly SettledGroup[]; row: (item: ItemView) => ComponentChild }) {
  if (groups.length === 0) return null;
  return (
    <section class="settled" aria-labelledby="settled-heading" data-testid="settled">
      <h2 id="settled-heading" class="visually-hidden">
        Done
      </h2>
      {groups.map((group) => (
        <details class="settled-group" key={group.id} data-settled={group.id}>
          <summary>
            <span class="settled-heading">{group.heading}</span>: {group.summary}
          </summary>
          <ul class="checks">{group.items.map(row)}</ul>
        </details>
      ))}
    </section>
  );
}
