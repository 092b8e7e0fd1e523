import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** lib/README.md maps the folders: a folder it does not name is a folder nobody can find. */
const lib = new URL('../../../lib/', import.meta.url);
const readme = readFileSync(new URL('README.md', lib), 'utf8');
const folders = (url: URL) =>
  readdirSync(url, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

describe('lib/README.md', () => {
  it('names every folder in lib/ in its table', () => {
    const rows = new Set([...readme.matchAll(/^\| `([a-z-]+)\/` \|/gm)].map((match) => match[1]));
    expect(folders(lib).filter((name) => !rows.has(name))).toEqual([]);
  });

  it.each(['vault', 'in-page'])('names every folder inside lib/%s/', (parent) => {
    const names = folders(new URL(`${parent}/`, lib));
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => !readme.includes(`\`${name}/\``))).toEqual([]);
  });
});
