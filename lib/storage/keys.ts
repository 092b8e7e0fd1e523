/**
 * Every key Anteroom keeps in browser.storage, by area: the one place a key string is written.
 * They are exactly the keys earlier builds wrote, so nobody's stored data is orphaned (a test
 * pins them). Each is declared as an item, with its schema, in ./items/. This file imports
 * nothing, so the in-page banner can name its two keys without bundling a schema library.
 */
export const LOCAL_KEYS = {
  contract: 'contract',
  contractSync: 'contractSync',
  practiceReadiness: 'practiceReadiness',
  checklistRuns: 'checklistRuns',
  checklistState: 'checklistState',
  preflightResult: 'preflightResult',
  networkHistory: 'networkHistory',
  callHistory: 'callHistory',
  bannerDismissals: 'bannerDismissals',
  bannerLook: 'bannerLook',
  lastBackup: 'lastBackup',
  autoBackup: 'autoBackup',
  autoBackupLog: 'autoBackupLog',
  /** Older builds' reminder data, moved to the reminders database and removed on start. */
  legacySessionReminders: 'reminders.sessions',
  legacySilenceIndex: 'reminders.silence',
  legacySilenceNames: 'reminders.silenceShowsNames',
} as const;

/** Memory only, trusted contexts only (set in lib/vault/service/vault-service.ts). */
export const SESSION_KEYS = {
  vaultDek: 'vault.dek',
  vaultLastActivityAt: 'vault.lastActivityAt',
  vaultUnlockBackoff: 'vault.unlockBackoff',
  sessionClient: 'sessionClient',
  pendingSessions: 'pendingSessions',
  screenShares: 'call.screenShares',
  checklistState: 'checklistState',
} as const;

/** Only while the therapist turned contract syncing on. */
export const SYNC_KEYS = {
  contract: 'contract',
} as const;
