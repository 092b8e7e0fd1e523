import { describe, expect, it } from 'vitest';
import { fieldSpecs } from '@/entrypoints/options/contract-fields';
import { jurisdictions } from '@/lib/contract/schema';
import { policies } from '@/rules/policies/index';

describe('the jurisdiction choice on the options page', () => {
  it('offers every jurisdiction that has a policy, and only those', () => {
    const spec = fieldSpecs.jurisdiction;
    const offered = spec.kind === 'select' ? spec.options.map((o) => o.value) : [];
    expect([...offered].sort()).toEqual(Object.keys(policies).sort());
    expect([...jurisdictions].sort()).toEqual(Object.keys(policies).sort());
  });
});
