import type { ContactMode } from './record-schemas';

/**
 * What pages receive: decrypted, plain objects that survive structured clone and JSON (the two
 * ways browsers carry runtime messages). Timestamps are ms since epoch.
 */

/** A scheduled session with a reminder; ms since epoch. */
export interface ReminderView {
  id: string;
  startsAt: number;
  remindMinutesBefore: number;
  showLabel: boolean;
}

export interface ClientSummary {
  id: string;
  label: string;
  contactMode: ContactMode;
  lastHeardFrom?: string;
  /** Upcoming sessions scheduled with a reminder, soonest first; absent when there are none. */
  reminders?: ReminderView[];
  /** Included so the edit form can show it without a second round trip. */
  contractExceptions?: string;
  updatedAt: number;
}

export type ClientView = ClientSummary;

export interface NoteView {
  id: string;
  clientId: string;
  body: string;
  tags: string[];
  updatedAt: number;
  /** The stored version this text came from; an edit is saved with it (notes-store.ts saveNote). */
  version: string;
}

export interface SessionView {
  id: string;
  clientId: string;
  startedAt: number;
  date: string;
  durationMinutes: number;
  platform: string;
  checklistSnapshot: Record<string, string>;
}

export interface DraftView {
  noteId?: string;
  /** The version of that note the editing started from. */
  version?: string;
  body: string;
}

/** A record that failed its integrity check: named, never shown. */
export interface DamagedRecord {
  table: string;
  id: string;
}

/** Records of an authentic backup that this version could not restore, by kind. */
export interface SkippedCounts {
  clients: number;
  notes: number;
  sessions: number;
  /** Kinds of record this version does not know. */
  other: number;
}

export interface ImportCounts {
  clients: number;
  notes: number;
  sessions: number;
  skipped: SkippedCounts;
}

/**
 * A record a backup download left out, named as the notes page already shows records (kind,
 * client label, date) and never by its contents.
 */
export interface LeftOutView {
  kind: 'client' | 'note' | 'session';
  id: string;
  clientId: string;
  /** The client's label, when the client's own record is readable. */
  clientLabel?: string;
  /** When the note was written or the session held (ms since epoch), when that much is readable. */
  at?: number;
  /** 'damaged': it fails its integrity check; 'unreadable': its contents are not valid for this version; 'client-left-out': its client record was left out. */
  reason: 'damaged' | 'unreadable' | 'client-left-out';
}
