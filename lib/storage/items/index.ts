import { bannerDismissalsItem, bannerLookItem } from './banner';
import { autoBackupItem, autoBackupLogItem, lastBackupItem } from './backup';
import { checklistRunsItem } from './checklist';
import { checklistStateItems } from './checklist-state';
import { contractItems, contractSyncItem, practiceReadinessItem } from './contract';
import { callHistoryItem, networkHistoryItem } from './history';
import { legacyReminderItems } from './legacy-reminders';
import { preflightResultItem } from './preflight';
import { pendingSessionsItem, screenSharesItem, sessionClientItem, vaultDekItem, vaultLastActivityItem, vaultUnlockBackoffItem } from './session';

/**
 * Every item Anteroom keeps in browser.storage. Code imports the one file it needs (so a page
 * does not bundle every schema); this list is for the tests that check the declarations against
 * the keys and the "stored in clear" lists in README.md and lib/vault/FORMAT.md.
 */
export const allItems = [
  contractItems.local,
  contractItems.sync,
  contractSyncItem,
  practiceReadinessItem,
  checklistRunsItem,
  checklistStateItems.local,
  checklistStateItems.session,
  preflightResultItem,
  networkHistoryItem,
  callHistoryItem,
  bannerDismissalsItem,
  bannerLookItem,
  lastBackupItem,
  autoBackupItem,
  autoBackupLogItem,
  ...Object.values(legacyReminderItems),
  vaultDekItem,
  vaultLastActivityItem,
  vaultUnlockBackoffItem,
  sessionClientItem,
  pendingSessionsItem,
  screenSharesItem,
] as const;
