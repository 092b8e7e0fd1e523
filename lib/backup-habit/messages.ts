import { answers, defineOperations, EXTENSION_PAGES } from '@/lib/bus/protocol';
import type { AutoBackupAttempt } from './auto-backup-store';

/**
 * The options page's "Make one now" for the automatic backup (lib/background/auto-backup.ts).
 * The answer is what the attempt did, or null when none was made.
 */
export const backupOperations = defineOperations({
  'backup:auto-now': { payload: {}, answers: answers<AutoBackupAttempt | null>(), allowedSenders: EXTENSION_PAGES },
});
