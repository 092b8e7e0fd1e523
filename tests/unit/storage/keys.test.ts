import { describe, expect, it } from 'vitest';
import { LOCAL_KEYS, SESSION_KEYS, SYNC_KEYS } from '@/lib/storage/keys';

/**
 * The key strings as earlier builds wrote them. Renaming one would orphan every therapist's
 * stored data under the old name (their contract, checklist history, backup log), so this list
 * is written out by hand and changes only with a migration that moves the data.
 */
const KEYS_EARLIER_BUILDS_WROTE = {
  local: [
    'contract',
    'contractSync',
    'practiceReadiness',
    'checklistRuns',
    'checklistState',
    'preflightResult',
    'networkHistory',
    'callHistory',
    'bannerDismissals',
    'bannerLook',
    'lastBackup',
    'autoBackup',
    'autoBackupLog',
    'reminders.sessions',
    'reminders.silence',
    'reminders.silenceShowsNames',
  ],
  session: ['vault.dek', 'vault.lastActivityAt', 'vault.unlockBackoff', 'sessionClient', 'pendingSessions', 'call.screenShares', 'checklistState'],
  sync: ['contract'],
};

describe('the storage keys', () => {
  it.each([
    ['local', LOCAL_KEYS],
    ['session', SESSION_KEYS],
    ['sync', SYNC_KEYS],
  ] as const)('in storage.%s are exactly the ones earlier builds wrote', (area, keys) => {
    expect(Object.values(keys).sort()).toEqual([...KEYS_EARLIER_BUILDS_WROTE[area]].sort());
  });
});
