import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Browsers write what was typed into form controls to their session-restore files, in clear,
 * unless the control itself says autocomplete="off" (checked in both browsers by
 * tests/e2e/form-state-leak-*.e2e.ts; Firefox ignores the attribute on a <form>). Password
 * fields are never saved by either browser, so they may keep their password-manager hints.
 * This holds every control in every extension page to that, so a new field cannot forget.
 */

const root = new URL('../../..', import.meta.url).pathname;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return path.endsWith('.tsx') ? [path] : [];
  });
}

/** Each JSX opening tag of a form control, braces balanced so `{...}` attributes are kept whole. */
function controlTags(source: string): string[] {
  const tags: string[] = [];
  for (const match of source.matchAll(/<(input|textarea|select)\b/g)) {
    let depth = 0;
    let end = match.index + match[0].length;
    for (; end < source.length; end++) {
      const c = source[end];
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '>' && depth === 0) break;
    }
    tags.push(source.slice(match.index, end + 1));
  }
  return tags;
}

const files = [...tsxFiles(join(root, 'entrypoints')), ...tsxFiles(join(root, 'components'))];
const controls = files.flatMap((file) => controlTags(readFileSync(file, 'utf8')).map((tag) => ({ file: file.slice(root.length), tag })));

describe('form controls in extension pages', () => {
  it('finds the controls it checks (the note body, the client picker, the search box among them)', () => {
    expect(controls.length).toBeGreaterThan(30);
    expect(controls.some((c) => c.file.endsWith('NoteEditor.tsx') && c.tag.startsWith('<textarea'))).toBe(true);
    expect(controls.some((c) => c.file.endsWith('SessionClientPicker.tsx') && c.tag.startsWith('<select'))).toBe(true);
    expect(controls.some((c) => c.file.endsWith('SearchPanel.tsx'))).toBe(true);
  });

  it('every control keeps its contents out of session restore (autocomplete="off", or a password field)', () => {
    const saved = controls.filter(({ tag }) => !tag.includes('autoComplete="off"') && !tag.includes('type="password"'));
    expect(saved.map(({ file, tag }) => `${file}: ${tag.split('\n')[0]}`)).toEqual([]);
  });
});
