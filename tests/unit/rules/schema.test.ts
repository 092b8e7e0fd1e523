import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { policy as policySchema } from '@/lib/rules/policy-schema';
import { platformRule } from '@/lib/rules/schema';
import { policies } from '@/rules/policies/index';

const root = join(__dirname, '../../..');

function jsonFiles(dir: string): [string, unknown][] {
  const abs = join(root, dir);
  return readdirSync(abs)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(join(abs, f), 'utf8')) as unknown]);
}

function issuesOf(schema: v.GenericSchema, data: unknown): string[] {
  const result = v.safeParse(schema, data);
  return result.success ? [] : result.issues.map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`);
}

/** Follows a dotted path such as "facts.e2ee.video" or "facts.incidents.0.year". */
function resolve(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}

/** Every leaf in an object whose value is the string 'unknown', as dotted paths. */
function unknownPaths(data: unknown, prefix = ''): string[] {
  if (data === 'unknown') return [prefix];
  if (data === null || typeof data !== 'object') return [];
  return Object.entries(data).flatMap(([k, val]) => unknownPaths(val, prefix ? `${prefix}.${k}` : k));
}

const platformFiles = jsonFiles('rules/platforms');
const policyFiles = jsonFiles('rules/policies');
type Rule = v.InferOutput<typeof platformRule>;
const rules = platformFiles.map(([, data]) => data as Rule);
const ids = rules.map((r) => r.id);

describe('platform files', () => {
  it('the catalogue holds at least 38 platforms', () => {
    expect(platformFiles.length).toBeGreaterThanOrEqual(38);
  });

  it.each(platformFiles)('%s matches the platform schema', (_file, data) => {
    expect(issuesOf(platformRule, data)).toEqual([]);
  });

  it.each(platformFiles)('%s is named after its id', (file, data) => {
    expect(basename(file, '.json')).toBe((data as Rule).id);
  });

  it('no two platforms share an id', () => {
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it.each(platformFiles)('%s suggests only alternatives that exist, and never itself', (_file, data) => {
    const rule = data as Rule;
    expect(rule.alternatives.filter((alt) => !ids.includes(alt))).toEqual([]);
    expect(rule.alternatives).not.toContain(rule.id);
  });

  it.each(platformFiles)('%s cites only https sources', (_file, data) => {
    for (const s of (data as Rule).sources) expect(new URL(s.url).protocol).toBe('https:');
  });

  it.each(platformFiles)('%s lists as unverified only paths that exist in the file', (_file, data) => {
    const rule = data as Rule;
    expect(rule.unverified.filter((path) => resolve(rule, path) === undefined)).toEqual([]);
    expect(new Set(rule.unverified).size).toBe(rule.unverified.length);
  });

  it.each(platformFiles)('%s lists no unknown fact as unverified: not knowing is no claim to confirm', (_file, data) => {
    const rule = data as Rule;
    const unknown = unknownPaths(rule.facts, 'facts');
    expect(rule.unverified.filter((path) => unknown.includes(path))).toEqual([]);
  });

  it.each(platformFiles)('%s gives at least one safer setting', (_file, data) => {
    expect((data as Rule).saferSettings.length).toBeGreaterThan(0);
  });

  it('no host rule is claimed by two platforms with the same path prefixes', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const rule of rules) {
      for (const m of rule.match) {
        const key = `${m.host}|${(m.pathPrefixes ?? []).join(',')}`;
        const other = seen.get(key);
        if (other && other !== rule.id) clashes.push(`${key}: ${other} and ${rule.id}`);
        seen.set(key, rule.id);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('policy files', () => {
  it('there is one policy per jurisdiction the options page offers', () => {
    expect(policyFiles.map(([f]) => basename(f, '.json')).sort()).toEqual(['au-privacy', 'ca-pipeda', 'eu-gdpr', 'other', 'uk-gdpr', 'us-hipaa']);
  });

  it.each(policyFiles)('%s matches the policy schema', (_file, data) => {
    expect(issuesOf(policySchema, data)).toEqual([]);
  });

  it.each(policyFiles)('%s is named after its id and registered under it', (file, data) => {
    const id = basename(file, '.json') as keyof typeof policies;
    expect((data as { id: string }).id).toBe(id);
    expect(policies[id]).toEqual(data);
  });

  it.each(policyFiles)('%s uses each reason id once', (_file, data) => {
    const conditionIds = (data as v.InferOutput<typeof policySchema>).conditions.map((c) => c.id);
    expect(conditionIds.filter((id, i) => conditionIds.indexOf(id) !== i)).toEqual([]);
  });

  it.each(policyFiles)('%s cites only https sources', (_file, data) => {
    for (const s of (data as v.InferOutput<typeof policySchema>).sources) expect(new URL(s.url).protocol).toBe('https:');
  });

  it('the schema rejects a condition that tests no fact', () => {
    const [, sample] = policyFiles[0]!;
    const broken = structuredClone(sample) as v.InferOutput<typeof policySchema>;
    broken.conditions[0]!.when = {};
    expect(issuesOf(policySchema, broken)).not.toEqual([]);
  });

  it('the schema rejects a misspelt fact value', () => {
    const [, sample] = policyFiles[0]!;
    const broken = structuredClone(sample) as { conditions: { when: Record<string, unknown> }[] };
    broken.conditions[0]!.when = { baa: ['No'] };
    expect(issuesOf(policySchema, broken)).not.toEqual([]);
  });

  it('the schema rejects duplicate reason ids', () => {
    const [, sample] = policyFiles[0]!;
    const broken = structuredClone(sample) as v.InferOutput<typeof policySchema>;
    broken.conditions.push({ ...broken.conditions[0]! });
    expect(issuesOf(policySchema, broken)).not.toEqual([]);
  });
});
