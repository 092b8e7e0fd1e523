import { describe, expect, it } from 'vitest';
import { callQuality, callQualityByMetric, speedVerdict, type CallStats } from '@/lib/network/quality';

describe('the speed verdict before a session', () => {
  it.each([
    [2, 2, 'pass'],
    [50, 20, 'pass'],
    [1.99, 20, 'warn'],
    [20, 1.99, 'warn'],
    [0.6, 0.6, 'warn'],
    [0.59, 20, 'fail'],
    [20, 0.59, 'fail'],
    [0, 0, 'fail'],
    [Number.NaN, 5, 'fail'],
    [-1, 5, 'fail'],
  ] as const)('down %s Mbps, up %s Mbps is %s', (downMbps, upMbps, status) => {
    expect(speedVerdict({ downMbps, upMbps }).status).toBe(status);
  });

  it('suggests audio only when video would struggle, and names the slow direction', () => {
    const { advice } = speedVerdict({ downMbps: 8, upMbps: 1.2 });
    expect(advice).toContain('audio only');
    expect(advice).toContain('upload');
  });

  it('points to the agreed backup plan when even audio is at risk', () => {
    const { advice } = speedVerdict({ downMbps: 0.3, upMbps: 5 });
    expect(advice).toContain('backup plan');
    expect(advice).toContain('download');
  });
});

const good: CallStats = { lossPct: 0, rttMs: 40, jitterMs: 5, bitrateKbps: 1500 };

describe('the quality of a live call', () => {
  it('is good when every number is comfortable', () => {
    expect(callQuality(good)).toBe('good');
  });

  it.each([
    ['rttMs', 149, 'good'],
    ['rttMs', 150, 'fair'],
    ['rttMs', 400, 'fair'],
    ['rttMs', 401, 'poor'],
    ['jitterMs', 29.9, 'good'],
    ['jitterMs', 30, 'fair'],
    ['jitterMs', 50, 'fair'],
    ['jitterMs', 50.1, 'poor'],
    ['lossPct', 0.99, 'good'],
    ['lossPct', 1, 'fair'],
    ['lossPct', 5, 'fair'],
    ['lossPct', 5.1, 'poor'],
    ['bitrateKbps', 1000, 'good'],
    ['bitrateKbps', 999, 'fair'],
    ['bitrateKbps', 600, 'fair'],
    ['bitrateKbps', 599, 'poor'],
  ] as const)('with %s at %s it is %s', (metric, value, quality) => {
    expect(callQuality({ ...good, [metric]: value })).toBe(quality);
  });

  it('is as bad as its worst number', () => {
    expect(callQuality({ lossPct: 2, rttMs: 40, jitterMs: 60, bitrateKbps: 1500 })).toBe('poor');
    expect(callQuality({ lossPct: 2, rttMs: 200, jitterMs: 5, bitrateKbps: 1500 })).toBe('fair');
  });

  it('ignores a number the call did not report', () => {
    expect(callQuality({ ...good, lossPct: Number.NaN, bitrateKbps: -1 })).toBe('good');
    expect(callQualityByMetric({ ...good, lossPct: Number.NaN })).toEqual({ rttMs: 'good', jitterMs: 'good', bitrateKbps: 'good' });
  });
});
