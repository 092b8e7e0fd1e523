// What the extension's own pages and background cost to load, gzipped as a browser's disk cache
// would hold them. The passphrase strength check (zxcvbn) is the large part: its word lists are
// one data file fetched only when a new passphrase is scored, never part of a script.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { outDir } from '../lib.mjs';

const dir = `${outDir}/chrome-mv3`;
const gzipKb = (file) => gzipSync(readFileSync(`${dir}/${file}`), { level: 9 }).length / 1024;

/** The scripts a page loads before it runs: its entry and every module it preloads. */
function pageScripts(html) {
  const text = readFileSync(`${dir}/${html}`, 'utf8');
  return [...text.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map(([, file]) => file);
}

/** The on-demand chunk that holds zxcvbn-ts's core: the one naming its factory. */
function zxcvbnCoreChunk() {
  const chunk = readFileSync(`${dir}/${pageScripts('notes.html')[0]}`, 'utf8');
  const imported = [...chunk.matchAll(/import\(["`]\.\/([^"`]+\.js)["`]\)/g)].map(([, file]) => `chunks/${file}`);
  return imported.find((file) => /ZxcvbnFactory|zxcvbn/i.test(readFileSync(`${dir}/${file}`, 'utf8')));
}

export async function run() {
  const notesFirstLoad = pageScripts('notes.html').reduce((sum, file) => sum + gzipKb(file), 0);
  const core = zxcvbnCoreChunk();
  return [
    { name: 'background script (gzip; includes zxcvbn core)', value: gzipKb('background.js'), unit: 'KB', budget: 150 },
    { name: 'notes page scripts at first load (gzip)', value: notesFirstLoad, unit: 'KB', budget: 60 },
    ...(core ? [{ name: 'notes page zxcvbn core, on first score (gzip)', value: gzipKb(core), unit: 'KB', budget: 15 }] : []),
    { name: 'zxcvbn word lists, fetched on first score (gzip)', value: gzipKb('strength-dictionary.json'), unit: 'KB', budget: 900 },
  ];
}
