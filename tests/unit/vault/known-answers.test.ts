import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { bytesToHex, hexToBytes } from '@noble/ciphers/utils.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { describe, expect, it } from 'vitest';

/**
 * Known-answer tests for the two primitives the vault rests on, with vectors copied from the
 * documents that define them. If a dependency update ever changed the output, these fail first.
 */

describe('XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha-03, appendix A.3.1)', () => {
  const plaintext = hexToBytes(
    '4c616469657320616e642047656e746c656d656e206f662074686520636c6173' +
      '73206f66202739393a204966204920636f756c64206f6666657220796f75206f' +
      '6e6c79206f6e652074697020666f7220746865206675747572652c2073756e73' +
      '637265656e20776f756c642062652069742e',
  );
  const aad = hexToBytes('50515253c0c1c2c3c4c5c6c7');
  const key = hexToBytes('808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f');
  const nonce = hexToBytes('404142434445464748494a4b4c4d4e4f5051525354555657');
  const ciphertext =
    'bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb' +
    '731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452' +
    '2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9' +
    '21f9664c97637da9768812f615c68b13b52e';
  const tag = 'c0875924c1c7987947deafd8780acf49';

  it('encrypts the draft plaintext to the published ciphertext and tag', () => {
    expect(bytesToHex(xchacha20poly1305(key, nonce, aad).encrypt(plaintext))).toBe(ciphertext + tag);
  });

  it('decrypts the published ciphertext back to the plaintext', () => {
    expect(xchacha20poly1305(key, nonce, aad).decrypt(hexToBytes(ciphertext + tag))).toEqual(plaintext);
  });

  it('refuses the published ciphertext with one tag bit flipped', () => {
    const altered = hexToBytes(ciphertext + tag);
    altered[altered.length - 1]! ^= 1;
    expect(() => xchacha20poly1305(key, nonce, aad).decrypt(altered)).toThrow();
  });
});

describe('scrypt (RFC 7914 §12)', () => {
  it.each([
    {
      P: '',
      S: '',
      N: 16,
      r: 1,
      p: 1,
      dk:
        '77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442' +
        'fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906',
    },
    {
      P: 'password',
      S: 'NaCl',
      N: 1024,
      r: 8,
      p: 16,
      dk:
        'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162' +
        '2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640',
    },
    {
      P: 'pleaseletmein',
      S: 'SodiumChloride',
      N: 16384,
      r: 8,
      p: 1,
      dk:
        '7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2' +
        'd5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887',
    },
    // The fourth vector (N=2^20) needs 1 GiB and several seconds; the third covers the same code.
  ])('derives the published key for P="$P", S="$S", N=$N, r=$r, p=$p', async ({ P, S, N, r, p, dk }) => {
    const derived = await scryptAsync(P, S, { N, r, p, dkLen: 64 });
    expect(bytesToHex(derived)).toBe(dk);
  });
});
