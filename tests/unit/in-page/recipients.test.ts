import { describe, expect, it } from 'vitest';
import { draftEncryption, emailsIn } from '@/lib/in-page/webmail/recipients';

const proton = ['proton.me', 'protonmail.com', 'pm.me'];

describe('whether a draft travels end to end', () => {
  it('finds addresses in recipient fields, once each, lower-cased', () => {
    expect(emailsIn(['Client <Client@Proton.me>', 'client@proton.me', '', 'no address here'])).toEqual(['client@proton.me']);
  });

  it.each([
    ['default', [], 'end-to-end'],
    ['none', ['a@proton.me'], 'provider-can-read'],
    ['optional', ['a@proton.me'], 'provider-can-read'],
    [undefined, ['a@proton.me'], 'provider-can-read'],
    ['between-own-users', ['a@proton.me', 'b@pm.me'], 'end-to-end'],
    ['between-own-users', ['a@proton.me', 'b@gmail.com'], 'provider-can-read'],
    ['between-own-users', ['a@notproton.me'], 'provider-can-read'],
    ['between-own-users', [], 'unknown-recipients'],
  ] as const)('%s to %j → %s', (e2ee, recipients, expected) => {
    expect(draftEncryption(e2ee, recipients, proton)).toBe(expected);
  });
});
