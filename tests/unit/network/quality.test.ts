import { describe, expect, it } from 'vitest';
import { callQuality, callQualityByMetric, speedVerdict, type CallStats } from '@/lib/network/quality';

describe('the seeds’ rule on a measured line', () => {
  const steady = { latencyMs: 30, jitterMs: 5 };
  it.each([
    ['2 Mbps each way and a steady delay is enough for video', { downMbps: 2, upMbps: 2 }, 'pass'],
    ['a fast line is enough for video', { downMbps: 50, upMbps: 20 }, 'pass'],
    ['download just under 2 Mbps means audio only', { downMbps: 1.99, upMbps: 20 }, 'warn'],
    ['upload just under 2 Mbps means audio only', { downMbps: 20, upMbps: 1.99 }, 'warn'],
    ['0.15 Mbps still carries audio', { downMbps: 0.15, upMbps: 0.15 }, 'warn'],
    ['just under 0.15 Mbps is too slow even for audio', { downMbps: 0.149, upMbps: 20 }, 'fail'],
    ['an upload just under 0.15 Mbps too', { downMbps: 20, upMbps: 0.149 }, 'fail'],
    ['nothing at all fails', { downMbps: 0, upMbps: 0 }, 'fail'],
    ['an unreadable figure fails', { downMbps: Number.NaN, upMbps: 5 }, 'fail'],
    ['a negative figure fails', { downMbps: -1, upMbps: 5 }, 'fail'],
    ['a 149 ms delay is steady', { downMbps: 10, upMbps: 10, latencyMs: 149 }, 'pass'],
    ['a 150 ms delay is not', { downMbps: 10, upMbps: 10, latencyMs: 150 }, 'warn'],
    ['29.9 ms of jitter is steady', { downMbps: 10, upMbps: 10, jitterMs: 29.9 }, 'pass'],
    ['30 ms of jitter is not', { downMbps: 10, upMbps: 10, jitterMs: 30 }, 'warn'],
    ['an “average” video-call score is fine', { downMbps: 10, upMbps: 10, videoCallClass: 'average' }, 'pass'],
    ['a “poor” video-call score (delay under load) is not', { downMbps: 10, upMbps: 10, videoCallClass: 'poor' }, 'warn'],
    ['a “bad” video-call score is not', { downMbps: 10, upMbps: 10, videoCallClass: 'bad' }, 'warn'],
  ] as const)('%s', (_name, line, status) => {
    expect(speedVerdict({ ...steady, ...line }).status).toBe(status);
  });

  const plan = { backupPlatform: 'Phone call to the number you gave me', connectionPlan: 'I will phone you within 2 minutes.' };

  it('suggests audio only when video would struggle, names the slow direction, and quotes the agreed plan', () => {
    const { advice } = speedVerdict({ downMbps: 8, upMbps: 1.2, ...steady }, plan);
    expect(advice).toBe('Your upload speed (1.2 Mbps) is below the 2 Mbps video needs: plan on audio only, or switch to it if the picture freezes. If the call drops, your agreed plan: I will phone you within 2 minutes.');
  });

  it('names what is unsteady on a fast line', () => {
    const { advice } = speedVerdict({ downMbps: 50, upMbps: 20, latencyMs: 180, jitterMs: 42 }, { ...plan, connectionPlan: '' });
    expect(advice).toBe('Fast enough, but not steady (a 180 ms delay, 42 ms of jitter): video may stutter, so be ready to switch to audio only. If the call drops, use your agreed backup: Phone call to the number you gave me.');
  });

  it('points to the agreed backup when even audio is at risk', () => {
    expect(speedVerdict({ downMbps: 0.1, upMbps: 5 }, plan).advice).toBe('Your download speed (0.1 Mbps) is too low even for audio: use your agreed backup: Phone call to the number you gave me.');
    expect(speedVerdict({ downMbps: 0.1, upMbps: 5 }).advice).toContain('use the backup you agreed with your client');
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
