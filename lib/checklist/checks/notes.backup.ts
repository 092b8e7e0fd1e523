import { backupAge, backupAgeSentence } from '@/lib/backup-habit/due';
import { LAST_BACKUP_KEY } from '@/lib/backup-habit/last-backup';
import { openOwnPage, readNotesBackup, watchLocalKey } from '../probes';
import { allFormats, measured } from '../types';

export interface NotesBackupInput {
  /** Whether this browser holds a notes vault ('unknown' when the background did not say). */
  vault: 'none' | 'exists' | 'unknown';
  /** When the last backup was recorded (ms since 1970), if ever. */
  lastAt?: number;
  now: number;
  /** The therapist's interval (options page, "Backup reminder"). */
  intervalDays: number;
}

const openNotes = { id: 'open-notes', label: 'Open notes to back up', explain: 'Opens your notes in a new tab; download the encrypted backup there.' } as const;

// A warning, never a failure: an old backup does not make this session less private.
export default measured({
  id: 'notes.backup',
  title: 'A recent backup of your notes',
  why: 'Notes live only in this browser: clearing its data or losing the computer loses them, unless a backup exists.',
  whenNotMet: 'Download an encrypted backup from the notes page and keep it somewhere other than this computer.',
  source: 'security research §3.5 (extension storage can be evicted; people clearing browser data is commoner: web.dev/persistent-storage)',
  formats: allFormats,
  async probe(ctx) {
    const found = await readNotesBackup();
    return { ...found, now: Date.now(), intervalDays: ctx.contract.backupIntervalDays };
  },
  // Again when a backup is recorded.
  watch: (_ctx, rerun) => watchLocalKey(LAST_BACKUP_KEY, rerun),
  actions: { 'open-notes': () => openOwnPage('/notes.html') },
  evaluate({ vault, lastAt, now, intervalDays }: NotesBackupInput) {
    if (vault === 'none') return { status: 'pass', detail: 'You keep no notes in Anteroom on this computer, so there is nothing to back up.' };
    if (vault === 'unknown') return { status: 'unknown', detail: 'Anteroom could not tell whether you keep notes here.' };
    const age = backupAge(lastAt, now, intervalDays);
    const detail = backupAgeSentence(age, intervalDays);
    return age.state === 'fresh' ? { status: 'pass', detail } : { status: 'warn', detail, action: openNotes };
  },
});
