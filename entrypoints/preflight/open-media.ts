/**
 * Opens the camera and microphone together (one prompt), and when that fails for a reason other
 * than a refusal, each on its own: a laptop with a broken webcam should still get its
 * microphone checked. Returns the stream it got and the error of whatever did not start.
 */

export type Part = 'camera' | 'microphone';

export interface OpenedMedia {
  stream?: MediaStream;
  /** DOMException name of the failure, when something did not start. */
  error?: string;
  /** Which part failed when the other one started. */
  missing?: Part;
}

const nameOf = (error: unknown) => (error instanceof DOMException || error instanceof Error ? error.name : 'Error');

const constraint = (deviceId: string): MediaTrackConstraints | boolean => (deviceId ? { deviceId: { exact: deviceId } } : true);

export async function openMedia(cameraId: string, microphoneId: string): Promise<OpenedMedia> {
  const video = constraint(cameraId);
  const audio = constraint(microphoneId);
  try {
    return { stream: await navigator.mediaDevices.getUserMedia({ video, audio }) };
  } catch (error) {
    const name = nameOf(error);
    // A refusal covers both; asking again one by one would only nag.
    if (name === 'NotAllowedError' || name === 'SecurityError') return { error: name };
    const [v, a] = await Promise.allSettled([
      navigator.mediaDevices.getUserMedia({ video }),
      navigator.mediaDevices.getUserMedia({ audio }),
    ]);
    const tracks = [v, a].flatMap((r) => (r.status === 'fulfilled' ? r.value.getTracks() : []));
    if (tracks.length === 0) return { error: name };
    const failed = v.status === 'rejected' ? v : a.status === 'rejected' ? a : undefined;
    return {
      stream: new MediaStream(tracks),
      ...(failed ? { error: nameOf(failed.reason), missing: failed === v ? 'camera' : 'microphone' } : {}),
    };
  }
}

export function stopStream(stream: MediaStream | undefined): void {
  stream?.getTracks().forEach((track) => track.stop());
}
