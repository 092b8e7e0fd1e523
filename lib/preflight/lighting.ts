/**
 * How the therapist is lit, from one small camera frame: the face area (an ellipse a little
 * above the centre, where a webcam frames a face) against the top and side edges (the room
 * behind). A window or lamp behind the therapist makes the edges much brighter than the face:
 * the camera exposes for the light and the face falls into shadow, and the client loses the
 * expressions therapy depends on. The frame is read once and never kept.
 */

export type Lighting = 'good' | 'dark' | 'backlit' | 'unknown';

/** RGBA pixels, as ImageData has them. Pass a downscaled frame (64 pixels wide is plenty). */
export interface Frame {
  width: number;
  height: number;
  data: ArrayLike<number>;
}

export interface LightingReport {
  lighting: Lighting;
  advice: string;
  /** Mean luma (0–255) of the face area and of the brightest edge band. */
  faceLuma: number;
  surroundLuma: number;
}

/** Below this mean luma the face is too dark to read, whatever is behind it. */
export const DARK_FACE_LUMA = 60;
/** Backlit when the brightest edge is this much brighter than the face… */
export const BACKLIT_DIFFERENCE = 50;
/** …and at least this many times as bright (so a bright, evenly lit room is not "backlit"). */
export const BACKLIT_RATIO = 1.6;
/** Share of the width or height that counts as the top, left and right edge bands. */
const EDGE = 0.15;

export const lightingAdvice: Record<Lighting, string> = {
  good: 'Your face is well lit: your client can see your expressions.',
  dark: 'Your picture is dark. Add light in front of you, such as a lamp behind your screen or facing a window. If the picture is black, check that nothing covers the camera.',
  backlit:
    'The light is behind you, so your face is in shadow. Put the light in front of you, not behind: face the window, or move the lamp behind your screen.',
  unknown: 'Lighting is checked once your camera picture appears.',
};

/** Rec. 709 luma of gamma-encoded sRGB: close enough to how bright a pixel looks. */
const luma = (r: number, g: number, b: number) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

export function analyseLighting(frame: Frame): LightingReport {
  const { width: w, height: h, data } = frame;
  if (w <= 0 || h <= 0 || data.length < w * h * 4) {
    return { lighting: 'unknown', advice: lightingAdvice.unknown, faceLuma: NaN, surroundLuma: NaN };
  }
  // Face ellipse: centred, a little above the middle, about half the width and two thirds of the height.
  const cx = w / 2;
  const cy = h * 0.45;
  const rx = w * 0.22;
  const ry = h * 0.32;
  const sums = { face: 0, top: 0, left: 0, right: 0 };
  const counts = { face: 0, top: 0, left: 0, right: 0 };
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      const l = luma(data[i]!, data[i + 1]!, data[i + 2]!);
      const px = x + 0.5;
      const py = y + 0.5;
      if (((px - cx) / rx) ** 2 + ((py - cy) / ry) ** 2 <= 1) {
        sums.face += l;
        counts.face++;
      }
      if (py < h * EDGE) {
        sums.top += l;
        counts.top++;
      }
      if (px < w * EDGE) {
        sums.left += l;
        counts.left++;
      }
      if (px > w * (1 - EDGE)) {
        sums.right += l;
        counts.right++;
      }
    }
  }
  const mean = (k: keyof typeof sums) => (counts[k] ? sums[k] / counts[k] : NaN);
  const faceLuma = mean('face');
  const surroundLuma = Math.max(mean('top'), mean('left'), mean('right'));
  if (!Number.isFinite(faceLuma) || !Number.isFinite(surroundLuma)) {
    return { lighting: 'unknown', advice: lightingAdvice.unknown, faceLuma, surroundLuma };
  }
  let lighting: Lighting = 'good';
  if (surroundLuma - faceLuma >= BACKLIT_DIFFERENCE && surroundLuma >= faceLuma * BACKLIT_RATIO) lighting = 'backlit';
  else if (faceLuma < DARK_FACE_LUMA) lighting = 'dark';
  return { lighting, advice: lightingAdvice[lighting], faceLuma: Math.round(faceLuma), surroundLuma: Math.round(surroundLuma) };
}
