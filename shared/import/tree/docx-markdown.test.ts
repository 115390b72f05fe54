/**
 * mammoth's HTML of a .docx through the tree (hast → mdast → markdown): each construct the
 * readers take, written as they expect it, and the result imported where the structure matters.
 */
import { describe, expect, it } from 'vitest';
import { importText } from '..';
import { docxHtmlToMarkdown } from './docx-markdown';

interface N {
  type: string;
  text?: string;
  url?: string;
  format?: number;
  listType?: string;
  children?: N[];
}
const all = (parts: { doc: { root: unknown }; children: unknown[] }[]): N[] => {
  const out: N[] = [];
  const walk = (n: N) => {
    out.push(n);
    for (const c of n.children ?? []) walk(c);
  };
  const part = (p: { doc: { root: unknown }; children: unknown[] }) => {
    walk(p.doc.root as N);
    for (const c of p.children) part(c as never);
  };
  parts.forEach(part);
  return out;
};

// What mammoth writes for a footnote: the reference, and the body in a list at the end with a back-reference.
const NOTE_REF = (n: number) => `<sup><a href="#footnote-${n}" id="footnote-ref-${n}">[${n}]</a></sup>`;
const NOTE_BODY = (n: number, html: string) =>
  `<li id="footnote-${n}"><p>${html} <a href="#footnote-ref-${n}">↑</a></p></li>`;

describe('mammoth’s HTML as markdown, through the tree', () => {
  it('writes footnotes as [^id] references and one-line definitions, links and emphasis kept', () => {
    const md = docxHtmlToMarkdown(
      `<p>Text${NOTE_REF(1)} and more${NOTE_REF(2)}.</p><ol>${NOTE_BODY(1, 'See <a href="http://example.org/a">the site</a>.')}${NOTE_BODY(2, '<em>Ibid.</em>, p. 4.</p><p>Second paragraph')}</ol>`,
    );
    expect(md).toBe(
      'Text[^footnote-1] and more[^footnote-2].\n\n[^footnote-1]: See [the site](http://example.org/a).\n[^footnote-2]: *Ibid.*, p. 4. Second paragraph\n',
    );
    const r = importText(`# Report\n\n## Findings\n\n${md}`, { fileName: 'r.docx', format: 'markdown' });
    const notes = all(r.parts).filter((n) => n.type === 'footnote');
    expect(notes.map((n) => n.text)).toEqual(['See the site.', 'Ibid., p. 4. Second paragraph']);
    // The address in the note survives as a link of the note (it was dropped before the tree).
    expect(notes[0]!.children?.find((r) => r.type === 'link')?.url).toBe('http://example.org/a');
  });

  it('keeps an empty note’s definition, so its reference does not print as text', () => {
    expect(docxHtmlToMarkdown(`<p>x${NOTE_REF(1)}</p><ol>${NOTE_BODY(1, ' ')}</ol>`)).toBe(
      'x[^footnote-1]\n\n[^footnote-1]:\n',
    );
  });

  it('writes endnotes in the order of their numbers, after the body, and drops the list that held them', () => {
    const md = docxHtmlToMarkdown(
      `<p>A<sup><a href="#endnote-10">[10]</a></sup> B<sup><a href="#endnote-2">[2]</a></sup></p><ol><li id="endnote-10"><p>Ten</p></li><li id="endnote-2"><p>Two</p></li></ol>`,
    );
    expect(md).toBe('A[^endnote-10] B[^endnote-2]\n\n[^endnote-2]: Two\n[^endnote-10]: Ten\n');
  });

  it('nests lists, keeps "-" and "1." for lists side by side, and joins an item’s paragraphs', () => {
    const md = docxHtmlToMarkdown(
      '<ul><li>one<ul><li>two<ol><li>three</li></ol></li></ul></li><li><p>p1</p><p>p2</p></li></ul><ul><li>other</li></ul><ol><li>a</li></ol><ol><li>b</li></ol>',
    );
    expect(md).toBe('- one\n  - two\n    1. three\n- p1 p2\n\n- other\n\n1. a\n\n1. b\n');
    const r = importText(`# Report\n\n## Findings\n\n${md}`, { fileName: 'r.docx', format: 'markdown' });
    const lists = all(r.parts).filter((n) => n.type === 'list');
    // Three levels: "three" is a numbered list under "two"; "a" and "b" one numbered list after the bullets.
    expect(lists.map((l) => l.listType)).toEqual(['bullet', 'bullet', 'number', 'number']);
    expect(lists[3]!.children!.map((li) => li.children![0]!.text)).toEqual(['a', 'b']);
  });

  it('writes an item that opens with a nested list with its marker on a line of its own', () => {
    expect(docxHtmlToMarkdown('<ul><li><ol><li>first</li></ol></li></ul>')).toBe('-\n  1. first\n');
  });

  it('lifts lists nested past the depth limit into the deepest allowed level', () => {
    const html = `${'<ul><li>x'.repeat(12)}${'</li></ul>'.repeat(12)}`;
    const lines = docxHtmlToMarkdown(html).trimEnd().split('\n');
    expect(lines).toHaveLength(12);
    expect(Math.max(...lines.map((l) => l.length - l.trimStart().length))).toBe(2 * 8);
  });

  it('writes tables as pipe tables: a header row only when the document had one, cells on one line', () => {
    const md = docxHtmlToMarkdown(
      '<table><tr><td><p>a</p><p>b <strong>x</strong></p></td><td>c|d</td></tr><tr><td>1</td><td><ul><li>l1</li><li>l2</li></ul></td></tr></table>' +
        '<table><thead><tr><th>Country</th><th>Delegates</th></tr></thead><tbody><tr><td>Chile</td><td>3</td></tr></tbody></table>',
    );
    expect(md).toBe('| a b **x** | c\\|d |\n| 1 | l1 l2 |\n\n| Country | Delegates |\n| --- | --- |\n| Chile | 3 |\n');
    const r = importText(`# Report\n\n## Findings\n\n${md}`, { fileName: 'r.docx', format: 'markdown' });
    const tables = all(r.parts).filter((n) => n.type === 'table');
    expect(tables.map((t) => t.children!.length)).toEqual([2, 2]);
    expect(tables.map((t) => (t.children![0]!.children![0] as { headerState?: number }).headerState)).toEqual([0, 1]);
  });

  it('keeps links to addresses, not to places in the document; moves spaces out of bold; a break is a space', () => {
    const md = docxHtmlToMarkdown(
      '<h2><a id="_Toc1"></a>Findings</h2><p><strong>Ms. Ana </strong>Pérez spoke<br />at <a href="#_Toc1">the start</a>, see <a href="http://x.org/a b(c)">the <em>site</em></a> and 2*3.</p>',
    );
    expect(md).toBe(
      '## Findings\n\n**Ms. Ana** Pérez spoke at the start, see [the *site*](http://x.org/a%20b%28c%29) and 2\\*3.\n',
    );
  });

  it('keeps a superscript that is not a note reference marked, so a typed anchor still finds its note', () => {
    expect(docxHtmlToMarkdown('<p>Text<sup>4</sup> and 1<sup>st</sup></p>')).toBe(
      'Text<sup>4</sup> and 1<sup>st</sup>\n',
    );
  });

  it('drops images and strikethrough marks (the document has no node for them), keeping struck text', () => {
    expect(docxHtmlToMarkdown('<p>A <img src="data:image/png;base64,AAAA" /> <s>b</s> c</p>')).toBe('A b c\n');
  });

  it('reads a long document whole: 5,000 paragraphs and 500 notes, each note defined once', () => {
    const body = Array.from({ length: 5_000 }, (_, i) => `<p>Paragraph ${i}${i % 10 ? '' : NOTE_REF(i / 10)}</p>`);
    const notes = Array.from({ length: 500 }, (_, i) => NOTE_BODY(i, `Note ${i}`));
    const md = docxHtmlToMarkdown(`${body.join('')}<ol>${notes.join('')}</ol>`);
    expect(md.split('\n').filter((l) => l.startsWith('[^footnote-'))).toHaveLength(500);
    expect(md).toContain('Paragraph 4999\n');
    expect(md).toContain('[^footnote-499]: Note 499\n');
  });
});
