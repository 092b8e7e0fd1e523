import * as v from 'valibot';
import { sessionEntries, silenceIndex, type SessionEntries } from '@/lib/reminders/clear-data';
import { storedItem } from '../item';
import { LOCAL_KEYS } from '../keys';

/**
 * Where builds before the reminders database kept the reminders' clear data, in storage.local.
 * Read once on start, moved to the database (lib/reminders/clear-store.ts) and removed here.
 */
export const legacyReminderItems = {
  sessions: storedItem({ area: 'local', name: LOCAL_KEYS.legacySessionReminders, schema: sessionEntries, fallback: (): SessionEntries => ({}) }),
  silence: storedItem({ area: 'local', name: LOCAL_KEYS.legacySilenceIndex, schema: silenceIndex, fallback: () => undefined }),
  /** Not carried over (it could have been planted by a content script); only removed. */
  silenceShowsNames: storedItem({ area: 'local', name: LOCAL_KEYS.legacySilenceNames, schema: v.boolean(), fallback: () => false }),
};
