import { messageFor } from '@/lib/error-messages';
import { VaultError, VaultNotEmptyError } from '@/lib/vault/errors';
import { storageErrorFrom } from '@/lib/vault/store/storage-failures';
import type { Result, VaultErrorCode, VaultFailure } from '@/lib/vault-client/messages';

/**
 * Errors never cross the message boundary as exceptions: each becomes `{ ok: false, error }`
 * with a code from the client's list and the error's own plain message. An error we did not
 * foresee gets a fixed message; its text could hold anything (an id, a key path) and is dropped.
 */

const CODE_FOR: Record<string, VaultErrorCode> = {
  'kdf-below-floor': 'kdf-floor',
  'corrupt-header': 'damaged',
  'record-tampered': 'damaged',
  'client-key-tampered': 'damaged',
  'passphrase-policy': 'invalid-input',
  'backup-format': 'backup-invalid',
};

export function failureFrom(error: unknown): VaultFailure {
  const typed = storageErrorFrom(error);
  if (!(typed instanceof VaultError)) {
    return {
      code: 'unexpected',
      message: messageFor('unexpected'),
    };
  }
  return {
    code: CODE_FOR[typed.code] ?? typed.code,
    message: typed.message,
    ...(retryAfterMsOf(typed) > 0 ? { retryAfterMs: retryAfterMsOf(typed) } : {}),
    ...(typed instanceof VaultNotEmptyError && typed.skipped ? { skipped: typed.skipped } : {}),
  };
}

/** BackoffError and WrongPassphraseWithWaitError say how long the page should wait. */
function retryAfterMsOf(error: VaultError): number {
  const wait = (error as { retryAfterMs?: unknown }).retryAfterMs;
  return typeof wait === 'number' && Number.isFinite(wait) ? Math.max(0, Math.ceil(wait)) : 0;
}

export async function resultOf<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: failureFrom(error) };
  }
}
