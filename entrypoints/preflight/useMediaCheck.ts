import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { audioLevel } from '@/lib/preflight/audio-level';
import { analyseLighting, type LightingReport } from '@/lib/preflight/lighting';
import { savePreflightResult } from '@/lib/preflight/result';
import { openMedia, stopStream, type Part } from './open-media';

/**
 * The live camera and microphone check: opens the devices when the therapist asks, analyses the
 * picture's lighting once a second from a 64-pixel-wide copy that is overwritten each time, runs
 * the level meter, and saves the outcome (words and booleans only) for the popup's checklist.
 */

export type MediaStatus =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'live'; missing?: Part; missingError?: string }
  | { kind: 'error'; name: string };

const LIGHTING_EVERY_MS = 1000;
const LEVEL_EVERY_MS = 100;
const SAMPLE_WIDTH = 64;

export function useMediaCheck(onDevicesChanged: () => void) {
  const [status, setStatus] = useState<MediaStatus>({ kind: 'idle' });
  const [lighting, setLighting] = useState<LightingReport | null>(null);
  const [cameraOk, setCameraOk] = useState(false);
  const [level, setLevel] = useState(0);
  const [heard, setHeard] = useState(false);
  const videoRef = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | undefined>(undefined);
  const cleanup = useRef<(() => void)[]>([]);

  const stop = useCallback(() => {
    cleanup.current.forEach((undo) => undo());
    cleanup.current = [];
    stopStream(stream.current);
    stream.current = undefined;
    if (videoRef.current) videoRef.current.srcObject = null;
  }, []);

  const watchPicture = () => {
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const tick = () => {
      const video = videoRef.current;
      if (!context || !video || video.videoWidth === 0) return;
      canvas.width = SAMPLE_WIDTH;
      canvas.height = Math.max(1, Math.round((SAMPLE_WIDTH * video.videoHeight) / video.videoWidth));
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const report = analyseLighting(context.getImageData(0, 0, canvas.width, canvas.height));
      setCameraOk(true);
      setLighting((previous) => (previous?.lighting === report.lighting ? previous : report));
    };
    const timer = setInterval(tick, LIGHTING_EVERY_MS);
    cleanup.current.push(() => {
      clearInterval(timer);
      canvas.width = 0;
    });
  };

  const watchSound = (audio: MediaStream) => {
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    context.createMediaStreamSource(audio).connect(analyser);
    void context.resume().catch(() => undefined);
    const buffer = new Float32Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(buffer);
      const now = audioLevel(buffer);
      setLevel(now.level);
      if (now.heard) setHeard(true);
    }, LEVEL_EVERY_MS);
    cleanup.current.push(() => {
      clearInterval(timer);
      void context.close().catch(() => undefined);
      setLevel(0);
    });
  };

  const start = useCallback(
    async (cameraId = '', microphoneId = '') => {
      stop();
      setStatus({ kind: 'starting' });
      setLighting(null);
      setCameraOk(false);
      setHeard(false);
      const opened = await openMedia(cameraId, microphoneId);
      if (!opened.stream) {
        setStatus({ kind: 'error', name: opened.error ?? 'Error' });
        await savePreflightResult({ lighting: 'unknown', camera: false, microphone: false }).catch(() => undefined);
        return;
      }
      stream.current = opened.stream;
      const video = videoRef.current;
      if (video && opened.stream.getVideoTracks().length > 0) {
        video.srcObject = new MediaStream(opened.stream.getVideoTracks());
        void video.play().catch(() => undefined);
        watchPicture();
      }
      if (opened.stream.getAudioTracks().length > 0) watchSound(new MediaStream(opened.stream.getAudioTracks()));
      setStatus({ kind: 'live', ...(opened.missing ? { missing: opened.missing, missingError: opened.error } : {}) });
      onDevicesChanged();
    },
    [stop, onDevicesChanged],
  );

  const turnOff = useCallback(() => {
    stop();
    setStatus({ kind: 'idle' });
  }, [stop]);

  useEffect(() => stop, [stop]);

  // Save once the picture has been judged (or there is no camera), and again when that changes.
  const lightingWord = lighting?.lighting;
  const live = status.kind === 'live';
  const judged = live && (lightingWord !== undefined || status.missing === 'camera');
  useEffect(() => {
    if (!judged) return;
    void savePreflightResult({ lighting: lightingWord ?? 'unknown', camera: cameraOk, microphone: heard }).catch(() => undefined);
  }, [judged, lightingWord, cameraOk, heard]);

  return { status, lighting, cameraOk, level, heard, videoRef, start, turnOff };
}
