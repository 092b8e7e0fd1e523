import * as v from 'valibot';
import { KEY_BYTES, NONCE_BYTES, TAG_BYTES, type Sealed } from './aead';
import { base64DecodedLength, base64ToBytes, bytesToBase64 } from './base64';

/** Canonical base64 that decodes to exactly `length` bytes. */
export function base64OfLength(length: number) {
  return v.pipe(
    v.string(),
    v.check(
      (text) => base64DecodedLength(text) === length && base64ToBytes(text) !== undefined,
      `expected base64 of ${length} bytes`,
    ),
  );
}

/** A 32-byte key sealed under another key: the data key under the KEK, a client key under the data key. */
export const wrappedKeySchema = v.strictObject({
  nonce: base64OfLength(NONCE_BYTES),
  ct: base64OfLength(KEY_BYTES + TAG_BYTES),
});

export type WrappedKey = v.InferOutput<typeof wrappedKeySchema>;

export function wrappedKeyFromSealed(sealed: Sealed): WrappedKey {
  return { nonce: bytesToBase64(sealed.nonce), ct: bytesToBase64(sealed.ciphertext) };
}

/** Undefined when the fields are not the expected base64 (treat as a failed unwrap). */
export function sealedFromWrappedKey(wrapped: WrappedKey): Sealed | undefined {
  const nonce = base64ToBytes(wrapped.nonce);
  const ciphertext = base64ToBytes(wrapped.ct);
  return nonce && ciphertext ? { nonce, ciphertext } : undefined;
}
