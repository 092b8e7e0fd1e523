import { describe, expect, it } from 'vitest';
import { analyseLighting, type Frame } from '@/lib/preflight/lighting';

/** A synthetic grey frame: `shade(x, y)` gives each pixel's brightness (0–255), as x, y in 0–1. */
function frame(shade: (x: number, y: number) => number, width = 64, height = 48): Frame {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = shade((x + 0.5) / width, (y + 0.5) / height);
      data.set([v, v, v, 255], (y * width + x) * 4);
    }
  }
  return { width, height, data };
}

/** A face-sized ellipse in the middle of the picture. */
const inFace = (x: number, y: number) => ((x - 0.5) / 0.25) ** 2 + ((y - 0.5) / 0.38) ** 2 <= 1;
const person = (face: number, room: number) => frame((x, y) => (inFace(x, y) ? face : room));

describe('lighting of the camera picture', () => {
  it.each([
    ['an evenly lit room', frame(() => 150), 'good'],
    ['a lit face before a plainer wall', person(170, 100), 'good'],
    ['a bright room with a bright face', person(170, 230), 'good'],
    ['a dim room', frame(() => 35), 'dark'],
    ['a covered lens', frame(() => 0), 'dark'],
    ['a dim face before a dim wall', person(45, 60), 'dark'],
    ['a window behind a shadowed face', person(45, 235), 'backlit'],
    ['a lamp behind in a dark room', person(30, 95), 'backlit'],
    ['a window behind, to one side', frame((x, y) => (inFace(x, y) ? 70 : x > 0.8 ? 250 : 90)), 'backlit'],
    ['a bright window above the head', frame((x, y) => (inFace(x, y) ? 80 : y < 0.2 ? 245 : 100)), 'backlit'],
  ] as const)('%s is %s', (_scene, picture, lighting) => {
    expect(analyseLighting(picture).lighting).toBe(lighting);
  });

  it('gives the classic advice when backlit: light in front of you, not behind', () => {
    expect(analyseLighting(person(40, 240)).advice).toContain('light in front of you, not behind');
  });

  it('works on a wide picture as on a 4:3 one', () => {
    expect(analyseLighting(frame((x, y) => (inFace(x, y) ? 40 : 240), 64, 36)).lighting).toBe('backlit');
    expect(analyseLighting(frame(() => 140, 64, 36)).lighting).toBe('good');
  });

  it('says unknown when there is no picture to judge', () => {
    expect(analyseLighting({ width: 0, height: 0, data: [] }).lighting).toBe('unknown');
    expect(analyseLighting({ width: 10, height: 10, data: new Uint8ClampedArray(12) }).lighting).toBe('unknown');
  });

  it('reports the brightness it compared', () => {
    expect(analyseLighting(person(40, 240))).toMatchObject({ faceLuma: 40, surroundLuma: 240 });
  });
});
