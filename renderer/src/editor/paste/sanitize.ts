import DOMPurify from 'dompurify';
import { isAllowedLinkUrl } from '../../../../shared/import/links';

/** Elements a report can hold; everything else is unwrapped or dropped by DOMPurify. */
const ALLOWED_TAGS = [
  'p',
  'br',
  'b',
  'strong',
  'i',
  'em',
  'u',
  'sup',
  'sub',
  's',
  'a',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'span',
  'div',
  'img',
  'hr',
  'caption',
  'colgroup',
  'col',
];
/** `style` and `class` are kept only long enough to read Word's list levels and bold/italic spans. */
const ALLOWED_ATTR = [
  'href',
  'colspan',
  'rowspan',
  'style',
  'class',
  'name',
  'id',
  'start',
  'type',
  'value',
  'src',
  'alt',
  'title',
  'aria-level',
];
/** Links to web pages and e-mail (the one policy of shared/import/links.ts), and the clipboard's own #anchors (footnote pairs). */
const safeHref = (href: string) => isAllowedLinkUrl(href) || href.trim().startsWith('#');

let hooked = false;
function installHooks() {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    const href = el.getAttribute?.('href');
    if (href !== null && href !== undefined && !safeHref(href)) el.removeAttribute('href');
    // No remote resources: only pictures embedded in the clipboard itself.
    const src = el.getAttribute?.('src');
    if (src !== null && src !== undefined && !/^data:image\//i.test(src.trim())) el.removeAttribute('src');
    const style = el.getAttribute?.('style');
    if (style && /url\s*\(|expression\s*\(|@import/i.test(style)) el.removeAttribute('style');
  });
}

/**
 * Clipboard HTML made inert: no scripts, no event handlers, no `javascript:` links, no
 * remote resources. Word's list markers live in conditional comments and `mso-list`
 * styles, which survive this step on purpose (comments go, their text stays).
 */
export function sanitizeClipboardHtml(html: string): Document {
  installHooks();
  const body = DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    WHOLE_DOCUMENT: false,
    RETURN_DOM: true,
    KEEP_CONTENT: true,
    FORBID_TAGS: [
      'style',
      'script',
      'template',
      'iframe',
      'object',
      'embed',
      'svg',
      'math',
      'form',
      'link',
      'meta',
      'base',
    ],
  }) as HTMLElement;
  const doc = document.implementation.createHTMLDocument('');
  doc.body.append(...Array.from(body.childNodes).map((n) => doc.importNode(n, true)));
  return doc;
}
