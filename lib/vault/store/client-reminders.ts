import type { DataKey } from '../crypto/data-key';
import { newRecordId } from '../crypto/data-key';
import type { AnteroomVaultDb } from './db';
import { rewriteClient } from './clients-store';
import { InvalidInputError, NotFoundError } from '../errors';
import { LIMITS, type SealedClient, type SealedReminder } from './record-schemas';

/**
 * Sessions scheduled with a reminder. They are sealed inside the client's own record, so they
 * travel in backups and are shredded with the client. Reminders whose session has begun are
 * dropped whenever the list is written. What the background needs to raise a reminder while the
 * vault is locked is copied out in clear by lib/background/reminders.ts (ids and times only).
 */

export interface ReminderInput {
  clientId: string;
  startsAt: number;
  remindMinutesBefore: number;
  showLabel: boolean;
}

const upcoming = (reminders: readonly SealedReminder[] | undefined, now: number) =>
  (reminders ?? []).filter((reminder) => reminder.startsAt > now);

function withReminders(current: SealedClient, reminders: SealedReminder[]): SealedClient {
  const { reminders: _old, ...rest } = current;
  const sorted = [...reminders].sort((a, b) => a.startsAt - b.startsAt);
  return { ...rest, ...(sorted.length > 0 ? { reminders: sorted } : {}), updatedAt: Date.now() };
}

export async function scheduleReminder(db: AnteroomVaultDb, keys: DataKey, input: ReminderInput, now = Date.now()): Promise<{ id: string }> {
  if (input.startsAt <= now) throw new InvalidInputError('That session time has already passed. Choose a later date or time.');
  const id = newRecordId();
  await rewriteClient(db, keys, input.clientId, (current) => {
    if (!current) throw new NotFoundError('client');
    const kept = upcoming(current.reminders, now);
    if (kept.length >= LIMITS.reminders) {
      throw new InvalidInputError(`A client can have at most ${LIMITS.reminders} upcoming sessions scheduled. Cancel one first.`);
    }
    const { clientId: _clientId, ...reminder } = input;
    return withReminders(current, [...kept, { id, ...reminder }]);
  });
  return { id };
}

/** Cancelling a reminder that already went (its session began) is not an error. */
export async function cancelReminder(db: AnteroomVaultDb, keys: DataKey, clientId: string, id: string, now = Date.now()): Promise<void> {
  await rewriteClient(db, keys, clientId, (current) => {
    if (!current) throw new NotFoundError('client');
    return withReminders(current, upcoming(current.reminders, now).filter((reminder) => reminder.id !== id));
  });
}
