import type { ClientView, NoteView } from '../store/views';

/**
 * One client's notes as plain Markdown, written only when the therapist asks (the page warns
 * that the file is not encrypted). The file name carries no client label: downloads lists and
 * file names are stored in clear by the browser and the operating system.
 */

export interface MarkdownExport {
  fileName: string;
  text: string;
}

/** Keeps a label or tag from being read as Markdown structure (a heading, a list, a link). */
function inline(text: string): string {
  return text.replace(/[\\`*_[\]#<>|]/g, (char) => `\\${char}`).replace(/\s+/g, ' ').trim();
}

export function renderClientMarkdown(client: ClientView, notes: readonly NoteView[], exportedAt: Date = new Date()): MarkdownExport {
  const lines = [
    `# ${inline(client.label)}`,
    '',
    `Exported from Anteroom on ${exportedAt.toISOString()}. This file is not encrypted: keep it somewhere safe and delete it when you are done.`,
    '',
    `- Contact mode: ${client.contactMode}`,
    ...(client.lastHeardFrom ? [`- Last heard from: ${client.lastHeardFrom}`] : []),
    ...(client.contractExceptions ? ['', '## Contract exceptions', '', client.contractExceptions] : []),
  ];
  const oldestFirst = [...notes].sort((a, b) => a.updatedAt - b.updatedAt);
  for (const note of oldestFirst) {
    lines.push('', `## Note of ${new Date(note.updatedAt).toISOString()}`, '');
    if (note.tags.length > 0) lines.push(`Tags: ${note.tags.map(inline).join(', ')}`, '');
    lines.push(note.body);
  }
  return {
    fileName: `anteroom-notes-${exportedAt.toISOString().slice(0, 10)}.md`,
    text: `${lines.join('\n')}\n`,
  };
}
