import type { NumberFormat } from '../../../../shared/model/doc-nodes';
import { extractFootnotes } from './footnotes';
import { sanitizeClipboardHtml } from './sanitize';
import { rebuildWordLists } from './word-lists';

const TYPE_ATTR: Record<string, NumberFormat> = {
  '1': 'decimal',
  a: 'lower-alpha',
  A: 'upper-alpha',
  i: 'lower-roman',
  I: 'upper-roman',
};
const CSS_TYPE: Record<string, NumberFormat> = {
  decimal: 'decimal',
  'lower-alpha': 'lower-alpha',
  'lower-latin': 'lower-alpha',
  'upper-alpha': 'upper-alpha',
  'upper-latin': 'upper-alpha',
  'lower-roman': 'lower-roman',
  'upper-roman': 'upper-roman',
};

/**
 * Clipboard HTML from Word, LibreOffice or Google Docs → a safe document in the shapes
 * Lexical imports: real nested lists carrying their number format (data-format),
 * tables, footnotes as <span data-footnote>. Formatting beyond the report's own is
 * removed later, on the nodes (editor/paste/import.ts).
 */
export function cleanClipboardHtml(html: string): Document {
  const doc = sanitizeClipboardHtml(html);
  rebuildWordLists(doc);
  normalizeLists(doc);
  extractFootnotes(doc);
  // Word's empty spacer paragraphs and rules between notes carry nothing.
  for (const hr of Array.from(doc.body.querySelectorAll('hr'))) hr.remove();
  // Links left without a safe address, and bookmarks inside the source document, keep only their text.
  for (const a of Array.from(doc.body.querySelectorAll('a'))) {
    const href = a.getAttribute('href') ?? '';
    if (!href || href.startsWith('#')) a.replaceWith(...Array.from(a.childNodes));
  }
  return doc;
}

function normalizeLists(doc: Document) {
  // Google Docs nests a list directly in its parent list; Lexical expects it inside an item.
  for (const inner of Array.from(doc.body.querySelectorAll('ol > ol, ol > ul, ul > ol, ul > ul'))) {
    const prev = inner.previousElementSibling;
    if (prev && prev.tagName === 'LI') prev.append(inner);
    else {
      const li = doc.createElement('li');
      inner.replaceWith(li);
      li.append(inner);
    }
  }
  for (const list of Array.from(doc.body.querySelectorAll('ol'))) {
    if (list.hasAttribute('data-format')) continue;
    const type = list.getAttribute('type');
    const css =
      (list.getAttribute('style') ?? '').match(/list-style-type\s*:\s*([a-z-]+)/i)?.[1] ??
      (list.firstElementChild?.getAttribute('style') ?? '').match(/list-style-type\s*:\s*([a-z-]+)/i)?.[1];
    const format = (type && TYPE_ATTR[type]) || (css && CSS_TYPE[css.toLowerCase()]);
    if (format) list.setAttribute('data-format', format);
  }
}
