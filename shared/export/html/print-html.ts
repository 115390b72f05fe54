/**
 * Proceedings model → print HTML (one self-contained string, inline CSS), laid out
 * into pages by paged.js inside Chromium. Pure string generation.
 */
import type { Block, Cover, HeadingBlock, Inline, ListBlock, NoteRef, ParaBlock, Proceedings, QuoteBlock, TableBlock, TextRun } from '../../compile/model';
import { pagedRuntime } from './paged-runtime';
import { printCss } from './print-css';

export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Neutralises a closing tag inside an inline script. */
const scriptSafe = (js: string): string => js.replace(/<\/script/gi, '<\\/script');

export interface PrintHtmlOptions {
  /** paged.js (node_modules/pagedjs/dist/paged.polyfill.js), inlined. Without it the HTML is plain. */
  pagedScript?: string;
  /** Electron's hidden window: animation frames become timers. */
  timersForFrames?: boolean;
}

class HtmlWriter {
  private readonly endnotes: NoteRef[] = [];
  constructor(private readonly proc: Proceedings) {}

  private text(r: TextRun): string {
    let h = esc(r.text);
    if (r.sup) h = `<sup>${h}</sup>`;
    if (r.sub) h = `<sub>${h}</sub>`;
    if (r.strike) h = `<s>${h}</s>`;
    if (r.underline) h = `<u>${h}</u>`;
    if (r.italic) h = `<em>${h}</em>`;
    if (r.bold) h = `<strong>${h}</strong>`;
    if (r.charStyle) h = `<span class="${r.charStyle}">${h}</span>`;
    return h;
  }

  inline(content: Inline[]): string {
    return content.map((r) => {
      switch (r.kind) {
        case 'text': return this.text(r);
        case 'break': return '<br>';
        case 'note':
          if (this.proc.noteMode === 'endnotes') {
            this.endnotes.push(r);
            return `<a class="endnote-ref" id="enref-${r.id}" href="#en-${r.id}">${esc(r.label)}</a>`;
          }
          return `<span class="footnote" data-label="${esc(r.label)}">${esc(r.text)}</span>`;
        case 'link': {
          const inner = r.children.map((c) => this.text(c)).join('');
          if (r.url.startsWith('#')) return `<a href="${esc(r.url)}">${inner}</a>`;
          if (/^(https?|mailto):/i.test(r.url)) return `<a class="external" href="${esc(r.url)}">${inner}</a>`;
          return inner;
        }
      }
    }).join('');
  }

  /**
   * Headings are kept with what follows (paged.js does not honour break-after: avoid):
   * a run of headings and the first short block after them go in one unbreakable box.
   */
  blocks(blocks: Block[]): string {
    const out: string[] = [];
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (b.kind !== 'heading') { out.push(this.block(b)); continue; }
      let j = i;
      while (j + 1 < blocks.length && blocks[j + 1]!.kind === 'heading' && !(blocks[j + 1] as HeadingBlock).newPage) j++;
      const next = blocks[j + 1];
      const keep = next && (next.kind === 'para' || next.kind === 'quote' || next.kind === 'figure') ? next : undefined;
      const run = blocks.slice(i, j + 1 + (keep ? 1 : 0));
      const cls = b.newPage ? 'keep-with-next new-page' : 'keep-with-next';
      out.push(`<div class="${cls}">${run.map((x) => this.block(x)).join('\n')}</div>`);
      i = j + (keep ? 1 : 0);
    }
    return out.join('\n');
  }

  private block(b: Block): string {
    switch (b.kind) {
      case 'heading': return this.heading(b);
      case 'para': return this.para(b);
      case 'list': return this.list(b);
      case 'table': return this.table(b);
      case 'quote': return this.quote(b);
      case 'page-break': return '<div class="page-break"></div>';
      case 'figure': {
        const img = /^data:image\/(png|jpeg|jpg|gif|svg\+xml|webp);base64,/.test(b.src) ? `<img src="${esc(b.src)}" alt="${esc(b.alt || b.caption)}">` : '';
        return `<figure><figcaption>Figure ${b.number}${b.caption ? `<br>${esc(b.caption)}` : ''}</figcaption>${img}${b.source ? `<p class="source"><em>Source:</em> ${esc(b.source)}</p>` : ''}</figure>`;
      }
      case 'toc': {
        const items = b.entries.map((e) => `<li class="toc-l${Math.min(3, e.level)}"><a href="#${esc(e.anchor)}"><span class="t">${e.label ? `${esc(e.label)} ` : ''}${esc(e.title)}</span><span class="dots"></span></a></li>`).join('\n');
        return `<nav class="toc" aria-label="${esc(b.title)}"><h1 class="toc-title" id="contents">${esc(b.title)}</h1><ol>\n${items}\n</ol></nav>`;
      }
    }
  }

  private heading(h: HeadingBlock): string {
    const tag = `h${Math.min(6, h.level)}`;
    const cls = h.newPage ? ' class="new-page"' : '';
    return `<${tag} id="${esc(h.anchor)}"${cls}>${h.label ? `<span class="label">${esc(h.label)}</span> ` : ''}${this.inline(h.text)}</${tag}>`;
  }

  private para(p: ParaBlock): string {
    if (p.number !== undefined) return `<p class="numbered"><span class="pnum">${p.number}.</span>${this.inline(p.content)}</p>`;
    const lettered = p.style === 'presentation' || p.style === 'commentator';
    const content = lettered && p.content[0]?.kind === 'text' && p.content[0].charStyle === 'block-label'
      ? `<span class="block-label">${esc(p.content[0].text.trim())}</span>${this.inline(p.content.slice(1))}`
      : this.inline(p.content);
    return `<p class="${p.style}">${content}</p>`;
  }

  private list(l: ListBlock): string {
    const tag = l.ordered ? 'ol' : 'ul';
    const items = l.items.map((it) => `<li><span class="li-label">${esc(it.label)}</span><div class="li-body">${this.blocks(it.blocks)}</div></li>`).join('\n');
    return `<${tag} class="list ${l.role}${l.depth === 0 ? ' list-d0' : ''}">\n${items}\n</${tag}>`;
  }

  private table(t: TableBlock): string {
    const total = t.widths.reduce((a, w) => a + w, 0) || 1;
    const cols = t.widths.map((w) => `<col style="width:${((w / total) * 100).toFixed(2)}%">`).join('');
    const row = (r: TableBlock['rows'][number], header: boolean) => `<tr${r.group ? ' class="group"' : ''}>${r.cells.map((c) => {
      const tag = header ? 'th' : 'td';
      const span = `${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}`;
      return `<${tag}${span}${header ? ' scope="col"' : ''}>${this.blocks(c.blocks)}</${tag}>`;
    }).join('')}</tr>`;
    const head = t.rows.filter((r) => r.header);
    const body = t.rows.filter((r) => !r.header);
    return `<table class="table-${t.role}"><colgroup>${cols}</colgroup>${head.length ? `<thead>${head.map((r) => row(r, true)).join('')}</thead>` : ''}<tbody>${body.map((r) => row(r, false)).join('\n')}</tbody></table>`;
  }

  private quote(q: QuoteBlock): string {
    return `<blockquote class="${q.variant}">${q.lead ? `<p class="lead">${esc(q.lead)}</p>` : ''}${this.blocks(q.blocks)}${q.attribution ? `<p class="attribution">— ${esc(q.attribution)}</p>` : ''}</blockquote>`;
  }

  endnotesSection(): string {
    if (!this.endnotes.length) return '';
    const items = this.endnotes.map((n) => `<li id="en-${n.id}"><a href="#enref-${n.id}">${esc(n.label)}</a>. ${esc(n.text)}</li>`).join('\n');
    return `<section class="endnotes"><h1 class="new-page" id="endnotes">Notes</h1><ol class="list">\n${items}\n</ol></section>`;
  }
}

function coverHtml(c: Cover): string {
  const issue = [c.symbol ? `<div class="symbol">${esc(c.symbol)}</div>` : '', ...[c.distribution, c.date, c.original].filter(Boolean).map((l) => `<div>${esc(l)}</div>`)].join('');
  return `<section class="cover">
<header class="masthead"><div class="bodies">${c.issuingBodies.map((b) => `<div>${esc(b)}</div>`).join('')}</div><div class="issue">${issue}</div></header>
${c.series ? `<p class="series">${esc(c.series)}</p>` : '<p class="series"></p>'}
<p class="title">${esc(c.title)}</p>
${c.subtitle ? `<p class="subtitle">${esc(c.subtitle)}</p>` : ''}
${c.placeAndDates ? `<p class="place">${esc(c.placeAndDates)}</p>` : ''}
${c.organisers.length ? `<p class="organisers">Organized by ${esc(c.organisers.join(', '))}</p>` : ''}
</section>`;
}

/** The whole print document. */
export function printHtml(proc: Proceedings, opts: PrintHtmlOptions = {}): string {
  const w = new HtmlWriter(proc);
  const sections = proc.sections.map((s) => `<section class="${s.orientation}">\n${w.blocks(s.blocks)}\n</section>`).join('\n');
  const [landscapeWidth, landscapeHeight] = proc.style.pageSize === 'Letter' ? ['11in', '8.5in'] : ['297mm', '210mm'];
  const landscapeSize = `${landscapeWidth} ${landscapeHeight}`;
  const scripts = opts.pagedScript
    ? `<script>window.PagedConfig = { auto: false };</script>
<script>${scriptSafe(opts.pagedScript)}</script>
<script>${scriptSafe(pagedRuntime({ timersForFrames: Boolean(opts.timersForFrames), landscapeSize, landscapeWidth, landscapeHeight }))}</script>`
    : '';
  return `<!DOCTYPE html>
<html lang="${esc(proc.language)}">
<head>
<meta charset="utf-8">
<title>${esc(proc.cover.title)}</title>
<meta name="description" content="${esc([proc.cover.symbol, proc.cover.subtitle].filter(Boolean).join(' — '))}">
<style>${printCss(proc)}</style>
${scripts}
</head>
<body>
${coverHtml(proc.cover)}
${sections}
${w.endnotesSection()}
</body>
</html>
`;
}
