import type { Browser } from 'wxt/browser';
import type { Contract } from '@/lib/contract/schema';
import { readCallMessage } from '@/lib/call/messages';
import type { CallSettings } from '@/lib/in-page/wire';
import { ownExtension } from './bus';
import { classifySender } from './sender';
import { recordCall, type CallSummary } from '@/lib/call/history';
import type { ScreenShares } from './screen-shares';

/**
 * The background's side of the in-call companion. Our content scripts on call pages may ask
 * for the contract's call settings, report that a screen share started (the notes lock at once,
 * and unlocking asks first until it ends)
 * and hand over a finished call's quality summary (kept locally, with no identity: time and
 * seconds per quality level). Only our script in a tab's top frame may; anyone else gets no answer.
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

export async function answerCallMessage(message: unknown, sender: Browser.runtime.MessageSender, deps: CallHandlerDeps): Promise<CallSettings | null | undefined> {
  if (classifySender(sender, ownExtension()) !== 'top-frame-script') return undefined;
  const parsed = readCallMessage(message);
  if (!parsed) return undefined;
  switch (parsed.type) {
    case 'call:settings': {
      const c = deps.contract();
      if (!c) return null;
      return { sessionMinutes: c.sessionMinutes, reminderMinutesBefore: [...c.reminderMinutesBefore], disruptionPlan: c.disruptionPlan, backupPlatform: c.backupPlatform };
    }
    case 'call:screen-share': {
      const tabId = sender.tab?.id;
      if (parsed.state === 'stopped') {
        if (tabId !== undefined) await deps.shares?.stopped(tabId);
        return null;
      }
      // Recorded before the lock, so an unlock that slips in between is already asked about.
      if (tabId !== undefined) await deps.shares?.started(tabId, (sender.url && deps.platformNameOf?.(sender.url)) || 'an unrecognised platform');
      await deps.lock('screen-share');
      return null;
    }
    case 'call:ended': {
      const summary: CallSummary = {
        at: new Date(parsed.startedAt).toISOString(),
        minutes: Math.round((parsed.endedAt - parsed.startedAt) / 60_000),
        seconds: parsed.seconds,
        ...(parsed.videoKbps !== undefined ? { videoKbps: parsed.videoKbps } : {}),
      };
      await recordCall(summary);
      const platform = (sender.url && deps.platformOf?.(sender.url)) ?? 'unknown';
      await deps.callEnded?.({ startedAt: parsed.startedAt, endedAt: parsed.endedAt, platform });
      return null;
    }
  }
}
