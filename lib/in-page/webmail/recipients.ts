/**
 * Whether a draft will travel end to end: on a provider whose encryption covers only its own
 * users, that depends on every recipient being on one of its domains.
 */
const EMAIL = /[a-z0-9._%+-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi;

export function emailsIn(texts: readonly string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(EMAIL)) found.add(match[0].toLowerCase());
  return [...found];
}

export type DraftEncryption = 'end-to-end' | 'provider-can-read' | 'unknown-recipients';

export function draftEncryption(
  e2ee: 'default' | 'optional' | 'none' | 'between-own-users' | undefined,
  recipients: readonly string[],
  ownDomains: readonly string[] = [],
): DraftEncryption {
  if (e2ee === 'default') return 'end-to-end';
  if (e2ee !== 'between-own-users') return 'provider-can-read';
  if (recipients.length === 0) return 'unknown-recipients';
  const own = (email: string) => {
    const domain = email.split('@')[1] ?? '';
    return ownDomains.some((d) => domain === d || domain.endsWith(`.${d}`));
  };
  return recipients.every(own) ? 'end-to-end' : 'provider-can-read';
}
