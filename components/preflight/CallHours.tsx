import { useEffect, useState } from 'preact/hooks';
import { callsByHour } from '@/lib/call/by-hour';
import { loadCallHistory, watchCallHistory, type CallSummary } from '@/lib/call/history';
import { hourLabel } from '@/lib/network/by-hour';

const WORDS = { calm: 'calm', mixed: 'mixed', rough: 'rough' } as const;

/** Past calls by the hour they started: how the connection held up in real sessions. */
export function CallHours() {
  const [history, setHistory] = useState<CallSummary[]>([]);
  useEffect(() => {
    void loadCallHistory().then(setHistory);
    return watchCallHistory(setHistory);
  }, []);
  const hours = callsByHour(history);
  if (hours.length === 0) return <p data-testid="call-hours">No calls recorded yet. After each call, Anteroom keeps how the connection held up (no names, no content).</p>;
  return (
    <table data-testid="call-hours">
      <caption>Your calls by the hour they started</caption>
      <thead>
        <tr>
          <th scope="col">Hour</th>
          <th scope="col">Calls</th>
          <th scope="col">Good</th>
          <th scope="col">Fair</th>
          <th scope="col">Poor</th>
          <th scope="col">Overall</th>
        </tr>
      </thead>
      <tbody>
        {hours.map((h) => (
          <tr key={h.hour} data-hour={h.hour} data-verdict={h.verdict}>
            <th scope="row">{hourLabel(h.hour)}</th>
            <td>{h.calls}</td>
            <td>{h.goodPct} %</td>
            <td>{h.fairPct} %</td>
            <td>{h.poorPct} %</td>
            <td>{WORDS[h.verdict]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
