/**
 * A microphone's loudness from one buffer of samples (−1…1), for the level meter. A dead or
 * muted microphone delivers exact digital silence; any working one has at least a noise floor,
 * so "heard" uses testRTC's silence threshold of one 16-bit step (1/32767), not speech.
 */

export const SILENCE = 1 / 32767;
/** The meter spans −60 dBFS (a quiet room) to 0 dBFS (clipping). */
const FLOOR_DB = -60;

export interface AudioLevel {
  /** 0–1 for the meter. */
  level: number;
  /** Any sample above digital silence. */
  heard: boolean;
}

export function audioLevel(samples: ArrayLike<number>): AudioLevel {
  let sum = 0;
  let peak = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = Math.abs(samples[i]!);
    sum += s * s;
    if (s > peak) peak = s;
  }
  if (samples.length === 0 || peak === 0) return { level: 0, heard: false };
  const db = 20 * Math.log10(Math.sqrt(sum / samples.length));
  const level = Math.min(1, Math.max(0, (db - FLOOR_DB) / -FLOOR_DB));
  return { level: Math.round(level * 50) / 50, heard: peak > SILENCE };
}
