import { browser } from 'wxt/browser';
import type { SessionInput } from '@/lib/vault/sessions-store';
import { RUNS_KEY, type RunRecord } from '@/lib/checklist/runs';
import { LIMITS, MAX_SESSION_MINUTES } from '@/lib/vault/record-schemas';

/**
 * Puts a finished call into the chosen client's session records (time, length, platform, the
 * checklist as it stood), the one place a call is tied to a client. The therapist picks the
 * client in the checklist popup while the vault is unlocked; the choice lives in
 * storage.session (trusted contexts only, gone when the browser closes) and is used once.
 * If the vault is locked when the call ends (a screen share locks it), the record waits there,
 * numbers and an opaque client id only, and is written at the next unlock.
 */
const CHOSEN_KEY = 'sessionClient';
const PENDING_KEY = 'pendingSessions';
const MAX_PENDING = 20;

export interface SessionRecorderDeps {
  saveIfUnlocked: (input: SessionInput) => Promise<boolean>;
}

export async function chosenClient(): Promise<string | null> {
  const stored = (await browser.storage.session.get(CHOSEN_KEY))[CHOSEN_KEY];
  return typeof stored === 'string' ? stored : null;
}

export async function chooseClient(clientId: string | null): Promise<void> {
  if (clientId === null) await browser.storage.session.remove(CHOSEN_KEY);
  else await browser.storage.session.set({ [CHOSEN_KEY]: clientId });
}

async function latestChecklist(): Promise<SessionInput['checklistSnapshot']> {
  const runs = (await browser.storage.local.get(RUNS_KEY))[RUNS_KEY];
  if (!Array.isArray(runs) || runs.length === 0) return {};
  const latest = [...runs].sort((a: RunRecord, b: RunRecord) => String(a.updatedAt).localeCompare(String(b.updatedAt))).at(-1) as RunRecord;
  return Object.fromEntries(Object.entries(latest.items ?? {}).filter(([, status]) => typeof status === 'string')) as SessionInput['checklistSnapshot'];
}

async function pending(): Promise<SessionInput[]> {
  const stored = (await browser.storage.session.get(PENDING_KEY))[PENDING_KEY];
  return Array.isArray(stored) ? (stored as SessionInput[]) : [];
}

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
      await browser.storage.session.set({ [PENDING_KEY]: [...(await pending()), input].slice(-MAX_PENDING) });
      return 'pending';
    },
    /** Writes what waited for an unlock; keeps what still cannot be written. */
    async flush(): Promise<number> {
      const waiting = await pending();
      if (waiting.length === 0) return 0;
      const left: SessionInput[] = [];
      for (const input of waiting) if (!(await deps.saveIfUnlocked(input).catch(() => false))) left.push(input);
      if (left.length === 0) await browser.storage.session.remove(PENDING_KEY);
      else await browser.storage.session.set({ [PENDING_KEY]: left });
      return waiting.length - left.length;
    },
  };
}
