import type { Proceedings } from '../../compile/model';

/** A CSS string literal. */
export const cssString = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;

const family = (name: string, generic: 'serif' | 'sans-serif'): string => {
  // Debian's Liberation fonts are metric-compatible stand-ins for the Microsoft fonts templates name.
  const fallback = generic === 'serif' ? '"Liberation Serif", "DejaVu Serif"' : '"Liberation Sans", "DejaVu Sans"';
  return `${cssString(name)}, ${fallback}, ${generic}`;
};

/**
 * The print style sheet, read by paged.js (margin boxes, footnotes, target-counter)
 * and by Chromium. House style from the template.
 */
export function printCss(proc: Proceedings): string {
  const s = proc.style;
  const size = s.pageSize === 'Letter' ? 'letter' : 'A4';
  const landscapeSize = s.pageSize === 'Letter' ? 'letter landscape' : 'A4 landscape';
  const hs = (i: number) => s.headingSizesPt[Math.min(i, s.headingSizesPt.length - 1)] ?? s.bodySizePt;
  return `
@page {
  size: ${size};
  margin: 22mm 20mm 22mm 20mm;
  @top-right { content: ${cssString(proc.runningHeader)}; font-family: ${family(s.headingFont, 'sans-serif')}; font-size: 9pt; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-family: ${family(s.bodyFont, 'serif')}; font-size: 9pt; }
  @footnote { border-top: 0.5pt solid #000; padding-top: 2pt; margin-top: 6pt; }
}
@page :first {
  @top-right { content: none; }
  @bottom-center { content: none; }
}
@page landscape { size: ${landscapeSize}; margin: 20mm 22mm 20mm 22mm; }
section.landscape { page: landscape; }

html { font-family: ${family(s.bodyFont, 'serif')}; font-size: ${s.bodySizePt}pt; line-height: ${s.lineSpacing}; color: #000; }
body { margin: 0; }
p { margin: 0 0 ${s.paragraphSpacingPt}pt 0; orphans: 2; widows: 2; }
h1, h2, h3, h4, h5, h6 { font-family: ${family(s.headingFont, 'sans-serif')}; break-after: avoid; break-inside: avoid; margin: 14pt 0 6pt 0; line-height: 1.2; }
h1 { font-size: ${hs(0)}pt; } h2 { font-size: ${hs(1)}pt; } h3 { font-size: ${hs(2)}pt; }
h4 { font-size: ${hs(3)}pt; font-style: italic; } h5, h6 { font-size: ${s.bodySizePt}pt; font-style: italic; font-weight: normal; }
h1.new-page, .new-page, nav.toc + * { break-before: page; }
.keep-with-next { break-inside: avoid; }
.keep-with-next > h1.new-page { break-before: auto; }
.label { margin-right: 0.4em; }
a { color: inherit; text-decoration: none; }
a.external { color: #0645ad; text-decoration: underline; }

/* cover and masthead */
section.cover { break-after: page; }
.masthead { display: flex; justify-content: space-between; border-bottom: 1.5pt solid #000; padding-bottom: 6pt; font-family: ${family(s.headingFont, 'sans-serif')}; font-size: 10pt; }
.masthead .bodies div { font-weight: bold; }
.masthead .issue { text-align: right; }
.masthead .symbol { font-size: 14pt; font-weight: bold; margin-bottom: 3pt; }
.cover .series { text-align: center; font-style: italic; margin-top: 40mm; }
.cover .title { text-align: center; font-family: ${family(s.headingFont, 'sans-serif')}; font-size: 20pt; font-weight: bold; margin: 12pt 0; }
.cover .subtitle { text-align: center; font-family: ${family(s.headingFont, 'sans-serif')}; font-size: 14pt; margin-bottom: 12pt; }
.cover .place, .cover .organisers { text-align: center; }
.cover .organisers { margin-top: 24pt; }

/* contents */
nav.toc h1.toc-title { margin-top: 0; }
nav.toc ol { list-style: none; margin: 0; padding: 0; }
nav.toc li { margin: 0 0 3pt 0; }
nav.toc li a { display: flex; align-items: baseline; }
nav.toc li a .dots { flex: 1; border-bottom: 1pt dotted #666; margin: 0 4pt; }
nav.toc li a::after { content: target-counter(attr(href), page); }
nav.toc .toc-l1 { font-weight: bold; margin-top: 6pt; }
nav.toc .toc-l2 { padding-left: 8mm; }
nav.toc .toc-l3 { padding-left: 16mm; }

/* element kinds */
p.body { text-align: justify; }
p.numbered { padding-left: 10mm; text-indent: -10mm; text-align: justify; }
p.numbered .pnum { display: inline-block; width: 10mm; text-indent: 0; }
p.presentation, p.commentator { padding-left: 10mm; text-indent: -10mm; }
p.presentation { margin-top: 10pt; break-after: avoid; }
p.presentation .block-label, p.commentator .block-label { display: inline-block; width: 10mm; text-indent: 0; }
p.moderator { margin-bottom: 10pt; }
blockquote { margin: 6pt 15mm; }
blockquote.epigraph { margin-left: 40mm; text-align: right; font-style: italic; }
blockquote.epigraph .attribution { font-style: normal; font-size: 0.92em; }
blockquote.quote { font-style: italic; }
blockquote.statement .lead { font-weight: bold; font-style: normal; }
ol.list, ul.list { list-style: none; margin: 0 0 ${s.paragraphSpacingPt}pt 0; padding: 0; }
ol.list > li, ul.list > li { display: flex; margin-bottom: 3pt; }
.li-label { flex: 0 0 10mm; }
.li-body { flex: 1; min-width: 0; }
.li-body > p { margin-bottom: 3pt; }
.list-d0 { padding-left: 10mm !important; }
.recommendations .li-body { font-style: italic; }
figure { margin: 10pt 0; break-inside: avoid; text-align: center; }
figure figcaption { font-weight: bold; font-size: 0.92em; margin-bottom: 4pt; }
figure img { max-width: 80%; max-height: 90mm; min-width: 20mm; }
figure .source { text-align: left; font-size: 0.85em; margin-top: 4pt; }
.page-break { break-after: page; }
.run-in-label { font-weight: bold; }

/* tables */
table { width: 100%; border-collapse: collapse; margin: 6pt 0 ${s.paragraphSpacingPt + 4}pt 0; font-size: ${Math.max(7, s.bodySizePt - 1)}pt; line-height: 1.2; }
th, td { border: 0.5pt solid #808080; padding: 2pt 4pt; vertical-align: top; text-align: left; }
thead th, thead td { background: #d9d9d9; font-weight: bold; }
thead { display: table-header-group; break-inside: avoid; break-after: avoid; }
tr { break-inside: avoid; }
tr.group td { background: #f2f2f2; }
td p, th p { margin: 0 0 2pt 0; text-align: left; }

/* notes */
.footnote { float: footnote; font-size: ${Math.max(7, s.bodySizePt - 2)}pt; line-height: 1.2; text-align: left; font-style: normal; font-weight: normal; }
::footnote-call { font-size: 0.65em; vertical-align: super; line-height: 0; }
::footnote-marker { font-size: 1em; }
[data-footnote-call][data-label]::after { content: attr(data-label); }
[data-footnote-marker][data-label]::marker { content: attr(data-label) ". "; }
.endnote-ref { font-size: 0.65em; vertical-align: super; line-height: 0; }
section.endnotes li { font-size: ${Math.max(7, s.bodySizePt - 1)}pt; }
${proc.watermark ? `
.pagedjs_page .pagedjs_area::before { content: "DRAFT"; position: absolute; left: 0; right: 0; top: 40%; text-align: center;
  font-family: ${family(s.headingFont, 'sans-serif')}; font-size: 110pt; font-weight: bold; color: rgba(0,0,0,0.07); transform: rotate(-45deg); z-index: 0; pointer-events: none; }
.pagedjs_area { position: relative; }` : ''}
`;
}
