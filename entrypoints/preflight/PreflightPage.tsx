import { useCallback, useEffect, useState } from 'preact/hooks';
import { PageShell } from '@/components/PageShell';
import { ConnectionCheck } from './ConnectionCheck';
import { ConnectionHistory } from './ConnectionHistory';
import { MediaCheck } from './MediaCheck';
import { SpeakerTest } from './SpeakerTest';

/** The full pre-session check: how you look, how you sound, what you hear, how you connect. */
export function PreflightPage() {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const refreshDevices = useCallback(() => {
    void navigator.mediaDevices
      ?.enumerateDevices()
      .then(setDevices)
      .catch(() => setDevices([]));
  }, []);

  useEffect(() => {
    refreshDevices();
    navigator.mediaDevices?.addEventListener('devicechange', refreshDevices);
    return () => navigator.mediaDevices?.removeEventListener('devicechange', refreshDevices);
  }, [refreshDevices]);

  return (
    <PageShell title="Camera, microphone and connection" lede="A few minutes before a session: check how you look, sound and connect.">
      <section aria-labelledby="media-heading">
        <h2 id="media-heading">Camera, lighting and microphone</h2>
        <MediaCheck devices={devices} refreshDevices={refreshDevices} />
      </section>
      <section aria-labelledby="speaker-heading">
        <h2 id="speaker-heading">Speakers or headset</h2>
        <SpeakerTest devices={devices} />
      </section>
      <section aria-labelledby="connection-heading">
        <h2 id="connection-heading">Connection</h2>
        <ConnectionCheck />
      </section>
      <section aria-labelledby="hours-heading">
        <h2 id="hours-heading">Your connection by hour of day</h2>
        <ConnectionHistory />
      </section>
    </PageShell>
  );
}
