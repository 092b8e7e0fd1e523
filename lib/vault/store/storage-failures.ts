import { StorageFullError, StorageUnavailableError, VaultError } from '../errors';

/**
 * IndexedDB failures the therapist can act on, told apart from everything else: a full disk
 * (StorageFullError) and a browser that keeps no data for us (StorageUnavailableError).
 */

/** Error names that mean "this browser will not store data for us here". */
const UNAVAILABLE_NAMES = new Set([
  'InvalidStateError',
  'UnknownError',
  'MissingAPIError',
  'OpenFailedError',
  'SecurityError',
  'DatabaseClosedError',
  'VersionError',
]);

/**
 * Dexie wraps IndexedDB errors: QuotaExceededError can arrive as AbortError.inner or as one of a
 * BulkError's failures (dexie.org Dexie.AbortError; Dexie.js PR #514). Walks every wrapper.
 */
function* causes(error: unknown, depth = 0): Generator<unknown> {
  if (error === null || error === undefined || depth > 5) return;
  yield error;
  if (typeof error !== 'object') return;
  const wrapper = error as { inner?: unknown; cause?: unknown; failures?: unknown };
  yield* causes(wrapper.inner, depth + 1);
  yield* causes(wrapper.cause, depth + 1);
  const failures = Array.isArray(wrapper.failures) ? wrapper.failures : Object.values(wrapper.failures ?? {});
  for (const failure of failures) yield* causes(failure, depth + 1);
}

function nameOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string'
    ? (error as { name: string }).name
    : undefined;
}

export function isQuotaError(error: unknown): boolean {
  for (const cause of causes(error)) {
    // Old WebKit and Chrome reported quota as DOMException code 22 with other names.
    if (nameOf(cause) === 'QuotaExceededError' || (cause instanceof DOMException && cause.code === 22)) return true;
  }
  return false;
}

export function isUnavailableError(error: unknown): boolean {
  for (const cause of causes(error)) {
    const name = nameOf(cause);
    if (name !== undefined && UNAVAILABLE_NAMES.has(name)) return true;
  }
  return false;
}

/** The typed error for a failed IndexedDB call; anything unrecognised is passed through. */
export function storageErrorFrom(error: unknown): unknown {
  // Our own error thrown inside a transaction comes back as Dexie's, with ours as `inner`.
  for (const cause of causes(error)) if (cause instanceof VaultError) return cause;
  if (isQuotaError(error)) return new StorageFullError();
  if (isUnavailableError(error)) return new StorageUnavailableError();
  return error;
}

/** Runs a database call and rethrows its failure as a typed error. */
export async function withStorage<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw storageErrorFrom(error);
  }
}
