import { describe, expect, it } from 'vitest';
import { renderClientMarkdown } from '@/lib/vault/backup/markdown-export';
import { matchingNotes } from '@/lib/vault/store/note-search';
import type { NoteView } from '@/lib/vault/store/views';

const note = (id: string, body: string, tags: string[] = [], updatedAt = 0): NoteView => ({ id, clientId: 'c1', body, tags, updatedAt, version: 'v' });

describe('searching notes', () => {
  const notes = [note('1', 'Talked about her café job and sleep'), note('2', 'Grief, anniversary next week', ['grief']), note('3', 'SLEEP diary reviewed')];

  it.each([
    ['sleep', ['1', '3']],
    ['cafe', ['1']],
    ['Café SLEEP', ['1']],
    ['grief', ['2']],
    ['anniversary grief', ['2']],
    ['nothing-like-this', []],
    ['   ', []],
  ])('"%s" finds %j (every word, any case or accent)', (query, ids) => {
    expect(matchingNotes(notes, query).map((n) => n.id)).toEqual(ids);
  });
});

describe('the Markdown export of one client', () => {
  const client = { id: 'c1', label: '# A.B. [x](y)', contactMode: 'video' as const, updatedAt: 0, contractExceptions: 'Fridays only' };
  const exportedAt = new Date('2025-02-04T12:00:00Z');
  const { fileName, text } = renderClientMarkdown(client, [note('2', 'Second', [], 2000), note('1', 'First\n\n- a list', ['sleep'], 1000)], exportedAt);

  it('puts no client label in the file name (download lists are kept in clear)', () => {
    expect(fileName).toBe('anteroom-notes-2025-02-04.md');
  });

  it('says it is not encrypted, and lists the notes oldest first with their tags', () => {
    expect(text).toContain('This file is not encrypted');
    expect(text.indexOf('First')).toBeLessThan(text.indexOf('Second'));
    expect(text).toContain('Tags: sleep');
    expect(text).toContain('Fridays only');
  });

  it('keeps a label from turning into Markdown structure', () => {
    expect(text.split('\n')[0]).toBe('# \\# A.B. \\[x\\](y)');
  });
});
