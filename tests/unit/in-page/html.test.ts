// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from '@/lib/in-page/html';

/** What the browser's parser makes of a piece of markup. */
function parse(markup: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = markup;
  return template.content;
}

describe('html', () => {
  it('escapes every interpolated value, in text and in quoted attributes', () => {
    const hostile = `"><img src=x onerror="alert(1)"><script>alert(2)</script>'&`;
    const fragment = parse(html`<p title="${hostile}">${hostile}</p>`.value);
    expect(fragment.children).toHaveLength(1);
    const p = fragment.firstElementChild!;
    expect(p.getAttributeNames()).toEqual(['title']);
    expect(p.getAttribute('title')).toBe(hostile);
    expect(p.textContent).toBe(hostile);
    expect(p.children).toHaveLength(0);
  });

  it('any string put in text or an attribute comes back exactly, and never as an element', () => {
    fc.assert(
      // Markup's own characters, densely, and any printable text (NUL and CR are left out: the
      // parser rewrites them by rules of its own, unrelated to escaping).
      fc.property(fc.oneof(fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '=', '/', '!', '-', ' ', 'a', '\n', '✓') }), fc.string({ unit: 'grapheme' })), (text) => {
        fc.pre(!/[\0\r]/.test(text));
        const p = parse(html`<p data-x="${text}">${text}</p>`.value).firstElementChild!;
        expect(p.children).toHaveLength(0);
        expect(p.getAttributeNames()).toEqual(['data-x']);
        expect(p.getAttribute('data-x')).toBe(text);
        expect(p.textContent).toBe(text);
      }),
    );
  });

  it('puts nested html results and lists in as markup, and draws nothing for false or undefined', () => {
    const items = ['a<b', 'c'].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}</ul>${false}${undefined}${null}`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
  });

  it('escapes the five characters that matter and nothing else', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
    expect(escapeHtml('plain text, ünïcode ✓')).toBe('plain text, ünïcode ✓');
  });
});
