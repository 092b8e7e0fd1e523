import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { hostName, type PlatformRule } from '@/lib/rules/schema';
import { valueAt } from '@/lib/rules/verdict';
import { platforms } from '@/rules/index';
import { policies } from '@/rules/policies/index';

/**
 * The catalogue's own hygiene, checked on every `npm test`: what rules/README.md asks of anyone
 * adding or correcting a platform. Field shapes are the schema's job (schema.test.ts); these are
 * the rules that span fields and files.
 */
const today = new Date().toISOString().slice(0, 10);
const all = platforms as PlatformRule[];

const sourcesOf = all.flatMap((p) => p.sources.map((s) => [p.id, s] as const));
const policySources = Object.values(policies).flatMap((p) => p.sources.map((s) => [p.id, s] as const));

/** Two rules on one host overlap unless both name path prefixes and none is a prefix of another. */
function overlaps(a: PlatformRule['match'][number], b: PlatformRule['match'][number]): boolean {
  if (a.host !== b.host) return false;
  if (!a.pathPrefixes || !b.pathPrefixes) return true;
  return a.pathPrefixes.some((x) => b.pathPrefixes!.some((y) => x.startsWith(y) || y.startsWith(x)));
}

describe('the catalogue check', () => {
  it('every host is a well-formed lower-case host name', () => {
    const bad = all.flatMap((p) => p.match.filter((m) => !v.is(hostName, m.host)).map((m) => `${p.id}: ${m.host}`));
    expect(bad).toEqual([]);
  });

  it('no host (and path) belongs to two platforms', () => {
    const rules = all.flatMap((p) => p.match.map((m) => ({ id: p.id, m })));
    const clashes = rules.flatMap((a, i) =>
      rules.slice(i + 1).filter((b) => b.id !== a.id && overlaps(a.m, b.m)).map((b) => `${a.m.host}: ${a.id} and ${b.id}`),
    );
    expect(clashes).toEqual([]);
  });

  it('no platform lists the same host twice', () => {
    const dupes = all.filter((p) => new Set(p.match.map((m) => `${m.host}${m.pathPrefixes?.join() ?? ''}`)).size !== p.match.length).map((p) => p.id);
    expect(dupes).toEqual([]);
  });

  it('every alternative is a platform in the catalogue, and not the platform itself', () => {
    const ids = new Set(all.map((p) => p.id));
    const bad = all.flatMap((p) => p.alternatives.filter((a) => !ids.has(a) || a === p.id).map((a) => `${p.id} → ${a}`));
    expect(bad).toEqual([]);
  });

  it.each([...sourcesOf, ...policySources])('%s: source %o is https, dated, and not from the future', (_id, source) => {
    expect(source.url.startsWith('https://')).toBe(true);
    expect(() => new URL(source.url)).not.toThrow();
    expect(source.asOf <= today).toBe(true);
    if (source.published !== undefined) {
      expect(source.published <= today).toBe(true);
      expect(source.published <= source.asOf).toBe(true);
    }
  });

  it('no source is a site the catalogue has retired as having no standing', () => {
    const retired = ['businessemailhosting.net', 'syncrivo.ai', 'sputniknews', 'triumphealth.com', 'dmclawllc.com', 'obc.memberclicks.net', 'healthtechinsider.com', 'phiguard.app',
      // Reposts and sites with no standing replaced by vendor, regulator or reviewer pages.
      'macrumors.com', 'telegraph247.com', 'soyacincau.com', 'lbnntv.com', 'ihyperg.com', 'intoday.in', 'empathysites.com',
      'patient-protect.com', 'legallyfirm.com', 'compliancejunction.com', 'teachmehipaa.com', 'mintlify.com', 'wikipedia.org'];
    const bad = [...sourcesOf, ...policySources].filter(([, s]) => retired.some((r) => s.url.includes(r))).map(([id, s]) => `${id}: ${s.url}`);
    expect(bad).toEqual([]);
  });

  it('every incident with a link links over https', () => {
    const bad = all.flatMap((p) => p.facts.incidents.filter((i) => i.url !== undefined && !i.url.startsWith('https://')).map(() => p.id));
    expect(bad).toEqual([]);
  });

  it('every unverified path names something the file has', () => {
    const bad = all.flatMap((p) => p.unverified.filter((path) => valueAt(p, path) === undefined).map((path) => `${p.id}: ${path}`));
    expect(bad).toEqual([]);
  });

  it('no unverified path points at an "unknown" answer (not knowing is no claim to confirm)', () => {
    const bad = all.flatMap((p) => p.unverified.filter((path) => valueAt(p, path) === 'unknown').map((path) => `${p.id}: ${path}`));
    expect(bad).toEqual([]);
  });

  it('a platform whose terms forbid clinical use cites a page on the vendor’s own site', () => {
    const forbidding = all.filter((p) => p.facts.termsForbidClinicalUse === true);
    expect(forbidding.length).toBeGreaterThan(0);
    for (const p of forbidding) {
      // The vendor page is cited first or second; reviewers' pages may follow.
      expect(p.sources.some((s) => /slack\.com|apple\.com|salesforce\.com/.test(new URL(s.url).hostname) || s.title.toLowerCase().includes('terms')), p.id).toBe(true);
    }
  });

  it.each([
    ['us-hipaa', 'www.hhs.gov'],
    ['uk-gdpr', 'ico.org.uk'],
    ['eu-gdpr', 'www.edpb.europa.eu'],
    ['au-privacy', 'www.oaic.gov.au'],
    ['ca-pipeda', 'www.priv.gc.ca'],
  ] as const)('the %s policy cites its regulator (%s)', (id, host) => {
    expect(policies[id].sources.map((s) => new URL(s.url).hostname)).toContain(host);
  });
});
