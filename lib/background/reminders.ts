import { browser } from 'wxt/browser';
import { loadContract } from '@/lib/contract/storage-item';
import {
  nextDailyCheck,
  planSessionAlarms,
  reminderIdOfAlarm,
  sessionAlarmName,
  SESSION_NOTIFICATION_PREFIX,
  SILENCE_ALARM,
  SILENCE_NOTIFICATION,
} from '@/lib/reminders/alarm-plan';
import { emptySilenceIndex, sessionStartOf, type SessionEntries } from '@/lib/reminders/clear-data';
import {
  dueSilences,
  markNotified,
  sessionEntriesFor,
  silenceIndexFor,
  withFollowUpDays,
  withoutNames,
  withoutPastSessions,
  type ClientForReminders,
} from '@/lib/reminders/clear-state';
import { createClearStore, type ClearStore } from '@/lib/reminders/clear-store';
import { remindersOperations, type SilenceNamesChanged } from '@/lib/reminders/messages';
import { minutesLeft } from '@/lib/reminders/session-reminder';
import { sessionNotification, silenceNotification, type NotificationText } from '@/lib/reminders/wording';
import { domain, type Domain } from './bus';
import { resultOf } from '@/lib/vault/service/results';
import { refreshVaultClients, watchVaultClients } from '@/lib/vault/service/vault-service';
import { serialQueue } from '@/lib/serial-queue';

/**
 * Session reminders and the silence follow-up, in the background. While the vault is unlocked,
 * every change to the clients rebuilds the clear copy (ids and times; lib/reminders/README.md);
 * alarms and notifications then work from that copy alone, so they need no key. The copy lives
 * in the extension's own IndexedDB, which only the background touches (clear-store.ts).
 */

export interface ReminderDeps {
  watchClients(watcher: (clients: ClientForReminders[]) => Promise<void>): () => void;
  refreshClients(): Promise<void>;
  followUpDays(): Promise<number>;
  /** Where the clear copy lives; the default is the extension's `anteroom-reminders` database. */
  store?: ClearStore;
}

export function createReminders(deps: ReminderDeps) {
  const serial = serialQueue();
  const clear = deps.store ?? createClearStore();

  const notify = (id: string, text: NotificationText) =>
    browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), ...text });

  const syncAlarms = async (entries: SessionEntries, now: number) => {
    const plan = planSessionAlarms(entries, await browser.alarms.getAll(), now);
    await Promise.all(plan.clear.map((name) => browser.alarms.clear(name)));
    await Promise.all(plan.create.map(({ name, when }) => browser.alarms.create(name, { when })));
  };

  const rebuild = (clients: ClientForReminders[]) =>
    serial(async () => {
      const now = Date.now();
      const [previousSessions, previousSilence, showNames, days] = await Promise.all([
        clear.readSessionEntries(),
        clear.readSilenceIndex(),
        clear.readSilenceShowsNames(),
        deps.followUpDays(),
      ]);
      const sessions = sessionEntriesFor(clients, previousSessions, now);
      await clear.writeSessionEntries(sessions);
      await syncAlarms(sessions, now);
      await clear.writeSilenceIndex(silenceIndexFor(clients, days, showNames, previousSilence));
    });

  /** On every background start: past reminders go, missing alarms come back. */
  const restore = () =>
    serial(async () => {
      await clear.adoptLegacy();
      const now = Date.now();
      const sessions = withoutPastSessions(await clear.readSessionEntries(), now);
      await clear.writeSessionEntries(sessions);
      await syncAlarms(sessions, now);
      if (!(await browser.alarms.get(SILENCE_ALARM))) {
        await browser.alarms.create(SILENCE_ALARM, { when: nextDailyCheck(now), periodInMinutes: 24 * 60 });
      }
    });

  const fireSession = (id: string) =>
    serial(async () => {
      const now = Date.now();
      const entries = await clear.readSessionEntries();
      const entry = entries[id];
      if (!entry || entry.shown) return;
      if (sessionStartOf(entry) > now) {
        await notify(`${SESSION_NOTIFICATION_PREFIX}${id}`, sessionNotification(minutesLeft(sessionStartOf(entry), now), entry.label));
        entries[id] = { ...entry, shown: true };
      }
      // A start that raced the alarm may have set it again; once shown, it is not needed.
      await browser.alarms.clear(sessionAlarmName(id));
      // A reminder whose session already began (the computer slept through it) is just dropped.
      await clear.writeSessionEntries(withoutPastSessions(entries, now));
    });

  const checkSilence = () =>
    serial(async () => {
      const now = Date.now();
      const days = await deps.followUpDays();
      const index = withFollowUpDays((await clear.readSilenceIndex()) ?? emptySilenceIndex(days), days);
      const due = dueSilences(index, now);
      if (due.length > 0) await notify(SILENCE_NOTIFICATION, silenceNotification(due.map((id) => index.entries[id]?.label)));
      await clear.writeSilenceIndex(markNotified(index, due));
    });

  /**
   * Turning names off takes them out of the clear copy at once, unlocked or not; on adds them at
   * the next rebuild, which the operation's 'clients-changed' effect asks for.
   */
  const setSilenceNames = async (show: boolean) => {
    await serial(async () => {
      await clear.writeSilenceShowsNames(show);
      const index = await clear.readSilenceIndex();
      if (!show && index) await clear.writeSilenceIndex(withoutNames(index));
    });
    const changed: SilenceNamesChanged = { type: 'reminders:silence-names-changed', show };
    // Rejects when no other page is open to hear it, which is fine.
    await browser.runtime.sendMessage(changed).catch(() => undefined);
  };

  /** The notes page's requests about the "name clients" choice (lib/reminders/messages.ts), for the bus. */
  const messages = domain(
    remindersOperations,
    {
      'reminders:get-silence-names': async () => ({ show: await serial(() => clear.readSilenceShowsNames()) }),
      'reminders:set-silence-names': ({ show }) => setSilenceNames(show),
    },
    { answer: resultOf, effects: { 'clients-changed': () => deps.refreshClients() } },
  );

  // A click opens what the notification points to: the checklist (in a tab, since opening the
  // toolbar popup needs the therapist's own click) or the notes.
  const openFor = async (notificationId: string) => {
    const page = notificationId.startsWith(SESSION_NOTIFICATION_PREFIX) ? '/popup.html' : notificationId === SILENCE_NOTIFICATION ? '/notes.html' : undefined;
    if (!page) return;
    await browser.tabs.create({ url: browser.runtime.getURL(page) });
    await browser.notifications.clear(notificationId);
  };

  const quietly = (work: Promise<unknown>) => void work.catch(() => undefined);

  return {
    rebuild,
    restore,
    fireSession,
    checkSilence,
    messages,
    /** Resolves once everything already asked of the reminders is done. */
    settled: () => serial(async () => undefined),
    /** Registers the listeners (synchronously: MV3), then catches up on what happened while asleep. */
    start() {
      browser.alarms.onAlarm.addListener((alarm) => {
        const id = reminderIdOfAlarm(alarm.name);
        if (id) quietly(fireSession(id));
        else if (alarm.name === SILENCE_ALARM) quietly(checkSilence());
      });
      browser.notifications.onClicked.addListener((id) => quietly(openFor(id)));
      deps.watchClients(rebuild);
      quietly(restore());
      quietly(checkSilence());
    },
  };
}

/** Called once from entrypoints/background.ts; the reminders' operations, for the bus. */
export function startReminders(): Domain {
  const reminders = createReminders({
    watchClients: watchVaultClients,
    refreshClients: refreshVaultClients,
    followUpDays: () => loadContract().then((loaded) => loaded.value.silenceFollowUpDays),
  });
  reminders.start();
  return reminders.messages;
}
