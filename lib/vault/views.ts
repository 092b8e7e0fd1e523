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

export interface ImportCounts {
  clients: number;
  notes: number;
  sessions: number;
}
