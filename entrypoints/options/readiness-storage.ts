import * as v from 'valibot';
import {
  readinessStateSchema,
  type ReadinessItemId,
  type ReadinessState,
} from '@/lib/contract/practice-readiness';
import { practiceReadinessItem } from '@/lib/storage/items/contract';

/**
 * When each practice-readiness item was last confirmed, in storage.local only
 * (lib/storage/items/contract.ts): it describes this practice, not a client, and there is no
 * reason for it to travel with browser sync.
 */

export interface LoadedReadiness {
  state: ReadinessState;
  /** Items whose stored date could not be read and are shown as unconfirmed. */
  resetItems: ReadinessItemId[];
}

/** Reads item by item, so one unreadable date does not cost the others. */
export async function loadReadiness(): Promise<LoadedReadiness> {
  const { value, resets } = await practiceReadinessItem.read();
  return { state: value, resetItems: resets as ReadinessItemId[] };
}

/** Validates, then writes the whole record; an invalid state throws and writes nothing. */
export async function saveReadiness(state: ReadinessState): Promise<void> {
  const checked = v.parse(readinessStateSchema, state);
  await practiceReadinessItem.set(checked);
}

/** Today in the therapist's own time zone, as a date input writes it: 2025-03-01. */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "2025-03-01" as that calendar day in the therapist's time zone; a full ISO time as itself. */
export function localDate(iso: string): Date {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return dateOnly ? new Date(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3])) : new Date(iso);
}

export function readableDate(date: Date): string {
  return date.toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
}
