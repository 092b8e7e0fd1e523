import { describe, expect, it } from 'vitest';
import { migrateContract, v1ToV2 } from '../../../lib/contract/migrations';
import { readStored, storedV1 } from './fixtures';
import { contractDefaults, validateContract } from '../../../lib/contract/schema';

describe('migrating a version 1 contract', () => {
  it('keeps every setting the therapist made, under its version 2 name', () => {
    const migrated = migrateContract(storedV1, 1);
    expect(migrated).toMatchObject({
      sessionMinutes: 60,
      emailResponseHours: 24,
      silenceFollowUpDays: 14,
      disruptionPlan: storedV1.disruptionPlan,
      backupPlatform: 'Landline call',
      emergencyProcedure: storedV1.emergencyProcedure,
      socialMediaPolicy: 'No contact on social media.',
      transcriptPolicy: 'Nobody records anything.',
      jurisdiction: 'uk-gdpr',
      autoLockMinutes: 5,
      networkTestEndpoint: 'https://speed.example.org/probe',
    });
    expect(migrated).not.toHaveProperty('sessionLength');
    expect(migrated).not.toHaveProperty('recordingPolicy');
  });

  it('produces a valid version 2 contract with defaults for the new fields', () => {
    const result = validateContract(migrateContract(storedV1, 1));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.templates).toEqual(contractDefaults.templates);
    expect(result.value.reminderMinutesBefore).toEqual([10, 5]);
    expect(result.value.disruptionPlans.battery).toBe(contractDefaults.disruptionPlans.battery);
  });

  it('carries the old connection plan into the new per-disruption plans so the agreement does not contradict itself', () => {
    const result = validateContract(v1ToV2(storedV1));
    expect(result.ok && result.value.disruptionPlans.connection).toBe(storedV1.disruptionPlan);
  });

  it('passes an out-of-range old value through for the reader to reset, rather than inventing one', () => {
    const migrated = migrateContract({ ...storedV1, sessionLength: 500 }, 1);
    expect(migrated).toMatchObject({ sessionMinutes: 500 });
    expect(readStored(migrated).resetFields).toEqual(['sessionMinutes']);
  });

  it('leaves something that is not an object alone instead of throwing', () => {
    expect(migrateContract('corrupt', 1)).toBe('corrupt');
  });

  it('does nothing to a contract that is already version 2', () => {
    expect(migrateContract(contractDefaults, 2)).toBe(contractDefaults);
  });

  it.each([0, 1.5, -1])('refuses a version number that cannot exist (%s)', (version) => {
    expect(() => migrateContract(storedV1, version)).toThrow(RangeError);
  });

  it('refuses to downgrade a contract saved by a newer Anteroom', () => {
    expect(() => migrateContract(contractDefaults, 3)).toThrow(/newer than this Anteroom understands/);
  });
});

describe('a v2 value read without its version', () => {
  it('is left as it is rather than converted again over the therapist’s values', async () => {
    const { v1ToV2 } = await import('@/lib/contract/migrations');
    const { defaultContract } = await import('@/lib/contract/schema');
    const saved = { ...defaultContract(), sessionMinutes: 45, disruptionPlans: { ...defaultContract().disruptionPlans, battery: 'I will call you back.' } };
    expect(v1ToV2(saved)).toEqual(saved);
  });
});
