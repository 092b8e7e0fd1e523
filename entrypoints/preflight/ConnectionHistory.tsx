import { useEffect, useState } from 'preact/hooks';
import { HourChart } from '@/components/preflight/HourChart';
import { CallHours } from '@/components/preflight/CallHours';
import { qualityByHour } from '@/lib/network/by-hour';
import { clearNetworkHistory, loadNetworkHistory, watchNetworkHistory, type NetworkSample } from '@/lib/network/history';

/** The chart of past tests by hour, live as new tests land (from this page or the popup). */
export function ConnectionHistory() {
  const [history, setHistory] = useState<NetworkSample[]>([]);

  useEffect(() => {
    void loadNetworkHistory().then(setHistory);
    return watchNetworkHistory(setHistory);
  }, []);

  const forget = async () => {
    if (!window.confirm('Forget all your past connection tests? The chart will start again from empty.')) return;
    await clearNetworkHistory();
    setHistory([]);
  };

  return (
    <div>
      <HourChart summaries={qualityByHour(history)} />
      <CallHours />
      {history.length > 0 && (
        <p class="actions">
          <button type="button" onClick={() => void forget()}>
            Forget these measurements
          </button>
        </p>
      )}
    </div>
  );
}
