import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { base64ToBytes, bytesToBase64 } from '@/lib/vault/crypto/base64';

describe('strict, canonical base64', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
      }),
    );
  });

  it('writes what Node writes for a file larger than one 32 KiB chunk', () => {
    const bytes = new Uint8Array(0x8000 * 2 + 5).map((_, i) => (i * 31 + (i >> 8)) & 0xff);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
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

describe('with the browser’s own decoder (Uint8Array.fromBase64, Chrome 140+, Firefox 133+)', () => {
  // Node 20 lacks it: a stand-in that behaves as the TC39 proposal specifies in strict mode,
  // including the one leniency our wrapper must undo — ASCII white space is skipped.
  const specLike = (text: string) => {
    const stripped = text.replace(/[\t\n\f\r ]/g, '');
    const shape = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
    const bytes = new Uint8Array(Buffer.from(stripped, 'base64'));
    if (!shape.test(stripped) || Buffer.from(bytes).toString('base64') !== stripped) throw new SyntaxError('not strict base64');
    return bytes;
  };
  type Codec = typeof import('@/lib/vault/crypto/base64');
  let native: Codec;
  beforeAll(async () => {
    vi.resetModules();
    Object.defineProperty(Uint8Array, 'fromBase64', { value: specLike, configurable: true });
    native = await import('@/lib/vault/crypto/base64');
  });
  afterAll(() => {
    delete (Uint8Array as unknown as { fromBase64?: unknown }).fromBase64;
    vi.resetModules();
  });

  it.each(['', 'QQ', 'Q===', 'QQ=\n', ' QQ==', 'QQ==QQ==', 'QQ-_', 'QR==', 'QUJ=', 'QUJD    ', 'QU JD', 'QUJD\n\n\n\nQUJD', 'QQ==    '])(
    'decides %j exactly as the hand-written decoder does',
    (text) => {
      expect(native.base64ToBytes(text)).toEqual(base64ToBytes(text));
    },
  );

  it('agrees on any bytes, and on any text with white space put in', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(80), fc.constantFrom(' ', '\n', '\t', '\r', '\f'), (bytes, at, space) => {
        const text = bytesToBase64(bytes);
        expect(native.base64ToBytes(text)).toEqual(bytes);
        const spaced = text.slice(0, at) + space + text.slice(at);
        expect(native.base64ToBytes(spaced)).toBeUndefined();
        expect(base64ToBytes(spaced)).toBeUndefined();
      }),
    );
  });
});
