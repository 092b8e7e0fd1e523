import { hourLabel, hoursWithStatus, type HourSummary } from '@/lib/network/by-hour';
import { AUDIO_MIN_MBPS, VIDEO_MBPS } from '@/lib/network/quality';
import './preflight.css';

/**
 * Connection quality by hour of day: one bar per hour, as tall as the slower direction's median
 * speed, coloured by its verdict, with the 2 Mbps video line drawn across. The same facts are in
 * a sentence (the figure's caption and the picture's description) and in a table, so nothing
 * depends on seeing colour or the picture.
 */

const VIEW = { width: 480, height: 184, left: 34, right: 6, top: 10, bottom: 26 };
const PLOT_W = VIEW.width - VIEW.left - VIEW.right;
const PLOT_H = VIEW.height - VIEW.top - VIEW.bottom;
const SLOT = PLOT_W / 24;

const STATUS_WORDS = { pass: 'fine for video', warn: 'consider audio only', fail: 'too slow even for audio: backup plan' } as const;

const slower = (s: Extract<HourSummary, { count: number; downMbps: number }>) => Math.min(s.downMbps, s.upMbps);

export function hourChartSummary(summaries: readonly HourSummary[]): string {
  const parts: string[] = [];
  const pass = hoursWithStatus(summaries, 'pass');
  const warn = hoursWithStatus(summaries, 'warn');
  const fail = hoursWithStatus(summaries, 'fail');
  if (pass) parts.push(`Fast enough for video at ${pass}.`);
  if (warn) parts.push(`Slower at ${warn}: consider audio only then.`);
  if (fail) parts.push(`Too slow even for audio at ${fail}: plan on your backup then.`);
  return parts.join(' ');
}

export function HourChart({ summaries }: { summaries: readonly HourSummary[] }) {
  const measured = summaries.filter((s): s is Extract<HourSummary, { downMbps: number }> => s.status !== 'none');
  if (measured.length === 0) {
    return (
      <p class="hour-chart-empty" data-testid="hour-chart" data-hours="0">
        No measurements yet. Each time you test your connection, the speeds are kept on this computer (with the time,
        nothing else) so you can see which hours are calm enough for video.
      </p>
    );
  }
  const top = Math.min(20, Math.max(4, Math.ceil(Math.max(...measured.map(slower)))));
  const y = (mbps: number) => VIEW.top + PLOT_H - (Math.min(mbps, top) / top) * PLOT_H;
  const summary = hourChartSummary(summaries);
  const total = measured.reduce((n, s) => n + s.count, 0);
  return (
    <figure class="hour-chart" data-testid="hour-chart" data-hours={measured.length}>
      <svg viewBox={`0 0 ${VIEW.width} ${VIEW.height}`} role="img" aria-labelledby="hour-chart-title hour-chart-desc">
        <title id="hour-chart-title">Connection speed by hour of day</title>
        <desc id="hour-chart-desc">
          {`${total} ${total === 1 ? 'test' : 'tests'}. ${summary} Bars show the slower direction's median speed in Mbps; the dashed line is the 2 Mbps needed for video.`}
        </desc>
        {[0, VIDEO_MBPS, top].map((mbps) => (
          <text key={mbps} class="axis" x={VIEW.left - 4} y={y(mbps) + 4} text-anchor="end">
            {mbps}
          </text>
        ))}
        <line class="baseline" x1={VIEW.left} x2={VIEW.width - VIEW.right} y1={y(0)} y2={y(0)} />
        <line class="threshold" x1={VIEW.left} x2={VIEW.width - VIEW.right} y1={y(VIDEO_MBPS)} y2={y(VIDEO_MBPS)} />
        <line class="threshold threshold-audio" x1={VIEW.left} x2={VIEW.width - VIEW.right} y1={y(AUDIO_MIN_MBPS)} y2={y(AUDIO_MIN_MBPS)} />
        {summaries.map((s) => {
          const x = VIEW.left + s.hour * SLOT + SLOT * 0.2;
          if (s.status === 'none') {
            return <rect key={s.hour} class="bar bar-none" x={x} y={y(0) - 2} width={SLOT * 0.6} height={2} />;
          }
          const value = slower(s);
          return (
            <rect key={s.hour} class={`bar bar-${s.status}`} x={x} y={y(value)} width={SLOT * 0.6} height={Math.max(2, y(0) - y(value))}>
              <title>{`${hourLabel(s.hour)}: ${value} Mbps, ${STATUS_WORDS[s.status]} (${s.count} ${s.count === 1 ? 'test' : 'tests'})`}</title>
            </rect>
          );
        })}
        {[0, 3, 6, 9, 12, 15, 18, 21].map((hour) => (
          <text key={hour} class="axis" x={VIEW.left + hour * SLOT + SLOT / 2} y={VIEW.height - 8} text-anchor="middle">
            {String(hour).padStart(2, '0')}
          </text>
        ))}
      </svg>
      <figcaption>
        {summary} <span class="legend">Bars: the slower of download and upload; dashed lines at {VIDEO_MBPS} Mbps (video) and {AUDIO_MIN_MBPS} Mbps (the least audio needs).</span>
      </figcaption>
      <details>
        <summary>Show as a table</summary>
        <table class="hour-table">
          <caption>Median of your tests in each hour (local time)</caption>
          <thead>
            <tr>
              <th scope="col">Hour</th>
              <th scope="col">Tests</th>
              <th scope="col">Download</th>
              <th scope="col">Upload</th>
              <th scope="col">Delay</th>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {measured.map((s) => (
              <tr key={s.hour} data-status={s.status}>
                <th scope="row">{hourLabel(s.hour)}</th>
                <td>{s.count}</td>
                <td>{s.downMbps} Mbps</td>
                <td>{s.upMbps} Mbps</td>
                <td>{s.latencyMs} ms</td>
                <td>{STATUS_WORDS[s.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
