import { describe, expect, it } from 'vitest';
import { createQualityTracker, IMPROVE_AFTER, rawQuality, WORSEN_AFTER, type TrackerSample } from '@/lib/in-page/call/quality-tracker';

const good = { sendKbps: 1500, recvKbps: 1500, lossPct: 0, rttMs: 40, jitterMs: 5, video: true };
const fair = { ...good, rttMs: 250 };
const poor = { ...good, lossPct: 9 };
const stalled = { ...good, recvKbps: 0, sendKbps: 1500 };

/** A recorded call: one sample every 2 s, as the probe sends them. */
function play(rows: Omit<TrackerSample, 'at'>[]) {
  const tracker = createQualityTracker();
  return rows.map((row, i) => tracker.push({ ...row, at: i * 2000 }));
}

describe('the in-call quality ladder', () => {
  it.each([
    [good, 'good'],
    [fair, 'fair'],
    [poor, 'poor'],
    [{ ...good, jitterMs: 60 }, 'poor'],
    [{ ...good, rttMs: 500 }, 'poor'],
    [{ ...good, sendKbps: 400, recvKbps: 400 }, 'poor'],
    // An audio-only call is judged on loss, delay and jitter, not on its (rightly) low bitrate.
    [{ ...good, sendKbps: 60, recvKbps: 60, video: false }, 'good'],
  ])('rates %j as %s', (sample, expected) => {
    expect(rawQuality({ ...sample, at: 0 })).toBe(expected);
  });
});

describe('hysteresis: the indicator does not flicker', () => {
  it('ignores a single bad sample in a good call', () => {
    expect(play([good, good, poor, good, good]).map((s) => s.quality)).toEqual(['good', 'good', 'good', 'good', 'good']);
  });

  it(`gets worse after ${WORSEN_AFTER} bad samples in a row`, () => {
    expect(play([good, poor, poor, poor]).map((s) => s.quality)).toEqual(['good', 'good', 'poor', 'poor']);
  });

  it(`gets better only after ${IMPROVE_AFTER} good samples in a row`, () => {
    const states = play([poor, good, good, good, good, good]).map((s) => s.quality);
    expect(states).toEqual(['poor', 'poor', 'poor', 'poor', 'good', 'good']);
  });

  it('alternating samples never flip the indicator back and forth', () => {
    const states = play([good, poor, good, poor, good, poor, good, poor]).map((s) => s.quality);
    expect(new Set(states)).toEqual(new Set(['good']));
  });

  it('counts how long the call has been poor, for the audio-only suggestion after 10 s', () => {
    const states = play([poor, poor, poor, poor, poor, poor, poor]);
    expect(states.at(-1)!.poorForMs).toBeGreaterThanOrEqual(10_000);
    expect(play([poor, poor, poor]).at(-1)!.poorForMs).toBeLessThan(10_000);
  });

  it('notices when media stops arriving, for the disruption plan after 6 s', () => {
    const states = play([good, good, stalled, stalled, stalled, stalled]);
    expect(states.at(-1)!.stalledForMs).toBeGreaterThanOrEqual(6000);
    expect(play([good, stalled, good]).at(-1)!.stalledForMs).toBe(0);
  });
});
