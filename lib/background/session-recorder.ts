import type { SessionInput } from '@/lib/vault/store/sessions-store';
import { LIMITS, MAX_SESSION_MINUTES } from '@/lib/vault/store/record-schemas';
import { checklistRunsItem } from '@/lib/storage/items/checklist';
import { pendingSessionsItem, sessionClientItem } from '@/lib/storage/items/session';

/**
 * Puts a finished call into the chosen client's session records (time, length, platform, the
 * checklist as it stood), the one place a call is tied to a client. The therapist picks the
 * client in the checklist popup while the vault is unlocked; the choice lives in
 * storage.session (trusted contexts only, gone when the browser closes) and is used once.
 * If the vault is locked when the call ends (a screen share locks it), the record waits there,
 * numbers and an opaque client id only, and is written at the next unlock.
 */
const MAX_PENDING = 20;

export interface SessionRecorderDeps {
  saveIfUnlocked: (input: SessionInput) => Promise<boolean>;
}

export const chosenClient = (): Promise<string | null> => sessionClientItem.get();

export async function chooseClient(clientId: string | null): Promise<void> {
  if (clientId === null) await sessionClientItem.remove();
  else await sessionClientItem.set(clientId);
}

async function latestChecklist(): Promise<SessionInput['checklistSnapshot']> {
  const runs = await checklistRunsItem.get();
  return [...runs].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)).at(-1)?.items ?? {};
}

const pending = (): Promise<SessionInput[]> => pendingSessionsItem.get();

/**
 * The record of a finished call, inside the limits the sessions store (and so every restore)
 * accepts. A call tab left open past a day is recorded as the longest session the record holds
 * rather than lost; a custom platform's long id is shortened, since it only names the platform.
 */
export function sessionRecordFor(clientId: string, call: { startedAt: number; endedAt: number; platform: string }, checklistSnapshot: SessionInput['checklistSnapshot']): SessionInput {
  const minutes = Math.max(0, Math.round((call.endedAt - call.startedAt) / 60_000));
  return {
    clientId,
    startedAt: call.startedAt,
    durationMinutes: Math.min(minutes, MAX_SESSION_MINUTES),
    platform: call.platform.slice(0, LIMITS.platform),
    checklistSnapshot,
  };
}

export function createSessionRecorder(deps: SessionRecorderDeps) {
  return {
    /** A call ended: record it for the chosen client, now or at the next unlock. */
    async callEnded(call: { startedAt: number; endedAt: number; platform: string }): Promise<'saved' | 'pending' | 'no-client'> {
      const clientId = await chosenClient();
      if (!clientId) return 'no-client';
      await chooseClient(null); // one call, one session: the next needs a new choice
      const input = sessionRecordFor(clientId, call, await latestChecklist());
      if (await deps.saveIfUnlocked(input).catch(() => false)) return 'saved';
      await pendingSessionsItem.set([...(await pending()), input].slice(-MAX_PENDING));
      return 'pending';
    },
    /** Writes what waited for an unlock; keeps what still cannot be written. */
    async flush(): Promise<number> {
      const waiting = await pending();
      if (waiting.length === 0) return 0;
      const left: SessionInput[] = [];
      for (const input of waiting) if (!(await deps.saveIfUnlocked(input).catch(() => false))) left.push(input);
      if (left.length === 0) await pendingSessionsItem.remove();
      else await pendingSessionsItem.set(left);
      return waiting.length - left.length;
    },
  };
}
