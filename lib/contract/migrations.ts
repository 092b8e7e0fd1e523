import * as v from 'valibot';
import { plainObject } from '@/lib/storage/fields';
import { migrateValue, type Migrations } from '@/lib/storage/item';
import { CONTRACT_VERSION, defaultContract } from './schema';

/**
 * Stored contract shapes and the steps between them. A step takes whatever was stored and
 * returns the next shape without validating: the reader (storedContractSchema) then keeps every
 * valid field and resets the rest, so a migration never throws away a good setting.
 */

/** Version 1, as the first release stored it. */
export interface ContractV1 {
  /** Minutes; renamed to sessionMinutes in v2. */
  sessionLength: number;
  emailResponseHours: number;
  silenceFollowUpDays: number;
  /** The single plan for a lost connection; v2 adds a plan per kind of disruption. */
  disruptionPlan: string;
  backupPlatform: string;
  emergencyProcedure: string;
  socialMediaPolicy: string;
  /** Renamed to transcriptPolicy in v2, which also covers automatic transcripts. */
  recordingPolicy: string;
  jurisdiction: string;
  autoLockMinutes: number;
  networkTestEndpoint: string;
}

/**
 * v1 → v2: renames sessionLength and recordingPolicy, adds the fields v2 introduced with their
 * defaults. The v1 disruption plan was about the connection, so it also becomes the v2
 * connection plan: a printed agreement must not promise two different things.
 */
export function v1ToV2(stored: unknown): unknown {
  if (!v.is(plainObject, stored)) return stored;
  // Already a v2 shape (its version was lost or not yet written): converting it again would
  // overwrite the therapist's values with defaults.
  if ('sessionMinutes' in stored && !('sessionLength' in stored)) return stored;
  const { sessionLength, recordingPolicy, ...rest } = stored;
  const defaults = defaultContract();
  const plan = typeof rest.disruptionPlan === 'string' && rest.disruptionPlan.trim() !== '' ? rest.disruptionPlan : undefined;
  return {
    ...defaults,
    ...rest,
    sessionMinutes: sessionLength ?? defaults.sessionMinutes,
    transcriptPolicy: recordingPolicy ?? defaults.transcriptPolicy,
    disruptionPlans: { ...defaults.disruptionPlans, ...(plan === undefined ? {} : { connection: plan }) },
  };
}

/**
 * Keyed by the version each step produces: the contract's storage items run them
 * (lib/storage/items/contract.ts), and so does a settings file's import.
 */
export const contractMigrations: Migrations = {
  2: v1ToV2,
};

/** Brings a value stored at fromVersion up to CONTRACT_VERSION, with the same steps as the stored item. Does not validate. */
export const migrateContract = (stored: unknown, fromVersion: number): unknown =>
  migrateValue('contract', contractMigrations, CONTRACT_VERSION, stored, fromVersion);
