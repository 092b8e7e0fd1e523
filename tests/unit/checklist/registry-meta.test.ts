import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checks, checksById, sections } from '@/lib/checklist/checks/index';
import type { ActionId, CheckId } from '@/lib/checklist/types';

/**
 * The checklist lives in three places that must agree: the folder of check files (one check per
 * file, named by its id), the explicit index (the code's one list of ids), and the ids DESIGN.md
 * promises as test hooks. DESIGN.md sits outside the repository (shared/DESIGN.md) and is the
 * external contract, so it is read from there, never copied.
 */

/**
 * Ids added since DESIGN.md was last changed (it is read-only to the team; the lead updates it).
 * Each is an addition only: every id DESIGN.md promises must still exist.
 */
const NOT_YET_IN_DESIGN: readonly CheckId[] = ['notes.backup'];

const idsIn = (text: string) => [...text.matchAll(/`([a-z-]+\.[a-z-]+)`/g)].map((m) => m[1]!);

const root = new URL('../../../', import.meta.url);
const designPath = process.env.ANTEROOM_DESIGN ?? new URL('../shared/DESIGN.md', root).pathname;

/** The ids in DESIGN.md's "Item ids:" paragraph (Test hooks › Checklist). */
function designIds(): string[] {
  if (!existsSync(designPath)) throw new Error(`DESIGN.md is not at ${designPath}; set ANTEROOM_DESIGN to its path.`);
  const design = readFileSync(designPath, 'utf8');
  const start = design.indexOf('Item ids:');
  if (start === -1) throw new Error(`${designPath} has no "Item ids:" list.`);
  const end = design.indexOf('\n- ', start);
  return idsIn(design.slice(start, end === -1 ? undefined : end));
}

const registeredIds = checks.map((check) => check.id);

const folderIds = readdirSync(new URL('lib/checklist/checks/', root))
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => file.replace(/\.ts$/, ''))
  .sort();

describe('the checklist registry', () => {
  it('registers every file in lib/checklist/checks exactly once, under its file name', () => {
    expect(new Set(registeredIds).size).toBe(registeredIds.length);
    expect([...registeredIds].sort()).toEqual(folderIds);
  });

  it('has every item id DESIGN.md promises as a test hook, and no other', () => {
    const promised = designIds();
    expect(promised.length).toBeGreaterThan(10);
    const extra = registeredIds.filter((id) => !promised.includes(id));
    expect(extra.sort()).toEqual([...NOT_YET_IN_DESIGN].sort());
    expect(promised.filter((id) => !registeredIds.includes(id as CheckId))).toEqual([]);
  });

  it('lists an id as not yet in DESIGN.md only while it is registered and DESIGN.md lacks it', () => {
    const promised = designIds();
    for (const id of NOT_YET_IN_DESIGN) {
      expect(registeredIds).toContain(id);
      expect(promised).not.toContain(id);
    }
  });

  it('types ids from the registry, so an id nobody registered does not compile', () => {
    // @ts-expect-error: a typo of 'privacy.alone' is not a CheckId (tsc fails if it were accepted).
    const typo: CheckId = 'privacy.alon';
    const real: CheckId = 'privacy.alone';
    expect(checksById.has(real)).toBe(true);
    expect(checksById.has(typo)).toBe(false);
  });

  it('gives every button exactly one check that does its work', () => {
    // Typed against ActionId, so a new button fails to compile until it is listed here.
    const everyAction = {
      'test-connection': true,
      'open-options': true,
      'open-preflight': true,
      'mute-tabs': true,
      'sleep-tabs': true,
      'check-downloads': true,
      'pause-downloads': true,
      'open-notes': true,
    } satisfies Record<ActionId, true>;
    const owners = checks.flatMap((check) => (check.kind === 'measured' ? Object.keys(check.actions ?? {}).map((action) => [action, check.id]) : []));
    expect(owners.map(([action]) => action).sort()).toEqual(Object.keys(everyAction).sort());
  });

  it('shows every check in exactly one section', () => {
    expect(sections.flatMap((section) => section.checks).length).toBe(checksById.size);
  });

  it.each(checks.map((check) => [check.id, check] as const))('gives %s a title, a one-line why, what to do, and a source', (_id, check) => {
    expect(check.title.trim().length).toBeGreaterThan(3);
    for (const text of [check.title, check.why, check.whenNotMet, check.source]) expect(text).not.toMatch(/\n/);
    for (const text of [check.why, check.whenNotMet, check.source]) expect(text.trim().length).toBeGreaterThan(10);
    expect(check.why.length).toBeLessThanOrEqual(140);
    expect(check.formats.length).toBeGreaterThan(0);
    expect(check.source).toMatch(/§\d/);
  });
});
