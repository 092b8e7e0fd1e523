import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decompressBlock } from 'lz4js';

/**
 * Reads everything a browser wrote to its profile, the way someone with the disk would: every
 * file, Firefox's mozLz4 files decompressed (sessionstore.jsonlz4 and its backups are LZ4, so a
 * plain byte search would miss text inside them), each searched in UTF-8 and UTF-16LE.
 */

const MOZLZ4_MAGIC = Buffer.from('mozLz40\0', 'latin1');

/** mozLz4: 8-byte magic, the decompressed size as a little-endian u32, then one LZ4 block. */
export function decodeMozLz4(bytes: Buffer): Buffer {
  const size = bytes.readUInt32LE(MOZLZ4_MAGIC.length);
  const out = new Uint8Array(size);
  const written = decompressBlock(bytes, out, MOZLZ4_MAGIC.length + 4, bytes.length - MOZLZ4_MAGIC.length - 4, 0);
  return Buffer.from(out.subarray(0, written));
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const stat = lstatSync(path);
    if (stat.isDirectory()) return filesUnder(path);
    return stat.isFile() ? [path] : [];
  });
}

/** A file's bytes as a reader would see them: decompressed when it is mozLz4. */
function readable(file: string): Buffer {
  const bytes = readFileSync(file);
  return bytes.subarray(0, MOZLZ4_MAGIC.length).equals(MOZLZ4_MAGIC) ? decodeMozLz4(bytes) : bytes;
}

/** Every "needle in file" pair where the needle's bytes occur (paths relative to the profile). */
export function scanProfile(dir: string, needles: Record<string, Buffer>): string[] {
  const hits: string[] = [];
  for (const file of filesUnder(dir)) {
    const bytes = readable(file);
    for (const [name, needle] of Object.entries(needles)) {
      if (bytes.includes(needle)) hits.push(`${name} in ${file.slice(dir.length)}`);
    }
  }
  return hits;
}

/** A text as the two encodings browsers write it in: UTF-8 (JSON, LevelDB) and UTF-16LE (Chromium's form state). */
export const textNeedles = (name: string, text: string): Record<string, Buffer> => ({
  [`${name} (UTF-8)`]: Buffer.from(text, 'utf8'),
  [`${name} (UTF-16LE)`]: Buffer.from(text, 'utf16le'),
});
