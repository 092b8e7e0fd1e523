/**
 * What each browser lets the vault's auto-lock notice, in one place: the background wires the
 * listeners from it (lib/vault/service/auto-lock.ts) and the options page explains it with
 * the same facts (autoLockHelp).
 *
 * - Chrome reports the operating system's screen lock (idle state "locked": Chrome's idle API
 *   reference, developer.chrome.com/docs/extensions/reference/api/idle).
 * - Firefox never reports "locked", only "idle" and "active" (MDN, idle.IdleState: "locked" is
 *   not supported in Firefox; checked 2026-12-04). There the auto-lock also counts time with no
 *   keyboard or mouse use anywhere on the computer, which is what most screen locks follow.
 * - Both report windows closing; neither reports the computer going to sleep.
 */

export type BrowserFamily = 'chrome' | 'firefox';

/** Firefox's stand-in for the screen lock: this long with no input anywhere on the computer. */
export const COMPUTER_IDLE_MINUTES = 5;
/** The idle API's smallest detection interval (Chromium idle.json, MDN setDetectionInterval). */
const MIN_IDLE_SECONDS = 15;

export interface AutoLockSignals {
  /** Locks the moment the screen locks. */
  screenLock: boolean;
  /** Locks after this many seconds with no keyboard or mouse use on the computer; undefined: not used. */
  computerIdleSeconds?: number;
  /** Locks when the last browser window closes (the browser may stay running, as on macOS). */
  lastWindowClosed: boolean;
}

export function autoLockSignals(browser: BrowserFamily, autoLockMinutes: number): AutoLockSignals {
  if (browser === 'chrome') return { screenLock: true, lastWindowClosed: true };
  const minutes = Math.min(autoLockMinutes, COMPUTER_IDLE_MINUTES);
  return { screenLock: false, computerIdleSeconds: Math.max(MIN_IDLE_SECONDS, Math.round(minutes * 60)), lastWindowClosed: true };
}

/** The options page's words for the auto-lock setting, true to what this browser can notice. */
export function autoLockHelp(browser: BrowserFamily): string {
  const common = 'Your encrypted notes lock themselves after this long without use, and when you close the last browser window.';
  if (browser === 'chrome') {
    return `${common} Chrome also tells Anteroom when your computer’s screen locks, and the notes lock at once. Chrome does not say when the computer goes to sleep.`;
  }
  return (
    `${common} Firefox does not tell extensions when your screen locks or your computer sleeps, so instead the notes lock after ` +
    `${COMPUTER_IDLE_MINUTES} minutes (or this setting, if shorter) with no keyboard or mouse use anywhere on the computer.`
  );
}
