import { vi } from 'vitest';

/**
 * Most vault tests are about what is done with a key, not about scrypt: they get the cheap
 * stand-in from fast-scrypt.ts. deriveKek itself stays real (floor and ceiling check, salt length,
 * passphrase normalisation), so a weakened header is still refused everywhere. Tests about the
 * derivation itself opt out with `vi.unmock(import('@/lib/vault/crypto/kdf-scrypt'))` and pay for real scrypt.
 */
vi.mock(import('@/lib/vault/crypto/kdf-scrypt'), () => import('./fast-scrypt'));
