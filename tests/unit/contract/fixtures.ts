import * as v from 'valibot';
import { readNoting } from '@/lib/storage/fields';
import { storedContractSchema, type Contract } from '../../../lib/contract/schema';
import type { ContractV1 } from '../../../lib/contract/migrations';

/** A contract as the first release stored it, with every setting changed from its default. */
export const storedV1: ContractV1 = {
  sessionLength: 60,
  emailResponseHours: 24,
  silenceFollowUpDays: 14,
  disruptionPlan: 'If we lose the call I will ring your mobile straight away.',
  backupPlatform: 'Landline call',
  emergencyProcedure: 'I will call the emergency contact you named on your intake form.',
  socialMediaPolicy: 'No contact on social media.',
  recordingPolicy: 'Nobody records anything.',
  jurisdiction: 'uk-gdpr',
  autoLockMinutes: 5,
  networkTestEndpoint: 'https://speed.example.org/probe',
};

/** A stored contract as the contract's items read it: the value and the fields reset. */
export function readStored(stored: unknown): { value: Contract; resetFields: string[] } {
  const { value, resets } = readNoting(() => v.parse(storedContractSchema, stored));
  return { value, resetFields: resets };
}
