import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The folder layers (lib/README.md) are ESLint rules, not comments: an import across a layer
 * fails `npm run lint`. Each case lints one line as if it were a file in that folder, with the
 * project's own eslint.config.js.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: root, ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports' });

async function problemsIn(file: string, line: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${line}\nexport const used = typeof imported;\n`, { filePath: join(root, file) });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

const refused = [
  { file: 'lib/in-page/banner/example.ts', line: "import imported from 'dexie';", why: 'no Dexie, valibot or Preact' },
  { file: 'lib/in-page/call/example.ts', line: "import * as imported from 'valibot';", why: 'no Dexie, valibot or Preact' },
  { file: 'lib/in-page/example.ts', line: "import { h as imported } from 'preact';", why: 'no Dexie, valibot or Preact' },
  { file: 'lib/in-page/webmail/example.ts', line: "import { useState as imported } from 'preact/hooks';", why: 'no Dexie, valibot or Preact' },
  { file: 'lib/in-page/probe/example.ts', line: "import { seal as imported } from '@/lib/vault/crypto/aead';", why: 'never reaches the vault' },
  { file: 'lib/in-page/banner/example.ts', line: "import { seal as imported } from '../../vault/crypto/aead';", why: 'never reaches the vault' },
  { file: 'lib/in-page/banner/example.ts', line: "import { vaultStatus as imported } from '@/lib/vault-client';", why: 'never reaches the vault' },
  { file: 'lib/in-page/banner/example.ts', line: "import { Field as imported } from '@/components/Field';", why: 'uses no Preact components' },
  { file: 'entrypoints/in-page-platform.ts', line: "import type { NoteView as imported } from '@/lib/vault/store/views';", why: 'never reaches the vault' },
  { file: 'entrypoints/in-page-webmail.ts', line: "import imported from 'dexie';", why: 'no Dexie, valibot or Preact' },
  { file: 'lib/rules/example.ts', line: "import { Field as imported } from '@/components/Field';", why: 'lib/ is the pure core' },
  { file: 'lib/checklist/example.ts', line: "import imported from '../../entrypoints/background';", why: 'lib/ is the pure core' },
  { file: 'lib/in-page/example.ts', line: "import imported from '@/entrypoints/background';", why: 'lib/ is the pure core' },
  { file: 'components/checklist/example.tsx', line: "import imported from '@/entrypoints/popup/App';", why: 'import no entrypoints/' },
  { file: 'lib/vault/crypto/example.ts', line: "import { AnteroomVaultDb as imported } from '../store/db';", why: 'the bottom layer' },
  { file: 'lib/vault/crypto/example.ts', line: "import { KeyCustody as imported } from '../service/key-custody';", why: 'the bottom layer' },
  { file: 'lib/vault/crypto/example.ts', line: "import imported from 'dexie';", why: 'nothing of the database' },
];

const allowed = [
  { file: 'lib/in-page/banner/example.ts', line: "import type { BannerModel as imported } from '@/lib/rules/banner-model';" },
  { file: 'lib/in-page/call/example.ts', line: "import { clock as imported } from './session-timer';" },
  { file: 'entrypoints/notes/example.ts', line: "import { listClients as imported } from '@/lib/vault-client';" },
  { file: 'components/example.tsx', line: "import { h as imported } from 'preact';" },
  { file: 'lib/vault/store/example.ts', line: "import { seal as imported } from '../crypto/aead';" },
  { file: 'lib/vault/backup/example.ts', line: "import imported from 'dexie';" },
];

describe('layer rules', () => {
  it.each(refused)('$file may not: $line', async ({ file, line, why }) => {
    const problems = await problemsIn(file, line);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.startsWith('no-restricted-imports: '))).toBe(true);
    expect(problems.some((problem) => problem.includes(why))).toBe(true);
  });

  it.each(allowed)('$file may: $line', async ({ file, line }) => {
    expect(await problemsIn(file, line)).toEqual([]);
  });

  it('the code as it stands keeps every layer', async () => {
    // Only the folders that have layer rules: the other entrypoints have none to break.
    const results = await eslint.lintFiles(['lib', 'components', 'entrypoints/in-page-*.ts']);
    const problems = results.flatMap((result) => result.messages.map((m) => `${relative(root, result.filePath)}:${m.line} ${m.message}`));
    expect(problems).toEqual([]);
    // The rule really ran over the tree: every in-page file was linted.
    const linted = results.map((result) => relative(root, result.filePath));
    expect(linted).toContain('lib/in-page/probe/probe-channel.ts');
    expect(linted).toContain('entrypoints/in-page-webmail.ts');
  }, 120_000);
});
