import * as v from 'valibot';
import { encodeAad } from './aad';
import { NONCE_BYTES, open, seal, sealWithNonce, TAG_BYTES } from './aead';
import { base64DecodedLength, base64ToBytes, bytesToBase64 } from './base64';
import { RecordTamperedError } from '../errors';
import { base64OfLength } from './wrapped-key';

export { wipe } from './wipe';

/**
 * One encrypted record: JSON in, JSON out. Each write draws a fresh random 24-byte nonce, also
 * when the same record is saved again. The associated data binds {format version, table, record
 * id} (as Standard Notes 004 binds {uuid, version}), so a ciphertext copied onto another record
 * or table, or replayed under another format version, fails authentication.
 */

export const RECORD_FORMAT = 1;

export interface RecordRef {
  table: string;
  id: string;
}

export const sealedRecordSchema = v.strictObject({
  v: v.literal(RECORD_FORMAT),
  n: base64OfLength(NONCE_BYTES),
  c: v.pipe(
    v.string(),
    v.check((text) => base64DecodedLength(text) >= TAG_BYTES, 'expected base64 ciphertext with its tag'),
  ),
});

export type SealedRecord = v.InferOutput<typeof sealedRecordSchema>;

/** Values JSON can carry unchanged; anything else (undefined, functions, NaN) must not be sealed. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

// One of each for every record: making a decoder per record showed in a 10,000-note search.
const encoder = new TextEncoder();
// fatal: invalid UTF-8 is refused rather than silently replaced. Without `stream` each decode is whole.
const decoder = new TextDecoder('utf-8', { fatal: true });

function recordAad(ref: RecordRef): Uint8Array {
  return encodeAad('anteroom/record', RECORD_FORMAT, ref.table, ref.id);
}

export function sealRecord(key: Uint8Array, ref: RecordRef, value: JsonValue): SealedRecord {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('only JSON values can be sealed');
  const plaintext = encoder.encode(json);
  const { nonce, ciphertext } = seal(key, plaintext, recordAad(ref));
  plaintext.fill(0);
  return { v: RECORD_FORMAT, n: bytesToBase64(nonce), c: bytesToBase64(ciphertext) };
}

/**
 * Throws RecordTamperedError (naming only table and id) for any record that does not authenticate.
 * T is not checked: authenticity is not validity, so callers still run their own schema.
 */
export function openRecord<T extends JsonValue = JsonValue>(key: Uint8Array, ref: RecordRef, sealed: SealedRecord): T {
  const tampered = () => new RecordTamperedError(ref.table, ref.id);
  if (!v.is(sealedRecordSchema, sealed)) throw tampered();
  const nonce = base64ToBytes(sealed.n);
  const ciphertext = base64ToBytes(sealed.c);
  const plaintext = nonce && ciphertext && open(key, { nonce, ciphertext }, recordAad(ref));
  if (!plaintext) throw tampered();
  try {
    return JSON.parse(decoder.decode(plaintext)) as T;
  } catch {
    throw tampered();
  } finally {
    plaintext.fill(0);
  }
}

/**
 * The same record under another key (a key renewal): opened with `from`, sealed with `to` under
 * the same nonce and AAD, the plaintext bytes untouched. Throws RecordTamperedError if it does not open.
 */
export function resealRecord(from: Uint8Array, to: Uint8Array, ref: RecordRef, sealed: SealedRecord): SealedRecord {
  const nonce = v.is(sealedRecordSchema, sealed) ? base64ToBytes(sealed.n) : undefined;
  const ciphertext = nonce && base64ToBytes(sealed.c);
  const aad = recordAad(ref);
  const plaintext = nonce && ciphertext && open(from, { nonce, ciphertext }, aad);
  if (!nonce || !plaintext) throw new RecordTamperedError(ref.table, ref.id);
  try {
    return { v: RECORD_FORMAT, n: sealed.n, c: bytesToBase64(sealWithNonce(to, nonce, plaintext, aad).ciphertext) };
  } finally {
    plaintext.fill(0);
  }
}

/** Whether the record authenticates under `key` (a key renewal asks which of two keys seals it). */
export function isSealedUnder(key: Uint8Array, ref: RecordRef, sealed: SealedRecord): boolean {
  const nonce = v.is(sealedRecordSchema, sealed) ? base64ToBytes(sealed.n) : undefined;
  const ciphertext = nonce && base64ToBytes(sealed.c);
  const plaintext = nonce && ciphertext && open(key, { nonce, ciphertext }, recordAad(ref));
  plaintext?.fill(0);
  return plaintext !== undefined;
}
