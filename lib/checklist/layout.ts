import { isMet, type ItemView } from './model';

/**
 * How the popup arranges the checklist so it fits a browser's 600 px popup: what still wants the
 * therapist (failing, worth a look, unconfirmed, not yet known) comes first, section by section;
 * what is settled (passing, confirmed) folds into one line per section. Pure.
 */
export interface SectionLike {
  id: string;
  heading: string;
  checks: readonly { id: string }[];
}

export interface SectionItems {
  id: string;
  heading: string;
  items: ItemView[];
}

export interface SettledGroup extends SectionItems {
  /** The folded line's words, e.g. "6 confirmed" or "2 fine, 4 confirmed". */
  summary: string;
}

export interface ChecklistLayout {
  attention: SectionItems[];
  settled: SettledGroup[];
}

/** "3 fine, 4 confirmed": measured items that passed, then asked items the therapist confirmed. */
export function settledSummary(items: readonly ItemView[]): string {
  const fine = items.filter((item) => item.status === 'pass').length;
  const confirmed = items.filter((item) => item.status === 'done').length;
  return [fine > 0 ? `${fine} fine` : '', confirmed > 0 ? `${confirmed} confirmed` : ''].filter(Boolean).join(', ');
}

export function layoutOf(sections: readonly SectionLike[], items: readonly ItemView[]): ChecklistLayout {
  const byId = new Map(items.map((item) => [item.check.id as string, item]));
  const attention: SectionItems[] = [];
  const settled: SettledGroup[] = [];
  for (const section of sections) {
    const shown = section.checks.map((check) => byId.get(check.id)).filter((item) => item !== undefined);
    // A measured item still checking is not settled: it could yet fail.
    const open = shown.filter((item) => item.pending || !isMet(item.status));
    const met = shown.filter((item) => !item.pending && isMet(item.status));
    if (open.length > 0) attention.push({ id: section.id, heading: section.heading, items: open });
    if (met.length > 0) settled.push({ id: section.id, heading: section.heading, items: met, summary: settledSummary(met) });
  }
  return { attention, settled };
}
