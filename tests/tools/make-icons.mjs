// Draws the toolbar icon (a door left ajar on a calm blue tile) into public/icon/*.png.
// Run by hand when the design changes; the PNGs are committed so builds need no image tools.
import { deflateSync, crc32 } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const SIZES = [16, 32, 48, 96, 128];
const TILE = [35, 78, 112];
const DOOR = [251, 250, 247];
const GAP = [240, 192, 96];

function inside(x, y) {
  // Coordinates in 0..1. Rounded tile with radius 0.2.
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  // The doorway frame, and the open door leaf as a trapezoid with a warm light gap.
  if (x > 0.3 && x < 0.7 && y > 0.2 && y < 0.85) {
    if (x > 0.55) return GAP;
    const leafTop = 0.2 + (x - 0.3) * 0.25;
    const leafBottom = 0.85 - (x - 0.3) * 0.1;
    if (y > leafTop && y < leafBottom) return DOOR;
    return TILE;
  }
  return TILE;
}

function png(size) {
  const ss = 4;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const c = inside((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
        }
      const n = ss * ss;
      row.set(a ? [Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / n)] : [0, 0, 0, 0], 1 + x * 4);
    }
    rows.push(row);
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(new URL('../../public/icon/', import.meta.url), { recursive: true });
for (const s of SIZES) writeFileSync(new URL(`../../public/icon/${s}.png`, import.meta.url), png(s));
console.log(`wrote ${SIZES.length} icons`);
