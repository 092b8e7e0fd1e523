import { useState } from 'preact/hooks';
import { lightingAdvice } from '@/lib/preflight/lighting';
import { mediaErrorHelp, type BrowserFamily } from '@/lib/preflight/media-help';
import { DevicePicker } from './DevicePicker';
import { useMediaCheck } from './useMediaCheck';

const LIGHTING_HEADLINE = {
  good: '✓ Good lighting',
  dark: '! Too dark',
  backlit: '! Light behind you',
  unknown: 'Checking the lighting…',
} as const;

const browserFamily: BrowserFamily = import.meta.env.FIREFOX ? 'firefox' : 'chrome';

/** Camera preview with its lighting verdict, the microphone meter and the device choices. */
export function MediaCheck(props: { devices: MediaDeviceInfo[]; refreshDevices: () => void }) {
  const media = useMediaCheck(props.refreshDevices);
  const [cameraId, setCameraId] = useState('');
  const [microphoneId, setMicrophoneId] = useState('');
  const { status, lighting } = media;
  const live = status.kind === 'live';
  const help = status.kind === 'error' ? mediaErrorHelp(status.name, browserFamily) : undefined;
  const partialHelp = live && status.missing ? mediaErrorHelp(status.missingError ?? 'Error', browserFamily) : undefined;
  const word = lighting?.lighting ?? 'unknown';

  return (
    <div class="media-check">
      <p class="actions">
        {live ? (
          <button type="button" onClick={media.turnOff} data-testid="media-stop">
            Turn camera and microphone off
          </button>
        ) : (
          <button
            type="button"
            class="primary"
            data-testid="media-start"
            disabled={status.kind === 'starting'}
            onClick={() => void media.start(cameraId, microphoneId)}
          >
            {status.kind === 'starting' ? 'Starting…' : 'Start camera and microphone'}
          </button>
        )}
      </p>
      <p class="quiet">Nothing is recorded or sent: the picture and sound stay on this page, and only the verdict is kept.</p>

      {help && (
        <div role="alert" data-testid="media-error" data-error={status.kind === 'error' ? status.name : undefined}>
          <p>
            <strong>{help.title}</strong>
          </p>
          <ol>
            {help.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </div>
      )}

      <div class="media-grid" hidden={!live}>
        <div>
          <video ref={media.videoRef} class="preview" data-testid="camera-preview" muted playsInline aria-label="Your camera picture" />
          {live && status.missing !== 'camera' && (
            <div class="verdict" data-testid="lighting" data-lighting={word} data-status={word === 'good' ? 'pass' : word === 'unknown' ? 'unknown' : 'warn'} aria-live="polite">
              <p class="verdict-headline">{LIGHTING_HEADLINE[word]}</p>
              <p>{lighting?.advice ?? lightingAdvice.unknown}</p>
            </div>
          )}
        </div>
        <div>
          {live && status.missing !== 'microphone' && (
            <>
              <label for="mic-level" class="meter-label">
                Microphone level
              </label>
              <meter id="mic-level" class="level-meter" data-testid="mic-level" min={0} max={1} low={0.1} high={0.9} optimum={0.5} value={media.level} />
              <p data-testid="mic-status" data-heard={String(media.heard)} aria-live="polite">
                {media.heard
                  ? 'Your microphone is working. Speak normally: the bar should move to about the middle.'
                  : 'Listening… if the bar stays empty, check that your microphone is not muted.'}
              </p>
            </>
          )}
          {partialHelp && (
            <div role="alert" data-testid="media-partial-error">
              <p>
                <strong>{status.kind === 'live' && status.missing === 'camera' ? 'The camera did not start.' : 'The microphone did not start.'}</strong>{' '}
                {partialHelp.title}
              </p>
              <ol>
                {partialHelp.steps.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
            </div>
          )}
          <DevicePicker
            devices={props.devices}
            kind="videoinput"
            name="camera"
            label="Camera"
            value={cameraId}
            onChange={(id) => {
              setCameraId(id);
              void media.start(id, microphoneId);
            }}
          />
          <DevicePicker
            devices={props.devices}
            kind="audioinput"
            name="microphone"
            label="Microphone"
            value={microphoneId}
            onChange={(id) => {
              setMicrophoneId(id);
              void media.start(cameraId, id);
            }}
          />
        </div>
      </div>
    </div>
  );
}
