#!/usr/bin/env node
// Writes a tiny Y4M video for Chromium's fake camera (--use-file-for-fake-video-capture), so
// end-to-end tests control what the "camera" sees:
//   node tests/tools/make-y4m.mjs backlit /tmp/backlit.y4m   bright room, dark face-sized ellipse
//   node tests/tools/make-y4m.mjs lit /tmp/lit.y4m           lit face before a plainer wall
//   node tests/tools/make-y4m.mjs dark /tmp/dark.y4m         a dim room
// Optional width and height follow (default 320 240, even numbers). Grey only: U = V = 128.
import { writeFileSync } from 'node:fs';

/** Y (luma, video range 16–235) of the face ellipse and of the room, per scene. */
const SCENES = {
  backlit: { face: 45, room: 235 },
  lit: { face: 175, room: 110 },
  dark: { face: 40, room: 30 },
};

const [scene, out, w = '320', h = '240'] = process.argv.slice(2);
const width = Number(w);
const height = Number(h);
if (!SCENES[scene] || !out || !(width > 0 && height > 0 && width % 2 === 0 && height % 2 === 0)) {
  console.error(`usage: make-y4m.mjs <${Object.keys(SCENES).join('|')}> <out.y4m> [width height]`);
  process.exit(2);
}

const { face, room } = SCENES[scene];
const luma = Buffer.alloc(width * height);
for (let y = 0; y < height; y++) {
  for (let x = 0; x < width; x++) {
    // Where a webcam frames a face: centred, half the width, three quarters of the height.
    const inFace = ((x + 0.5) / width - 0.5) ** 2 / 0.25 ** 2 + ((y + 0.5) / height - 0.5) ** 2 / 0.38 ** 2 <= 1;
    luma[y * width + x] = inFace ? face : room;
  }
}
const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`);
// Two identical frames: the fake device loops the file.
const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
writeFileSync(out, Buffer.concat([header, frame, frame]));
