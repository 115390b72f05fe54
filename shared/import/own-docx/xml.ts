/**
 * A small reader for the XML parts of a .docx (WordprocessingML is well-formed and uses
 * no DTDs): elements with their attributes and children, text decoded. A scan, not a
 * regular expression over the whole text, so its time stays linear in the input.
 */
import { appError } from '../../i18n/app-error';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string): string =>
  s.includes('&')
    ? s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
        if (e[0] === '#') {
          const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
          return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
        }
        return ENTITIES[e] ?? m;
      })
    : s;

/** Deeper than any document Word writes; a hostile file stops here with a message, not a stack overflow. */
const MAX_DEPTH = 400;

export function parseXml(xml: string, partName: string): XmlElement {
  const root: XmlElement = { name: '#root', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const bad = (why: string): never => {
    throw appError('IMPORT_FAILED', 'import.docxPart', { part: partName, why });
  };
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      pushText(stack, xml.slice(i));
      break;
    }
    if (lt > i) pushText(stack, xml.slice(i, lt));
    if (xml.startsWith('<?', lt)) {
      i = endOf(xml, '?>', lt, bad);
      continue;
    }
    if (xml.startsWith('<!--', lt)) {
      i = endOf(xml, '-->', lt, bad);
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      if (end < 0) bad('a CDATA section does not end');
      stack[stack.length - 1]!.children.push(xml.slice(lt + 9, end));
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<!', lt)) {
      i = endOf(xml, '>', lt, bad);
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) bad('a tag does not end');
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag[0] === '/') {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (!open || open.name !== name || stack.length === 0) bad(`“</${name}>” closes nothing open`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const sp = body.search(/\s/);
    const name = sp < 0 ? body : body.slice(0, sp);
    const attrs: Record<string, string> = {};
    if (sp >= 0) readAttributes(body, sp, attrs);
    const el: XmlElement = { name, attrs, children: [] };
    stack[stack.length - 1]!.children.push(el);
    if (!selfClosing) {
      stack.push(el);
      if (stack.length > MAX_DEPTH) bad(`elements are nested more than ${MAX_DEPTH} deep`);
    }
  }
  if (stack.length !== 1) bad(`“<${stack[stack.length - 1]!.name}>” is not closed`);
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!top) bad('it holds no element');
  return top!;
}

/** name="value" pairs from `from` on, by a scan (a pattern for them backtracks quadratically on long runs without "="). */
function readAttributes(tag: string, from: number, attrs: Record<string, string>): void {
  let i = from;
  while (i < tag.length) {
    const eq = tag.indexOf('=', i);
    if (eq < 0) return;
    const name = tag.slice(i, eq).trim();
    let q = eq + 1;
    while (q < tag.length && (tag[q] === ' ' || tag[q] === '\t' || tag[q] === '\n' || tag[q] === '\r')) q++;
    const quote = tag[q];
    if (quote !== '"' && quote !== "'") return;
    const end = tag.indexOf(quote, q + 1);
    if (end < 0) return;
    if (name) attrs[name] = decode(tag.slice(q + 1, end));
    i = end + 1;
  }
}

function pushText(stack: XmlElement[], raw: string): void {
  if (stack.length > 1) stack[stack.length - 1]!.children.push(decode(raw));
}

function endOf(xml: string, close: string, from: number, bad: (why: string) => never): number {
  const end = xml.indexOf(close, from);
  if (end < 0) bad('a declaration or comment does not end');
  return end + close.length;
}

// ---- reading ------------------------------------------------------------------------

export const elements = (el: XmlElement): XmlElement[] =>
  el.children.filter((c): c is XmlElement => typeof c !== 'string');
export const child = (el: XmlElement | undefined, name: string): XmlElement | undefined =>
  el ? elements(el).find((c) => c.name === name) : undefined;
export const childrenNamed = (el: XmlElement | undefined, name: string): XmlElement[] =>
  el ? elements(el).filter((c) => c.name === name) : [];
export const attr = (el: XmlElement | undefined, name: string): string | undefined => el?.attrs[name];
/** The w:val of a child (w:pStyle, w:numId…). */
export const val = (el: XmlElement | undefined, name: string): string | undefined => attr(child(el, name), 'w:val');

/** Every descendant of that name, in document order. */
export function descendants(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of elements(el)) {
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

/** A WordprocessingML on/off property (<w:b/>, <w:b w:val="false"/>): absent = undefined. */
export function onOff(el: XmlElement | undefined, name: string): boolean | undefined {
  const c = child(el, name);
  if (!c) return undefined;
  const v = c.attrs['w:val'];
  return !(v === 'false' || v === '0' || v === 'off');
}
