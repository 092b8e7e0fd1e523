import { describe, expect, it } from 'vitest';
import { combine, sampleOf, totalsOf, type RawStat } from '@/lib/in-page/probe/sample';
import { readProbeMessage } from '@/lib/in-page/wire';
import { clock, createSessionTimer } from '@/lib/in-page/call/session-timer';

const report = (sent: number, received: number, lost: number, packets: number): RawStat[] => [
  { type: 'outbound-rtp', kind: 'video', bytesSent: sent },
  { type: 'inbound-rtp', kind: 'video', bytesReceived: received, packetsLost: lost, packetsReceived: packets, jitter: 0.012 },
  { type: 'candidate-pair', state: 'succeeded', nominated: true, currentRoundTripTime: 0.045 },
];

describe('reading getStats()', () => {
  it('turns two reports 2 s apart into bitrates, loss, round trip and jitter', () => {
    const first = report(0, 0, 0, 0);
    const second = report(250_000, 500_000, 5, 95);
    const a = totalsOf(first, 0);
    const b = totalsOf(second, 2000);
    const sample = sampleOf(second, b, a);
    expect(sample.sendKbps).toBeCloseTo(1000);
    expect(sample.recvKbps).toBeCloseTo(2000);
    expect(sample.lossPct).toBeCloseTo(5);
    expect(sample.rttMs).toBeCloseTo(45);
    expect(sample.jitterMs).toBeCloseTo(12);
    expect(sample.video).toBe(true);
  });

  it('reports no bitrate on the first report and no loss when nothing arrived', () => {
    const s = sampleOf(report(100, 100, 0, 0), totalsOf(report(100, 100, 0, 0), 0), undefined);
    expect(s.sendKbps).toBe(0);
    expect(Number.isNaN(s.lossPct)).toBe(true);
  });

  it('adds the bitrates of two connections and keeps the worst of the rest', () => {
    const a = { sendKbps: 100, recvKbps: 200, lossPct: 1, rttMs: 50, jitterMs: NaN, video: false };
    const b = { sendKbps: 10, recvKbps: 20, lossPct: NaN, rttMs: 80, jitterMs: 9, video: true };
    expect(combine(a, b)).toEqual({ sendKbps: 110, recvKbps: 220, lossPct: 1, rttMs: 80, jitterMs: 9, video: true });
  });
});

describe('the probe’s line accepts only numbers and fixed words', () => {
  const stats = { kind: 'stats', sendKbps: 1, recvKbps: 2, lossPct: NaN, rttMs: 3, jitterMs: 4, video: true, connected: true };
  it('accepts a well-formed message', () => {
    expect(readProbeMessage(stats)).toMatchObject({ kind: 'stats', recvKbps: 2 });
    expect(readProbeMessage({ kind: 'share', state: 'started' })).toEqual({ kind: 'share', state: 'started' });
  });
  it.each([
    ['text where a number belongs', { ...stats, rttMs: 'client name' }],
    ['an impossible value', { ...stats, lossPct: 250 }],
    ['a negative bitrate', { ...stats, sendKbps: -1 }],
    ['an unknown kind', { ...stats, kind: 'note' }],
    ['a share state that is not a fixed word', { kind: 'share', state: 'started with notes.docx' }],
    ['no object at all', 'share started'],
  ])('drops %s', (_what, message) => {
    expect(readProbeMessage(message)).toBeUndefined();
  });
});

describe('the session clock', () => {
  const start = 0;
  it('shows elapsed time against the contracted length', () => {
    const timer = createSessionTimer(50, [10, 5]);
    expect(timer.view(start, 125_000)).toMatchObject({ elapsedS: 125, remainingS: 50 * 60 - 125, overrun: false });
    expect(clock(125)).toBe('2:05');
    expect(clock(-65)).toBe('+1:05');
  });
  it('gives each end-of-session notice once, at 10 and at 5 minutes before the end', () => {
    const timer = createSessionTimer(50, [10, 5]);
    expect(timer.view(start, 39 * 60_000).due).toBeUndefined();
    expect(timer.view(start, 40 * 60_000).due).toBe(10);
    expect(timer.view(start, 41 * 60_000).due).toBeUndefined();
    expect(timer.view(start, 45 * 60_000).due).toBe(5);
  });
  it('stays quiet once silenced', () => {
    const timer = createSessionTimer(50, [10, 5]);
    timer.silence();
    expect(timer.view(start, 45 * 60_000).due).toBeUndefined();
  });
});
