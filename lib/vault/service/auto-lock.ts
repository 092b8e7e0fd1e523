import { browser } from 'wxt/browser';
import type { LockReason } from '@/lib/vault-client/messages';
import { autoLockSignals, type BrowserFamily } from '@/lib/vault/lifecycle/auto-lock-signals';
import { vaultLastActivityItem } from '@/lib/storage/items/session';

/**
 * When the vault locks by itself (HIPAA 45 CFR 164.312(a)(2)(iii), automatic logoff):
 * - after `autoLockMinutes` without a vault operation from a page, by a browser alarm, since a
 *   service worker's timers die with it (Chrome service-worker lifecycle docs);
 * - when the operating system locks the screen (idle.onStateChanged 'locked'; Chromium reports
 *   it, Firefox does not: there, after a few minutes with no input anywhere on the computer);
 * - when the last browser window closes (the browser can stay running without one, as on macOS).
 * lib/vault/lifecycle/auto-lock-signals.ts says what each browser can notice.
 * The last activity time is also kept in storage.session and checked before every operation,
 * so a late or lost alarm (a sleeping laptop, an unloaded Firefox event page) cannot leave the
 * vault open past its time.
 */

export const AUTO_LOCK_ALARM = 'anteroom-vault-auto-lock';

export interface AutoLock {
  /** Registers the alarm and idle listeners; call once, synchronously, when the background starts. */
  listen(): void;
  /** A page did something with the vault: restart the countdown. */
  touch(now?: number): Promise<void>;
  /** True when the countdown has run out (or no activity was ever recorded while unlocked). */
  expired(now?: number): Promise<boolean>;
  /** The vault locked: no countdown. */
  stop(): Promise<void>;
}

export function createAutoLock(lock: (reason: LockReason) => Promise<void>, minutes: () => number, browserFamily: BrowserFamily = 'chrome'): AutoLock {
  let lastActivityAt: number | undefined;
  const signals = () => autoLockSignals(browserFamily, minutes());
  // The computer-idle threshold follows the auto-lock minutes, which the options page can change.
  const setIdleThreshold = () => {
    const seconds = signals().computerIdleSeconds;
    if (seconds === undefined) return;
    try {
      browser.idle.setDetectionInterval(seconds);
    } catch {
      // No idle API (Firefox for Android): the inactivity alarm still applies.
    }
  };

  const readLastActivity = async (): Promise<number | undefined> => {
    if (lastActivityAt !== undefined) return lastActivityAt;
    return vaultLastActivityItem.get();
  };
  const deadline = (since: number) => since + minutes() * 60_000;

  return {
    listen() {
      browser.alarms.onAlarm.addListener((alarm) => {
        if (alarm.name !== AUTO_LOCK_ALARM) return;
        void (async () => {
          const since = await readLastActivity();
          // Activity after the alarm was set moved the deadline; wait for the new one.
          if (since !== undefined && deadline(since) > Date.now()) {
            await browser.alarms.create(AUTO_LOCK_ALARM, { when: deadline(since) });
          } else {
            await lock('inactivity');
          }
        })();
      });
      try {
        browser.idle.onStateChanged.addListener((state) => {
          if (state === 'locked') void lock('screen-locked');
          else if (state === 'idle' && signals().computerIdleSeconds !== undefined) void lock('computer-idle');
        });
        setIdleThreshold();
      } catch {
        // Firefox for Android has no idle API; the inactivity alarm still applies there.
      }
      browser.windows?.onRemoved.addListener(() => {
        void (async () => {
          const open = await browser.windows.getAll({ windowTypes: ['normal'] }).catch(() => undefined);
          if (open?.length === 0) await lock('windows-closed');
        })();
      });
    },
    async touch(now = Date.now()) {
      lastActivityAt = now;
      setIdleThreshold();
      await Promise.all([
        vaultLastActivityItem.set(now),
        browser.alarms.create(AUTO_LOCK_ALARM, { when: deadline(now) }),
      ]);
    },
    async expired(now = Date.now()) {
      const since = await readLastActivity();
      return since === undefined || deadline(since) <= now;
    },
    async stop() {
      lastActivityAt = undefined;
      await Promise.all([vaultLastActivityItem.remove(), browser.alarms.clear(AUTO_LOCK_ALARM)]);
    },
  };
}
