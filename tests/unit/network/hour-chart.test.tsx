// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { HourChart, hourChartSummary } from '@/components/preflight/HourChart';
import { qualityByHour } from '@/lib/network/by-hour';
import type { NetworkSample } from '@/lib/network/history';

const utcHour = (at: Date) => at.getUTCHours();
const sample = (hour: number, downMbps: number, upMbps: number): NetworkSample => ({
  at: new Date(Date.UTC(2025, 2, 3, hour, 15)).toISOString(),
  downMbps,
  upMbps,
  latencyMs: 30,
  jitterMs: 4,
});
const history = [sample(9, 20, 5), sample(10, 18, 4), sample(13, 8, 1.2), sample(20, 3, 0.1)];

function draw(samples: NetworkSample[]) {
  const root = document.createElement('div');
  document.body.append(root);
  render(<HourChart summaries={qualityByHour(samples, utcHour)} />, root);
  return root;
}

describe('the connection-by-hour chart', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('says in words which hours suit video, audio only, or the backup plan', () => {
    expect(hourChartSummary(qualityByHour(history, utcHour))).toBe(
      'Fast enough for video at 09:00–10:00. Slower at 13:00: consider audio only then. Too slow even for audio at 20:00: plan on your backup then.',
    );
  });

  it('is a labelled picture with the same facts in a table', () => {
    const root = draw(history);
    const svg = root.querySelector('svg[role=img]')!;
    const labels = svg.getAttribute('aria-labelledby')!.split(' ');
    expect(labels.map((id) => root.querySelector(`#${id}`)?.textContent ?? '')).toEqual([
      'Connection speed by hour of day',
      expect.stringContaining('Too slow even for audio at 20:00: plan on your backup then.'),
    ]);
    expect(root.querySelectorAll('rect.bar-pass')).toHaveLength(2);
    expect(root.querySelectorAll('rect.bar-warn')).toHaveLength(1);
    expect(root.querySelectorAll('rect.bar-fail')).toHaveLength(1);
    const rows = [...root.querySelectorAll('tbody tr')].map((tr) => [tr.getAttribute('data-status'), tr.querySelector('th')?.textContent]);
    expect(rows).toEqual([
      ['pass', '09:00'],
      ['pass', '10:00'],
      ['warn', '13:00'],
      ['fail', '20:00'],
    ]);
  });

  it('explains what it will show before there is any test', () => {
    const root = draw([]);
    expect(root.querySelector('svg')).toBeNull();
    expect(root.textContent).toContain('No measurements yet');
  });
});
