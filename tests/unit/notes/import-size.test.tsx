// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ImportBackup } from '@/entrypoints/notes/ImportBackup';
import { VaultContext, type VaultApi } from '@/entrypoints/notes/vault-api';
import { MAX_BACKUP_FILE_CHARS } from '@/lib/vault/store/record-schemas';
import { rootPerTest } from '../dom/root-per-test';

/**
 * A restore checks the vault's one size limit (MAX_BACKUP_FILE_CHARS, the one export keeps to)
 * when the file is chosen: a larger file is refused at once, in words, before a passphrase is
 * asked for, and one too large to fit is not even read.
 */
let importBackup: ReturnType<typeof vi.fn>;

const root = rootPerTest();
beforeEach(() => {
  importBackup = vi.fn();
  act(() => render(<VaultContext.Provider value={{ importBackup } as unknown as VaultApi}><ImportBackup onImported={() => undefined} /></VaultContext.Provider>, root()));
});

/** A chosen file: its name, size in bytes and the text the browser would read from it. */
async function choose(file: { name: string; size: number; text: () => Promise<string> }) {
  const input = root().querySelector<HTMLInputElement>('input[name=import]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}
const asciiFile = (name: string, chars: number) => {
  const text = 'a'.repeat(chars);
  return { name, size: chars, text: vi.fn(async () => text) };
};
const errorText = () => root().querySelector('[data-testid=import-error]')?.textContent ?? '';
const passphraseBox = () => root().querySelector('#import-passphrase');

describe('choosing a backup file', () => {
  it('asks for the passphrase of a file as large as a backup can be', async () => {
    await choose(asciiFile('largest.json', MAX_BACKUP_FILE_CHARS));
    expect(errorText()).toBe('');
    expect(passphraseBox()).not.toBeNull();
  });

  it('refuses a file one character over the limit at once, saying why, with nothing sent to the vault', async () => {
    await choose(asciiFile('big.json', MAX_BACKUP_FILE_CHARS + 1));
    expect(errorText()).toBe(
      'big.json is too large to be an Anteroom backup: it is 49 MB, and a backup is at most 48 MB. Choose the backup file Anteroom downloaded. Nothing was changed.',
    );
    expect(passphraseBox()).toBeNull();
    expect(importBackup).not.toHaveBeenCalled();
  });

  it('counts characters as the vault does: a file of more bytes but no more characters is asked about', async () => {
    // 'é' is two bytes in UTF-8 and one UTF-16 code unit: 96 MiB of bytes, 48 MiB of characters.
    const text = 'é'.repeat(MAX_BACKUP_FILE_CHARS);
    await choose({ name: 'accents.json', size: 2 * MAX_BACKUP_FILE_CHARS, text: async () => text });
    expect(errorText()).toBe('');
    expect(passphraseBox()).not.toBeNull();
  });

  it('does not read a file too large to fit the limit in any encoding', async () => {
    const huge = { name: 'video.mp4', size: 150 * 1024 * 1024, text: vi.fn(async () => '') };
    await choose(huge);
    expect(huge.text).not.toHaveBeenCalled();
    expect(errorText()).toMatch(/^video\.mp4 is too large to be an Anteroom backup: it is 150 MB, and a backup is at most 48 MB\./);
    expect(passphraseBox()).toBeNull();
  });
});
