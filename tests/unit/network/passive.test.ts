import { describe, expect, it } from 'vitest';
import type { CallSummary } from '@/lib/call/history';
import { ago, browserEstimateFrom, passiveEstimate } from '@/lib/network/passive';

const utcHour = (at: Date) => at.getUTCHours();
const now = new Date('2026-12-04T14:20:00Z');
const call = (iso: string, good: number, fair: number, poor: number): CallSummary => ({ at: iso, minutes: 50, seconds: { good, fair, poor, unknown: 0 } });

describe('the estimate shown before any test', () => {
  it('reads navigator.connection where the browser has it, and nothing where it does not', () => {
    expect(browserEstimateFrom({ downlink: 8.45, rtt: 50, effectiveType: '4g' })).toEqual({ downlinkMbps: 8.45, rttMs: 50 });
    expect(browserEstimateFrom(undefined)).toBeNull();
    expect(browserEstimateFrom({})).toBe('none-yet');
    expect(browserEstimateFrom({ downlink: 0, rtt: 0 })).toBe('none-yet');
    expect(browserEstimateFrom({ downlink: 3, rtt: 'fast' })).toEqual({ downlinkMbps: 3, rttMs: NaN });
  });

  it('says plainly that Firefox has no estimate of its own', () => {
    const reading = passiveEstimate({ browser: null, calls: [], now, hourOf: utcHour });
    expect(reading.weak).toBe(false);
    expect(reading.sources).toEqual([]);
    expect(reading.sentences.join(' ')).toContain('Firefox gives no connection estimate');
  });

  it('says when Chromium has no figures yet', () => {
    const reading = passiveEstimate({ browser: 'none-yet', calls: [], now, hourOf: utcHour });
    expect(reading.sources).toEqual([]);
    expect(reading.sentences[0]).toContain('No estimate from the browser yet');
  });

  it.each([
    ['a line at the browser’s 10 Mbps cap is “at least” 10', { downlinkMbps: 10, rttMs: 50 }, false, 'at least 10 Mbps down, 50 ms delay.'],
    ['2 Mbps is not called weak', { downlinkMbps: 2, rttMs: 100 }, false, 'about 2.0 Mbps down, 100 ms delay.'],
    ['just under 2 Mbps is weak for video', { downlinkMbps: 1.95, rttMs: 100 }, true, 'about 1.9 Mbps down, 100 ms delay, weak for video; a test will tell.'],
    ['a 400 ms delay is weak', { downlinkMbps: 5, rttMs: 400 }, true, '400 ms delay, weak for video'],
    ['a 375 ms delay is not', { downlinkMbps: 5, rttMs: 375 }, false, '375 ms delay.'],
  ])('browser estimate: %s', (_name, browser, weak, words) => {
    const reading = passiveEstimate({ browser, calls: [], now, hourOf: utcHour });
    expect(reading.weak).toBe(weak);
    expect(reading.sources).toEqual(['browser']);
    expect(reading.sentences[0]).toContain(words);
    expect(reading.sentences[0]).toContain('(just now)');
  });

  it('uses past calls that started at this hour, with how long ago the latest was', () => {
    const calls = [call('2026-12-01T14:05:00Z', 2700, 300, 0), call('2026-12-03T14:10:00Z', 3000, 0, 0), call('2026-12-03T09:00:00Z', 0, 0, 3000)];
    const reading = passiveEstimate({ browser: null, calls, now, hourOf: utcHour });
    expect(reading.sources).toEqual(['calls']);
    expect(reading.weak).toBe(false);
    expect(reading.sentences[1]).toBe('Your 2 past calls around 14:00 (latest 24 hours ago): good 95 % of the time, poor 0 %, calm.');
  });

  it('says the mean video bitrate of the calls that measured one, without judging the line by it', () => {
    const calls = [
      { ...call('2026-12-01T14:05:00Z', 3000, 0, 0), videoKbps: 1200 },
      { ...call('2026-12-03T14:10:00Z', 3000, 0, 0), videoKbps: 2000 },
      call('2026-12-02T14:20:00Z', 3000, 0, 0),
    ];
    const reading = passiveEstimate({ browser: null, calls, now, hourOf: utcHour });
    expect(reading.sentences[1]).toBe('Your 3 past calls around 14:00 (latest 24 hours ago): good 100 % of the time, poor 0 %, video about 1.6 Mbps, calm.');
    expect(reading.weak).toBe(false);
    const latestOnly = passiveEstimate({ browser: null, calls: [{ ...call('2026-12-04T09:00:00Z', 3000, 0, 0), videoKbps: 900 }], now, hourOf: utcHour });
    expect(latestOnly.sentences[1]).toBe('Your latest call (5 hours ago, another hour): good 100 % of the time, video about 0.9 Mbps.');
  });

  it('calls it weak when calls at this hour were rough', () => {
    const reading = passiveEstimate({ browser: { downlinkMbps: 10, rttMs: 50 }, calls: [call('2026-12-02T14:00:00Z', 1000, 500, 1500)], now, hourOf: utcHour });
    expect(reading.weak).toBe(true);
    expect(reading.sources).toEqual(['browser', 'calls']);
    expect(reading.sentences[1]).toContain('rough');
  });

  it('falls back to the latest call when none was at this hour, and ignores calls in the future', () => {
    const calls = [call('2026-12-04T09:00:00Z', 1500, 1500, 0), call('2026-12-05T14:00:00Z', 0, 0, 3000)];
    const reading = passiveEstimate({ browser: null, calls, now, hourOf: utcHour });
    expect(reading.weak).toBe(false);
    expect(reading.sentences[1]).toBe('Your latest call (5 hours ago, another hour): good 50 % of the time.');
  });

  it.each([
    [0, 'just now'],
    [59_000, 'just now'],
    [60_000, '1 minute ago'],
    [45 * 60_000, '45 minutes ago'],
    [60 * 60_000, '1 hour ago'],
    [47 * 3600_000, '47 hours ago'],
    [72 * 3600_000, '3 days ago'],
  ])('%i ms ago reads “%s”', (ms, words) => {
    expect(ago(now.getTime() - ms, now.getTime())).toBe(words);
  });
});
