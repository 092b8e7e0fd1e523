import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64ToBytes, bytesToBase64 } from '@/lib/vault/base64';

describe('strict, canonical base64', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
      }),
    );
  });

  it('accepts exactly one spelling of any byte string: the one it would write', () => {
    // Every string of the right shape either is what bytesToBase64 writes, or is refused.
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.nat(63), (bytes, bits) => {
        const text = bytesToBase64(bytes);
        const pad = text.endsWith('==') ? 3 : text.endsWith('=') ? 2 : 0;
        if (pad === 0) return;
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
        const changed = text.slice(0, text.length - pad) + alphabet[bits] + text.slice(text.length - pad + 1);
        const decoded = base64ToBytes(changed);
        if (decoded) expect(bytesToBase64(decoded)).toBe(changed);
      }),
    );
  });

  it.each(['QQ==', 'QR==', 'QUI=', 'QUJ=', 'QUJD'])('decides %s the same way as re-encoding would', (text) => {
    const decoded = base64ToBytes(text);
    if (decoded) expect(bytesToBase64(decoded)).toBe(text);
    else expect(['QR==', 'QUJ=']).toContain(text);
  });

  it.each(['', 'QQ', 'Q===', 'QQ=\n', ' QQ==', 'QQ==QQ==', 'QQ-_'])('refuses %j', (text) => {
    expect(text === '' ? base64ToBytes(text)?.length : base64ToBytes(text)).toBe(text === '' ? 0 : undefined);
  });
});
