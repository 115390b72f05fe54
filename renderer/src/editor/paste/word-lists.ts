import type { NumberFormat } from '../../../../shared/model/doc-nodes';

/**
 * Word puts lists on the clipboard as paragraphs with `mso-list:l0 level2 lfo1` and a
 * typed marker ("1.", "(a)", "i.", "·") instead of <ol>/<li>. We rebuild real nested
 * lists from them, with each level's number format read from its first marker.
 */
export function rebuildWordLists(doc: Document): void {
  const paras = Array.from(doc.body.querySelectorAll('p')).filter(isWordListParagraph);
  const done = new Set<Element>();
  for (const first of paras) {
    if (done.has(first)) continue;
    // A run of consecutive list paragraphs (siblings) becomes one list tree.
    const run: HTMLElement[] = [];
    let el: Element | null = first;
    while (el && el.tagName === 'P' && isWordListParagraph(el as HTMLElement)) {
      run.push(el as HTMLElement);
      done.add(el);
      el = nextElement(el);
    }
    first.replaceWith(buildTree(doc, run));
    for (const p of run.slice(1)) p.remove();
  }
}

function nextElement(el: Element): Element | null {
  let n = el.nextSibling;
  // Word leaves whitespace text between paragraphs.
  while (n && n.nodeType === 3 && !(n.textContent ?? '').trim()) n = n.nextSibling;
  return n && n.nodeType === 1 ? (n as Element) : null;
}

function isWordListParagraph(p: HTMLElement): boolean {
  return (
    /mso-list\s*:\s*l\d+\s+level\d+/i.test(p.getAttribute('style') ?? '') || /^MsoListParagraph/i.test(p.className)
  );
}

function levelOf(p: HTMLElement): number {
  const m = (p.getAttribute('style') ?? '').match(/level(\d+)/i);
  return m ? Math.max(1, Math.min(9, Number(m[1]))) : 1;
}

/** The marker span Word wraps in <!--[if !supportLists]-->: style "mso-list:Ignore". */
function takeMarker(p: HTMLElement): string {
  const ignore = Array.from(p.querySelectorAll('span')).find((s) =>
    /mso-list\s*:\s*ignore/i.test(s.getAttribute('style') ?? ''),
  );
  if (!ignore) return '';
  const marker = (ignore.textContent ?? '').replace(/\u00a0/g, ' ').trim();
  // Remove the wrapper spans that only held the marker.
  let outer: Element = ignore;
  while (
    outer.parentElement &&
    outer.parentElement !== p &&
    outer.parentElement.tagName === 'SPAN' &&
    (outer.parentElement.textContent ?? '').trim() === (ignore.textContent ?? '').trim()
  )
    outer = outer.parentElement;
  outer.remove();
  return marker;
}

export interface MarkerInfo {
  ordered: boolean;
  format?: NumberFormat;
  value?: number;
}

/** "1." → decimal 1; "(a)" → lower-alpha-paren 1; "iv." → lower-roman 4; "·", "o", "§" → bullet. */
export function classifyMarker(marker: string): MarkerInfo {
  const m = marker.trim();
  let r: RegExpMatchArray | null;
  if ((r = m.match(/^(\d+)\.?$/))) return { ordered: true, format: 'decimal', value: Number(r[1]) };
  if ((r = m.match(/^(\d+)\)$/))) return { ordered: true, format: 'decimal-paren', value: Number(r[1]) };
  if ((r = m.match(/^\(([ivxlc]+)\)$/))) return { ordered: true, format: 'lower-roman-paren', value: roman(r[1]!) };
  if ((r = m.match(/^([ivxlc]+)[.)]$/)) && (r[1]!.length > 1 || r[1] === 'i'))
    return { ordered: true, format: 'lower-roman', value: roman(r[1]!) };
  if ((r = m.match(/^([IVXLC]+)[.)]$/)) && (r[1]!.length > 1 || r[1] === 'I'))
    return { ordered: true, format: 'upper-roman', value: roman(r[1]!) };
  if ((r = m.match(/^\(([a-z])\)$/)))
    return { ordered: true, format: 'lower-alpha-paren', value: r[1]!.charCodeAt(0) - 96 };
  if ((r = m.match(/^([a-z])[.)]$/))) return { ordered: true, format: 'lower-alpha', value: r[1]!.charCodeAt(0) - 96 };
  if ((r = m.match(/^([A-Z])[.)]$/))) return { ordered: true, format: 'upper-alpha', value: r[1]!.charCodeAt(0) - 64 };
  return { ordered: false };
}

function roman(s: string): number {
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
  let n = 0;
  const t = s.toLowerCase();
  for (let i = 0; i < t.length; i++) {
    const a = v[t[i]!]!,
      b = v[t[i + 1]!] ?? 0;
    n += a < b ? -a : a;
  }
  return n;
}

function buildTree(doc: Document, run: HTMLElement[]): HTMLElement {
  // stack[i] = the list element at level i+1
  const stack: HTMLElement[] = [];
  let root: HTMLElement | null = null;
  for (const p of run) {
    const level = levelOf(p);
    const info = classifyMarker(takeMarker(p));
    while (stack.length > level) stack.pop();
    while (stack.length < level) {
      const list = doc.createElement(info.ordered ? 'ol' : 'ul');
      if (info.format) list.setAttribute('data-format', info.format);
      if (info.ordered && info.value && info.value !== 1) list.setAttribute('start', String(info.value));
      if (!root) root = list;
      else {
        const parent = stack[stack.length - 1]!;
        // A deeper level lives inside the last item of its parent list.
        let host = parent.lastElementChild as HTMLElement | null;
        if (!host) {
          host = doc.createElement('li');
          parent.append(host);
        }
        host.append(list);
      }
      stack.push(list);
    }
    const li = doc.createElement('li');
    li.append(...Array.from(p.childNodes));
    stack[stack.length - 1]!.append(li);
  }
  return root!;
}
