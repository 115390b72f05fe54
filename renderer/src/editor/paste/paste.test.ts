// @vitest-environment jsdom
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  type RangeSelection,
  type SerializedLexicalNode,
} from 'lexical';
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { editorNodes } from '../nodes';
import { prepareEditor } from '../setup';
import { classifyMarker } from './word-lists';
import { cleanClipboardHtml } from './clean-html';
import { $nodesFromCleanDocument } from './import';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

type J = SerializedLexicalNode & { children?: J[]; $?: Record<string, unknown>; [k: string]: unknown };

/** Pastes a clipboard fixture into an empty headless editor and returns the document's JSON. */
function paste(name: string): J[] {
  return pasteHtml(fixture(name));
}

function pasteHtml(html: string): J[] {
  const editor = createHeadlessEditor({
    namespace: 't',
    nodes: editorNodes,
    onError: (e) => {
      throw e;
    },
  });
  prepareEditor(editor);
  const doc = cleanClipboardHtml(html);
  // As PastePlugin does: generated nodes inserted at the caret of an empty part.
  editor.update(
    () => {
      const p = $createParagraphNode();
      $getRoot().clear().append(p);
      p.select();
      $insertGeneratedNodes(editor, $nodesFromCleanDocument(editor, doc), $getSelection() as RangeSelection);
    },
    { discrete: true },
  );
  return (editor.getEditorState().toJSON().root as unknown as J).children!;
}

const all = (nodes: J[]): J[] => nodes.flatMap((n) => [n, ...all(n.children ?? [])]);
const text = (n: J): string => (n.type === 'text' ? String(n.text) : (n.children ?? []).map(text).join(''));

describe('paste from Word', () => {
  const out = paste('word-list-table.html');

  it('makes the mso-list paragraphs a three-level numbered list with the markers’ formats', () => {
    const top = out.find((n) => n.type === 'list')!;
    expect(top).toMatchObject({ listType: 'number', $: { numberFormat: 'decimal' } });
    const lists = all([top]).filter((n) => n.type === 'list');
    expect(lists.map((l) => l.$?.numberFormat)).toEqual(['decimal', 'lower-alpha-paren', 'lower-roman']);
    const items = all([top]).filter((n) => n.type === 'listitem' && !(n.children ?? []).some((c) => c.type === 'list'));
    expect(items.map(text)).toEqual([
      'Protection of migrant workers',
      'Ratify the International Convention',
      'within two years',
      'with a national plan',
      'Train consular officials',
      'Data and statistics',
    ]);
    expect(items.map((i) => i.indent)).toEqual([0, 1, 2, 2, 1, 0]);
    // No marker text survives ("1.", "(a)", "i.").
    expect(items.map(text).join(' ')).not.toMatch(/\(a\)|\bi\.|1\./);
  });

  it('keeps the table, its rows and cells', () => {
    const table = out.find((n) => n.type === 'table')!;
    expect(table.children!.length).toBe(3);
    expect(table.children!.map((r) => r.children!.map(text))).toEqual([
      ['Country', 'Arrivals'],
      ['Chile', '1 204'],
      ['Peru', '980'],
    ]);
  });

  it('turns the footnote reference into a footnote carrying the note, and drops the notes at the end', () => {
    const notes = all(out).filter((n) => n.type === 'footnote');
    expect(notes).toEqual([expect.objectContaining({ text: 'Adopted by consensus on 21 November 2002.' })]);
    expect(out.map(text).join('\n')).not.toContain('[1]');
    expect(out.map(text).join('\n')).not.toContain('Adopted by consensus');
  });

  it('reduces formatting to the report’s own: bold and italic stay, fonts and colours go', () => {
    const texts = all(out).filter((n) => n.type === 'text');
    expect(texts.every((t) => t.style === '')).toBe(true);
    expect(texts.find((t) => t.text === 'Recommendations of the working group')!.format).toBe(1);
    expect(texts.find((t) => t.text === 'International Convention')!.format).toBe(2);
    expect(all(out).every((n) => !n.format || typeof n.format === 'number' || n.format === '')).toBe(true);
  });
});

describe('paste from Google Docs and LibreOffice', () => {
  it('Google Docs: a nested list with formats, and its footnote', () => {
    const out = paste('google-docs.html');
    const lists = all(out).filter((n) => n.type === 'list');
    expect(lists.map((l) => l.$?.numberFormat)).toEqual(['decimal', 'lower-alpha']);
    expect(
      all(out)
        .filter((n) => n.type === 'footnote')
        .map((n) => n.text),
    ).toEqual(['World Bank data, 2008.']);
  });

  it('LibreOffice: typed lists and sdfootnote notes', () => {
    const out = paste('libreoffice.html');
    const lists = all(out).filter((n) => n.type === 'list');
    expect(lists.map((l) => l.$?.numberFormat)).toEqual(['upper-roman', 'lower-alpha']);
    expect(
      all(out)
        .filter((n) => n.type === 'footnote')
        .map((n) => n.text),
    ).toEqual(['Statement of the Chair.']);
    expect(out.map(text).join(' ')).not.toContain('Statement of the Chair');
  });
});

describe('hostile clipboard', () => {
  it('leaves nothing executable and nothing remote in the cleaned HTML', () => {
    const html = cleanClipboardHtml(fixture('hostile.html')).body.innerHTML;
    expect(html).not.toMatch(/<script|<iframe|<object|<embed|<svg|<math|<form|<input|<link|<base/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/evil\.example/);
    expect(html).toContain('https://example.org/ok');
  });

  it('pastes only text, safe links and formatting', () => {
    const out = paste('hostile.html');
    const links = all(out).filter((n) => n.type === 'link');
    expect(links.map((l) => l.url)).toEqual(['https://example.org/ok']);
    expect(JSON.stringify(out)).not.toMatch(/javascript:|evil\.example|pwned/i);
    expect(out.map(text).join(' ')).toContain('Last line');
  });
});

describe('list markers', () => {
  it.each([
    ['1.', 'decimal', 1],
    ['3)', 'decimal-paren', 3],
    ['(a)', 'lower-alpha-paren', 1],
    ['c.', 'lower-alpha', 3],
    ['iv.', 'lower-roman', 4],
    ['(ii)', 'lower-roman-paren', 2],
    ['XII.', 'upper-roman', 12],
    ['B.', 'upper-alpha', 2],
  ] as const)('%s is %s %i', (marker, format, value) => {
    expect(classifyMarker(marker)).toEqual({ ordered: true, format, value });
  });
  it('bullets are not numbers', () => {
    expect(classifyMarker('·').ordered).toBe(false);
    expect(classifyMarker('o').ordered).toBe(false);
  });
});

describe('links on paste (issue 17.7)', () => {
  it('keeps http, https and mailto links; refuses data:, vbscript:, file: and other schemes, keeping their text', () => {
    const out = pasteHtml(
      [
        '<p><a href="http://example.org/a">web</a> <a href="https://example.org/b">secure</a> <a href="mailto:sec@example.org">mail</a>',
        ' <a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">data</a> <a href="vbscript:msgbox(1)">vb</a>',
        ' <a href="file:///etc/passwd">local</a> <a href="\u0001javascript:alert(1)">hidden</a> <a href="ms-word:ofe|u|x">app</a></p>',
      ].join(''),
    );
    expect(
      all(out)
        .filter((n) => n.type === 'link')
        .map((l) => l.url),
    ).toEqual(['http://example.org/a', 'https://example.org/b', 'mailto:sec@example.org']);
    expect(out.map(text).join(' ')).toBe('web secure mail data vb local hidden app');
  });
});
