import { browser } from 'wxt/browser';
import { listen } from '@/lib/bus/listen';
import type { ProbeLine } from '@/lib/in-page/probe/probe-channel';
import { createQualityTracker, type TrackerState } from '@/lib/in-page/call/quality-tracker';
import { createSessionTimer } from '@/lib/in-page/call/session-timer';
import { isStillSharingQuestion, readProbeMessage, type CallMessage, type CallSettings } from '../wire';
import { renderCall, type CallViewState } from './call-view';
import type { PageContext } from '../page-context';

const STALL_MS = 6000;
const POOR_MS = 10_000;
const ENDED_AFTER_SILENCE_MS = 10_000;
const ENDING_NOTICE_MS = 60_000;

/**
 * The in-call companion on video and messaging platforms. It hears the main-world probe over
 * the private line set up at document_start (lib/in-page/probe/probe-channel.ts: the page can neither
 * read nor forge what is said on it), accepts only numbers and fixed words, and turns them into
 * the quality pill, the session clock and the notices.
 * Screen sharing is reported to the background, which locks the notes at once.
 *
 * Attached only once the background has recognised the page as a video or messaging platform
 * (not, say, a Facebook feed). The watch itself is made when the probe first speaks, on the
 * page's first call or share: most loads of these hosts never hold one, and every page load
 * pays for the script it runs (npm run bench).
 */
export function attachCallWatch(ctx: PageContext, line: ProbeLine): void {
  let onProbeMessage: ((data: unknown) => void) | undefined;
  line.listen((data) => {
    if (!ctx.isValid) return;
    onProbeMessage ??= createCallWatch(ctx);
    onProbeMessage(data);
  });
}

function createCallWatch(ctx: PageContext): (data: unknown) => void {
  let settings: CallSettings = { sessionMinutes: 50, reminderMinutesBefore: [10, 5], disruptionPlan: '', backupPlatform: '' };
  const send = (message: CallMessage) => browser.runtime.sendMessage(message).catch(() => undefined);
  // Nothing is asked of the background until a call starts (the probe's first readings may come
  // from a connection that is only being prepared), and every extension API call costs the page
  // script time.
  let settingsAsked = false;
  const askSettings = () => {
    if (settingsAsked) return;
    settingsAsked = true;
    void send({ type: 'call:settings' }).then((answer) => {
      if (answer && typeof answer === 'object') settings = answer as CallSettings;
    });
  };
  let ticking: number | undefined;

  let host: HTMLElement | undefined;
  let root: ShadowRoot | undefined;
  let call:
    | { startedAt: number; lastStatsAt: number; lastAt: number; state: TrackerState; bitrate: number; video: { kbps: number; samples: number }; seconds: Record<TrackerState['quality'], number>; timer: ReturnType<typeof createSessionTimer>; ending?: { minutes: number; until: number } }
    | undefined;
  // Made at a call's first reading: most page loads never hold a call.
  let tracker: ReturnType<typeof createQualityTracker> | undefined;
  let sharing = false;
  let offline = false;

  const noticeFor = (now: number): CallViewState['notice'] => {
    if (sharing) {
      return {
        kind: 'sharing',
        title: 'You are sharing your screen — your notes are locked',
        lines: ['Close other tabs and windows with client information.', 'Turn on do-not-disturb so no notification appears while you share.'],
      };
    }
    if (call && (offline || call.state.stalledForMs >= STALL_MS)) {
      return {
        kind: 'disrupted',
        title: 'The connection has dropped: your agreed plan',
        lines: [settings.disruptionPlan, settings.backupPlatform ? `Backup: ${settings.backupPlatform}` : ''].filter(Boolean),
      };
    }
    if (call && call.state.poorForMs >= POOR_MS) {
      return { kind: 'audio-only', title: 'The connection has been poor for a while', lines: ['Consider switching to audio only, as agreed in your contract: turn off both cameras.'] };
    }
    if (call?.ending && call.ending.until > now) {
      return { kind: 'ending', title: `${call.ending.minutes} minutes left in this session`, lines: [`Your sessions are ${settings.sessionMinutes} minutes.`] };
    }
    return undefined;
  };

  const render = () => {
    const now = Date.now();
    if (!call && !sharing) {
      host?.remove();
      host = undefined;
      return;
    }
    if (!host || !root || !host.isConnected) {
      host = document.createElement('anteroom-call');
      root = host.attachShadow({ mode: 'open' });
      document.documentElement.append(host);
    }
    const view = call?.timer.view(call.startedAt, now);
    if (call && view?.due !== undefined) call.ending = { minutes: view.due, until: now + ENDING_NOTICE_MS };
    renderCall(
      host,
      root,
      {
        quality: call?.state.quality ?? 'unknown',
        bitrateKbps: call?.bitrate ?? 0,
        elapsedS: view?.elapsedS ?? 0,
        remainingS: view?.remainingS ?? settings.sessionMinutes * 60,
        sessionMinutes: settings.sessionMinutes,
        notice: noticeFor(now),
      },
      () => {
        call?.timer.silence();
        if (call) call.ending = undefined;
        render();
      },
    );
  };

  const endCall = () => {
    if (!call) return;
    const seconds = { ...call.seconds };
    for (const k of Object.keys(seconds) as (keyof typeof seconds)[]) seconds[k] = Math.round(seconds[k]);
    const { kbps, samples } = call.video;
    const videoKbps = samples > 0 ? { videoKbps: Math.min(1_000_000, Math.round(kbps / samples)) } : {};
    void send({ type: 'call:ended', startedAt: call.startedAt, endedAt: call.lastStatsAt, seconds, ...videoKbps });
    call = undefined;
    tracker = undefined;
    if (ticking !== undefined) window.clearInterval(ticking);
    ticking = undefined;
    render();
  };

  const onProbeMessage = (data: unknown) => {
    const message = readProbeMessage(data);
    if (!message) return;
    const now = Date.now();
    if (message.kind === 'share') {
      askSettings();
      answerStillSharing();
      sharing = message.state === 'started';
      void send({ type: 'call:screen-share', state: message.state });
      render();
      return;
    }
    const flowing = message.connected || message.recvKbps > 0 || message.sendKbps > 0;
    if (!call && !flowing) return;
    if (!call) {
      askSettings();
      offline = !navigator.onLine; // from here on, the online and offline events keep it
      hearNetwork();
      // The clock ticks every second during a call; a call whose probe has gone quiet (all
      // connections closed) ends.
      ticking ??= window.setInterval(() => {
        // An extension that was updated or removed mid-call: take our notices off the page.
        if (!call || !ctx.isValid) return;
        if (Date.now() - call.lastStatsAt > ENDED_AFTER_SILENCE_MS) endCall();
        else render();
      }, 1000);
      call = {
        startedAt: now,
        lastStatsAt: now,
        lastAt: now,
        bitrate: 0,
        video: { kbps: 0, samples: 0 },
        state: { quality: 'unknown', poorForMs: 0, stalledForMs: 0 },
        seconds: { good: 0, fair: 0, poor: 0, unknown: 0 },
        timer: createSessionTimer(settings.sessionMinutes, settings.reminderMinutesBefore),
      };
    }
    call.seconds[call.state.quality] += (now - call.lastAt) / 1000;
    call.lastAt = now;
    call.lastStatsAt = now;
    tracker ??= createQualityTracker();
    call.state = tracker.push({ at: now, ...message });
    call.bitrate = message.sendKbps + message.recvKbps;
    if (message.video) {
      call.video.kbps += Math.max(message.sendKbps, message.recvKbps);
      call.video.samples += 1;
    }
    render();
  };

  // The background asks, before an unlock, whether the share this tab reported still runs.
  // Listened for from the first share on only: every listener costs each page load (npm run bench).
  let answering = false;
  const answerStillSharing = () => {
    if (answering) return;
    answering = true;
    const unlisten = listen((message, sender, reply) => {
      if (sender.id === browser.runtime.id && isStillSharingQuestion(message)) reply({ sharing });
      return undefined;
    });
    ctx.onInvalidated(unlisten);
  };

  // The connection's own state is heard from the first call on (most page loads never hold one).
  let hearingNetwork = false;
  const hearNetwork = () => {
    if (hearingNetwork) return;
    hearingNetwork = true;
    ctx.listen('offline', () => {
      offline = true;
      render();
    });
    ctx.listen('online', () => {
      offline = false;
      render();
    });
  };
  ctx.onInvalidated(() => {
    host?.remove();
    if (ticking !== undefined) window.clearInterval(ticking);
  });
  return onProbeMessage;
}
