import { useState } from 'preact/hooks';
import { DevicePicker } from './DevicePicker';

/**
 * A soft test tone through the chosen speakers or headset (WebAudio oscillator, no sound file),
 * then the question only the therapist can answer: did you hear it?
 */

type Phase = 'idle' | 'playing' | 'asking' | 'heard' | 'not-heard' | 'failed';

const TONE_HZ = 440;
const TONE_SECONDS = 1.5;
/** Soft: a test tone at full scale through a headset is painful. */
const TONE_GAIN = 0.2;

type SinkAudioContext = AudioContext & { setSinkId?: (id: string) => Promise<void> };

export function SpeakerTest(props: { devices: MediaDeviceInfo[] }) {
  const [phase, setPhase] = useState<Phase>('idle');
  const [speakerId, setSpeakerId] = useState('');
  const canChooseOutput = typeof (AudioContext.prototype as SinkAudioContext).setSinkId === 'function';

  const play = async () => {
    setPhase('playing');
    try {
      // Created inside the click, so autoplay rules allow it to sound.
      const ctx: SinkAudioContext = new AudioContext();
      if (speakerId && ctx.setSinkId) await ctx.setSinkId(speakerId);
      const oscillator = ctx.createOscillator();
      const gain = ctx.createGain();
      oscillator.frequency.value = TONE_HZ;
      const t = ctx.currentTime;
      // Fade in and out so the tone does not click.
      gain.gain.setValueAtTime(0, t);
      gain.gain.linearRampToValueAtTime(TONE_GAIN, t + 0.05);
      gain.gain.setValueAtTime(TONE_GAIN, t + TONE_SECONDS - 0.1);
      gain.gain.linearRampToValueAtTime(0, t + TONE_SECONDS);
      oscillator.connect(gain).connect(ctx.destination);
      oscillator.onended = () => {
        void ctx.close().catch(() => undefined);
        setPhase('asking');
      };
      oscillator.start(t);
      oscillator.stop(t + TONE_SECONDS);
    } catch {
      setPhase('failed');
    }
  };

  return (
    <div class="speaker-test">
      {canChooseOutput && (
        <DevicePicker devices={props.devices} kind="audiooutput" name="speaker" label="Play through" value={speakerId} onChange={setSpeakerId} />
      )}
      <p class="actions">
        <button type="button" data-testid="speaker-test" disabled={phase === 'playing'} onClick={() => void play()}>
          {phase === 'playing' ? 'Playing…' : 'Play a test tone'}
        </button>
      </p>
      <div aria-live="polite" data-testid="speaker-status" data-phase={phase}>
        {phase === 'asking' && (
          <p>
            Did you hear the tone?{' '}
            <button type="button" onClick={() => setPhase('heard')}>
              Yes
            </button>{' '}
            <button type="button" onClick={() => setPhase('not-heard')}>
              No
            </button>
          </p>
        )}
        {phase === 'heard' && <p class="ok-text">✓ Your speakers work. With a headset, your client's voice stays private in your room.</p>}
        {phase === 'not-heard' && (
          <p>
            Check the volume and that the sound is not muted, then {canChooseOutput ? 'choose your headset or speakers above' : 'check which speakers your computer uses'}, and
            play the tone again.
          </p>
        )}
        {phase === 'failed' && <p role="alert">The test tone could not play. Reload the page and try again.</p>}
      </div>
    </div>
  );
}
