import { readFileSync } from 'node:fs';

/** The golden backups (scripts/make-golden-backups.ts) and the contents they were made from. */

const dir = new URL('../../fixtures/backups/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');

export const goldenContents = JSON.parse(read('contents.json')) as {
  passphrase: string;
  dek: string;
  clientKeys: Record<string, string>;
  records: Record<string, unknown>;
};

export const goldenBackups = { 1: read('backup-v1.json'), 2: read('backup-v2.json') } as const;
