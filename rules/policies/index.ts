import type { JurisdictionId, Policy } from '@/lib/rules/policy-schema';
import auPrivacy from './au-privacy.json';
import caPipeda from './ca-pipeda.json';
import euGdpr from './eu-gdpr.json';
import other from './other.json';
import ukGdpr from './uk-gdpr.json';
import usHipaa from './us-hipaa.json';

export type { JurisdictionId } from '@/lib/rules/policy-schema';

/**
 * One policy per jurisdiction the options page offers. Validated against lib/rules/policy-schema.ts
 * by tests/unit/rules/schema.test.ts, so the cast here cannot hide a malformed file.
 */
export const policies = {
  'us-hipaa': usHipaa,
  'uk-gdpr': ukGdpr,
  'eu-gdpr': euGdpr,
  'au-privacy': auPrivacy,
  'ca-pipeda': caPipeda,
  other,
} as Record<JurisdictionId, Policy>;
