/**
 * The session clock: elapsed time against the contracted length, and which end-of-session
 * notices are due (e.g. 10 and 5 minutes before the end), each shown once unless silenced.
 */
export interface TimerView {
  elapsedS: number;
  remainingS: number;
  overrun: boolean;
  /** The notice (minutes before the end) that has just become due, if any. */
  due?: number;
}

export function createSessionTimer(sessionMinutes: number, noticesMinutesBefore: readonly number[]) {
  const shown = new Set<number>();
  let silenced = false;
  return {
    silence() {
      silenced = true;
    },
    view(startedAt: number, now: number): TimerView {
      const elapsedS = Math.max(0, Math.floor((now - startedAt) / 1000));
      const remainingS = sessionMinutes * 60 - elapsedS;
      let due: number | undefined;
      for (const minutes of [...noticesMinutesBefore].sort((a, b) => a - b)) {
        if (!shown.has(minutes) && remainingS <= minutes * 60 && remainingS > 0) {
          shown.add(minutes);
          // Both thresholds passed at once (a late start): announce the nearer one only.
          due ??= minutes;
        }
      }
      return { elapsedS, remainingS, overrun: remainingS < 0, ...(due !== undefined && !silenced ? { due } : {}) };
    },
  };
}

export function clock(seconds: number): string {
  const s = Math.abs(seconds);
  const text = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return seconds < 0 ? `+${text}` : text;
}
