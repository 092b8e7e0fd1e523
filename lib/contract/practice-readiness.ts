import * as v from 'valibot';
import { fieldByField } from '@/lib/storage/fields';

/**
 * Practice-level things to confirm once a year, apart from any single session: the ground
 * online work stands on. Drawn from BACP GPiA 047 (training, supervision, ICO registration,
 * insurance), ACA Code of Ethics H.1 (competence) and the APA office and technology checklist
 * (security software); summarised in shared/research/platforms-and-checklists.md §6.
 */

export const readinessItemIds = [
  'professional-body',
  'training',
  'insurance',
  'supervision',
  'data-registration',
  'directory',
  'computer-protection',
  'written-contract',
] as const;

export type ReadinessItemId = (typeof readinessItemIds)[number];

export interface ReadinessItem {
  id: ReadinessItemId;
  title: string;
  why: string;
}

export const readinessItems: readonly ReadinessItem[] = [
  {
    id: 'professional-body',
    title: 'I belong to a professional body that accepts online work',
    why: 'Its ethical framework and complaints procedure cover your online clients as well as the ones you see in person.',
  },
  {
    id: 'training',
    title: 'I have specialised training in online work',
    why: 'Working through a screen changes presence, risk and boundaries; training prepares you for what is different.',
  },
  {
    id: 'insurance',
    title: 'My indemnity insurance covers online work',
    why: 'Some policies exclude online sessions or clients in other countries; check the wording, not the title.',
  },
  {
    id: 'supervision',
    title: 'My supervisor understands online work',
    why: 'Supervision is where online-specific dilemmas get noticed, so your supervisor needs to know the medium.',
  },
  {
    id: 'data-registration',
    title: 'I am registered as a keeper of sensitive data where the law requires it',
    why: 'In the UK, practitioners who hold client records usually pay the data protection fee to the ICO; other countries have their own rules.',
  },
  {
    id: 'directory',
    title: 'I am listed in a reputable directory',
    why: 'Clients who find you online can check that you are who you say you are.',
  },
  {
    id: 'computer-protection',
    title: 'My computer is protected',
    why: 'Up-to-date security software, full-disk encryption and a screen lock keep client information safe if the computer is lost or left unattended.',
  },
  {
    id: 'written-contract',
    title: 'I have a written contract for online work',
    why: 'Clients agree in advance what happens when technology fails, how quickly you reply and what to do in an emergency.',
  },
];

/** A date (2025-03-01) or a full ISO time; what counts is that Date.parse can read it. */
const isoDateOrTime = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/, 'Use an ISO date such as 2025-03-01'),
  v.check((text) => !Number.isNaN(Date.parse(text)), 'Use a real calendar date'),
);

/** When each item was last confirmed, or null when it never was. Absent items count as null. */
export const readinessStateSchema = v.object(
  Object.fromEntries(readinessItemIds.map((id) => [id, v.optional(v.nullable(isoDateOrTime), null)])) as Record<
    ReadinessItemId,
    v.OptionalSchema<v.NullableSchema<typeof isoDateOrTime, undefined>, null>
  >,
);

export type ReadinessState = v.InferOutput<typeof readinessStateSchema>;

export function emptyReadinessState(): ReadinessState {
  return Object.fromEntries(readinessItemIds.map((id) => [id, null])) as ReadinessState;
}

/**
 * The stored dates, read item by item (fieldByField): an unreadable date counts as unconfirmed
 * and is noted, so one bad date does not cost the others. Anything that is not an object reads
 * as nothing confirmed. The stored item: lib/storage/items/contract.ts.
 */
export const storedReadinessSchema = v.fallback(
  fieldByField(readinessStateSchema.entries, emptyReadinessState()),
  emptyReadinessState,
);

export const READINESS_VALID_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface DueItem {
  item: ReadinessItem;
  reason: 'unconfirmed' | 'expired';
  confirmedAt: string | null;
}

/** Items never confirmed, or confirmed more than 365 days before now, in checklist order. */
export function readinessDue(state: ReadinessState, now: Date): DueItem[] {
  const due: DueItem[] = [];
  for (const item of readinessItems) {
    const confirmedAt = state[item.id] ?? null;
    const confirmedMs = confirmedAt === null ? NaN : Date.parse(confirmedAt);
    if (confirmedAt === null || Number.isNaN(confirmedMs)) {
      due.push({ item, reason: 'unconfirmed', confirmedAt });
    } else if (now.getTime() - confirmedMs > READINESS_VALID_DAYS * DAY_MS) {
      due.push({ item, reason: 'expired', confirmedAt });
    }
  }
  return due;
}
