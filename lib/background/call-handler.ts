import type { Contract } from '@/lib/contract/schema';
import type { HandlersFor } from './bus';
import type { inPageOperations } from './in-page-messages';
import { recordCall, type CallSummary } from '@/lib/call/history';
import type { ScreenShares } from './screen-shares';

/**
 * The background's side of the in-call companion. Our content scripts on call pages may ask
 * for the contract's call settings, report that a screen share started (the notes lock at once,
 * and unlocking asks first until it ends)
 * and hand over a finished call's quality summary (kept locally, with no identity: time and
 * seconds per quality level). The bus lets only our script in a tab's top frame ask, with a
 * well-formed request (lib/background/in-page-messages.ts); anyone else gets no answer.
 */
export { CALL_HISTORY_KEY } from '@/lib/call/history';

export interface CallHandlerDeps {
  contract: () => Contract | undefined;
  lock: (reason: 'screen-share') => Promise<void>;
  /** The platform id of a call page's URL (catalogue or custom), for the session record. */
  platformOf?: (url: string) => string | undefined;
  /** Adds the call to the chosen client's sessions (lib/background/session-recorder.ts). */
  callEnded?: (call: { startedAt: number; endedAt: number; platform: string }) => Promise<unknown>;
  /** The platform's name for a call page's URL, as the notes page names a running share. */
  platformNameOf?: (url: string) => string | undefined;
  /** Which tabs are sharing (lib/background/screen-shares.ts): unlocking meanwhile asks first. */
  shares?: Pick<ScreenShares, 'started' | 'stopped'>;
}

export const callHandlers = (deps: CallHandlerDeps): Pick<HandlersFor<typeof inPageOperations>, 'call:settings' | 'call:screen-share' | 'call:ended'> => ({
  'call:settings': async () => {
    const c = deps.contract();
    if (!c) return null;
    return { sessionMinutes: c.sessionMinutes, reminderMinutesBefore: [...c.reminderMinutesBefore], disruptionPlan: c.disruptionPlan, backupPlatform: c.backupPlatform };
  },
  'call:screen-share': async ({ state }, { raw: sender }) => {
    const tabId = sender.tab?.id;
    if (state === 'stopped') {
      if (tabId !== undefined) await deps.shares?.stopped(tabId);
      return null;
    }
    // Recorded before the lock, so an unlock that slips in between is already asked about.
    if (tabId !== undefined) await deps.shares?.started(tabId, (sender.url && deps.platformNameOf?.(sender.url)) || 'an unrecognised platform');
    await deps.lock('screen-share');
    return null;
  },
  'call:ended': async (ended, { raw: sender }) => {
    const summary: CallSummary = {
      at: new Date(ended.startedAt).toISOString(),
      minutes: Math.round((ended.endedAt - ended.startedAt) / 60_000),
      seconds: ended.seconds,
      ...(ended.videoKbps !== undefined ? { videoKbps: ended.videoKbps } : {}),
    };
    await recordCall(summary);
    const platform = (sender.url && deps.platformOf?.(sender.url)) ?? 'unknown';
    await deps.callEnded?.({ startedAt: ended.startedAt, endedAt: ended.endedAt, platform });
    return null;
  },
});
