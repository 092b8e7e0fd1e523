import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLEAR_KEYS, REMINDERS_DB_NAME } from '@/lib/reminders/clear-store';
import { allItems } from '@/lib/storage/items/index';
import { LOCAL_KEYS, SESSION_KEYS, SYNC_KEYS } from '@/lib/storage/keys';
import { VAULT_DB_NAME, VAULT_DB_VERSIONS } from '@/lib/vault/store/db';

/**
 * The promise "FORMAT.md and the README list everything stored in clear" kept true: every
 * browser-storage key, every IndexedDB database and table, must be named in FORMAT.md's
 * "Everything stored in clear" section and in the README's privacy section. A new key fails
 * here until both say what it holds. The keys are read from the items the storage module
 * declares (lib/storage/items/index.ts); the source is also scanned for keys named
 * anywhere else (`*_KEY = '…'` constants, WXT item names ('local:…'), literal keys passed to
 * browser.storage.*), so a key that bypasses the module fails too; a file that touches storage
 * without naming a key must import one.
 */

const root = new URL('../..', import.meta.url).pathname;

/** Files that reach storage only through keys named elsewhere, or not at all. */
const NO_KEYS_OF_THEIR_OWN: Record<string, string> = {
  'entrypoints/popup/main.tsx': 'hands storage.session and storage.local to lib/checklist/persistence.ts, which names the keys',
  'lib/vault/service/vault-service.ts': 'only sets storage.session’s access level',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(path) && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/** Code without comments, so a comment that mentions storage.local is not a use of it. */
const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

const AREA_PREFIX = /^(local|session|sync|managed):/;
const STORAGE_USE = /storage\.(local|session|sync)\b|\bstorage\.(defineItem|getItem|setItem|removeItem|getItems|setItems|watch)\b/;

function keysIn(code: string): string[] {
  const keys = new Set<string>();
  for (const [, value] of code.matchAll(/\b[A-Z][A-Z0-9_]*_KEY\s*=\s*['"`]([^'"`$]+)['"`]/g)) keys.add(value!.replace(AREA_PREFIX, ''));
  // WXT item names where they are used or named (not message types such as 'session:choose-client').
  for (const [, , value] of code.matchAll(/(?:storage\.\w+(?:<[^>]*>)?\(\s*|[^=!<>]=\s*)['"`](local|session|sync):([\w.$-]+)['"`]/g)) keys.add(value!);
  for (const [, value] of code.matchAll(/`\$\{\w+\}:([\w.-]+)`/g)) keys.add(value!);
  for (const [, , value] of code.matchAll(/storage\.(local|session|sync)\.(?:get|remove)\(\s*['"]([\w.$-]+)['"]/g)) keys.add(value!);
  for (const [, value] of code.matchAll(/storage\.(?:local|session|sync)\.set\(\{\s*['"]?([\w.$-]+)['"]?\s*:/g)) keys.add(value!);
  return [...keys];
}

const files = ['lib', 'entrypoints', 'components'].flatMap((dir) => sourceFiles(join(root, dir)));
const codeKeys = new Map<string, string>(); // key → first file naming it
const silentFiles: string[] = [];
for (const path of files) {
  const code = withoutComments(readFileSync(path, 'utf8'));
  const keys = keysIn(code);
  for (const key of keys) if (!codeKeys.has(key)) codeKeys.set(key, relative(root, path));
  const name = relative(root, path);
  const importsAKey = /import\s*\{[^}]*\b[A-Z][A-Z0-9_]*_KEYS?\b[^}]*\}/.test(code) || /from '@\/lib\/storage\//.test(code) || name.startsWith('lib/storage/');
  if (STORAGE_USE.test(code) && keys.length === 0 && !importsAKey && !(name in NO_KEYS_OF_THEIR_OWN)) silentFiles.push(name);
}

/** Every `name` in backticks within a document's section (from its heading to the next of the same level). */
function namesInSection(file: string, heading: string): Set<string> {
  const text = readFileSync(join(root, file), 'utf8');
  const start = text.indexOf(heading);
  if (start < 0) throw new Error(`${file} has no "${heading}" section`);
  const level = /^#+/.exec(heading)![0];
  const rest = text.slice(start + heading.length);
  const end = rest.search(new RegExp(`\\n${level} `));
  const section = end < 0 ? rest : rest.slice(0, end);
  return new Set([...section.matchAll(/`([^`]+)`/g)].map(([, name]) => name!));
}

const documents = [
  { file: 'lib/vault/FORMAT.md', heading: '## Everything stored in clear' },
  { file: 'README.md', heading: '## Privacy promise' },
];

/** Every key the storage module declares an item for (a versioned item's `<key>$` too). */
const declaredKeys = new Map<string, string>(
  allItems.flatMap((item) => [item.name, ...(item.version > 1 ? [`${item.name}$`] : [])]).map((key) => [key, `lib/storage/items (${key})`]),
);
for (const [key, where] of codeKeys) if (!declaredKeys.has(key)) declaredKeys.set(key, where);

const dbNames = [VAULT_DB_NAME, REMINDERS_DB_NAME];
const vaultTables = [...new Set(Object.values(VAULT_DB_VERSIONS).flatMap((version) => Object.keys(version)))];

describe('the list of everything stored in clear', () => {
  it('finds the storage keys the storage module declares', () => {
    expect([...declaredKeys.keys()]).toEqual(expect.arrayContaining(['contract', 'contractSync', 'checklistRuns', 'callHistory', 'vault.dek']));
  });

  it('declares exactly one item for every key in lib/storage/keys.ts, in its area', () => {
    const keys = (area: string, names: Record<string, string>) => Object.values(names).map((name) => `${area}:${name}`);
    const expected = [...keys('local', LOCAL_KEYS), ...keys('session', SESSION_KEYS), ...keys('sync', SYNC_KEYS)];
    expect(allItems.map((item) => item.key).sort()).toEqual(expected.sort());
  });

  it('every key named elsewhere in the code is one the storage module declares', () => {
    const declared = new Set([LOCAL_KEYS, SESSION_KEYS, SYNC_KEYS].flatMap((keys) => Object.values(keys) as string[]));
    expect([...codeKeys].filter(([key]) => !declared.has(key)).map(([key, where]) => `${key} (${where})`)).toEqual([]);
  });

  it('every file that touches browser storage names its keys where this test can see them', () => {
    expect(silentFiles).toEqual([]);
  });

  it.each(documents)('$file names every storage key the code uses', ({ file, heading }) => {
    const named = namesInSection(file, heading);
    const missing = [...declaredKeys].filter(([key]) => !named.has(key)).map(([key, where]) => `${key} (${where})`);
    expect(missing).toEqual([]);
  });

  it.each(documents)('$file names every IndexedDB database, vault table and reminders row', ({ file, heading }) => {
    const named = namesInSection(file, heading);
    const expected = [...dbNames, ...(file.endsWith('FORMAT.md') ? [...vaultTables, ...Object.values(CLEAR_KEYS)] : [])];
    expect(expected.filter((name) => !named.has(name))).toEqual([]);
  });

  it('only the two known databases exist: a new Dexie database must be added to this test and the list', () => {
    const databases = files.filter((path) => /\bextends Dexie\b|new Dexie\(/.test(readFileSync(path, 'utf8'))).map((path) => relative(root, path));
    expect(databases.sort()).toEqual(['lib/reminders/clear-store.ts', 'lib/vault/store/db.ts']);
  });
});
