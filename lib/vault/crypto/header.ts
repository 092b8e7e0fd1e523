import * as v from 'valibot';
import { encodeAad } from './aad';
import { base64ToBytes } from './base64';
import { CorruptHeaderError } from '../errors';
import { SALT_BYTES } from './kdf';
import { assertAcceptableKdf } from './kdf-policy';
import { base64OfLength, wrappedKeySchema } from './wrapped-key';

/**
 * The vault header: everything needed to turn the passphrase back into the data key, and nothing
 * secret. Stored as JSON; the KDF parameters live here so they can be raised later (OWASP has
 * raised its figures over time) without breaking vaults made earlier.
 */

export const HEADER_VERSION = 1;

// Only the shape here; how small or large is kdf-policy's call, so weak values get the floor error.
const wholeNumber = v.pipe(v.number(), v.integer());

export const scryptParamsSchema = v.strictObject({
  alg: v.literal('scrypt'),
  N: wholeNumber,
  r: wholeNumber,
  p: wholeNumber,
  dkLen: v.literal(32),
});

export const vaultHeaderSchema = v.strictObject({
  v: v.literal(HEADER_VERSION),
  kdf: scryptParamsSchema,
  salt: base64OfLength(SALT_BYTES),
  wrappedDek: wrappedKeySchema,
});

export type VaultHeader = v.InferOutput<typeof vaultHeaderSchema>;

/** Describes each problem as "path: what was expected", for error messages and backup reports. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], limit = 10): string[] {
  const lines = issues.slice(0, limit).map((issue) => {
    const path = v.getDotPath(issue);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  if (issues.length > limit) lines.push(`and ${issues.length - limit} more problems`);
  return lines;
}

/**
 * Validates a stored header. Throws CorruptHeaderError for a bad shape and KdfBelowFloorError for
 * weakened parameters, both before any key derivation runs.
 */
export function parseVaultHeader(input: unknown): VaultHeader {
  const result = v.safeParse(vaultHeaderSchema, input);
  if (!result.success) throw new CorruptHeaderError(describeIssues(result.issues));
  assertAcceptableKdf(result.output.kdf);
  return result.output;
}

/**
 * Associated data for wrapping the data key: the version, every KDF parameter and the salt, so
 * editing any of them makes the unwrap fail even with the right passphrase. The wrapped key itself
 * is excluded (it is the ciphertext).
 */
export function headerAad(header: Omit<VaultHeader, 'wrappedDek'>): Uint8Array {
  const salt = base64ToBytes(header.salt);
  if (!salt) throw new CorruptHeaderError(['salt is not base64']);
  const { alg, N, r, p, dkLen } = header.kdf;
  return encodeAad('anteroom/vault-header', header.v, alg, N, r, p, dkLen, salt);
}
