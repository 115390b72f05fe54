/**
 * The outline of an annual activity report from its paragraphs: the title block, the report's
 * sections (upper roman, I.–VI.), the implementing bodies (A.–H.) inside the section whose
 * template section has instances of its own, and their offices (E.1, F.2); each part's body is
 * read by part-body.ts. Which section a heading opens is the template's data (template-rules.ts).
 */
import type { InlineOptions } from '../inline';
import { plainInline } from '../inline';
import { type ImportContext, type ImportedPart, setDoc } from '../result';
import { sectionForHeading } from '../template-rules';
import type { Template, TemplateSection } from '../../templates/schema';
import { romanValue, titleCase } from '../util';
import type { Para } from './endnotes';
import { PartBody } from './part-body';

interface Sections {
  /** The template section a top-level heading opens. */
  top(title: string): TemplateSection | undefined;
  /** The kind of a top-level part the template does not name. */
  otherTop: string;
  /** The first top-level section (what text before any heading belongs to). */
  first: { id: string; title: string };
}

function sectionsOf(template: Template | undefined): Sections {
  const tops = template?.sections ?? [];
  const first = tops[0] ?? { id: 'introduction', title: 'Introduction' };
  return {
    top: (title) => {
      const s = sectionForHeading(template, title);
      return s && tops.includes(s) ? s : undefined;
    },
    otherTop: tops.find((s) => s.repeatable)?.id ?? 'annex',
    first: { id: first.id, title: first.title },
  };
}

export function readOutline(
  paras: Para[],
  ctx: ImportContext,
  template: Template | undefined,
  inline: InlineOptions,
): void {
  const sections = sectionsOf(template);
  // Title block: before the first top-level heading.
  const first = paras.findIndex((p) => /^I\.\s+\S/.test(p.text));
  for (const p of paras.slice(0, Math.max(0, first))) {
    const plain = plainInline(p.text);
    if (/^\[.*\]$/.test(plain)) ctx.meta.symbol = plain.slice(1, -1);
    else if (!ctx.meta.title) ctx.meta.title = titleCase(plain);
    else ctx.meta.subtitle = ctx.meta.subtitle ? `${ctx.meta.subtitle} ${titleCase(plain)}` : titleCase(plain);
  }

  let top = 0;
  let letter = 0;
  let topPart: ImportedPart | null = null;
  /** The template section of the top-level part, when its instances (implementing bodies) are parts of their own. */
  let topSection: TemplateSection | undefined;
  let implementer: ImportedPart | null = null;
  let current: ImportedPart | null = null;
  let body: PartBody | null = null;
  let warnedUnlabelled = false;
  /** Closes the part being read and opens `part`, its body read as an implementing body's or office's when it is one. */
  const open = (part: ImportedPart): void => {
    if (current && body) setDoc(current, body.finish());
    current = part;
    const office = implementer !== null && part !== implementer && part !== topPart;
    body = new PartBody({
      template,
      inline,
      inImplementer: implementer !== null && part !== topPart,
      onCapitalsHeading: (plain, line) => {
        // The IOM's block after the RCM (anatomy §3.1): capitals inside an office, with no label of their own.
        if (warnedUnlabelled || !office) return;
        warnedUnlabelled = true;
        ctx.warn(
          line,
          'UNLABELLED_BLOCK',
          { key: 'unlabelledBlock', values: { text: plain, part: part.title } },
          { partId: part.id },
        );
      },
      onAbsentAnnex: (quote, line) =>
        ctx.warn(line, 'ANNEX_ABSENT', { key: 'annexAbsent.referred' }, { partId: part.id, quote }),
    });
  };

  for (let i = Math.max(0, first); i < paras.length; i++) {
    const p = paras[i]!;
    const plain = plainInline(p.text);
    const short = plain.length < 90;
    // A heading's text without its closing colon (trimmed here, not by a lazy pattern: linear).
    const head = plain.trimEnd().replace(/:$/, '').trimEnd();
    const roman = head.match(/^([IVX]+)\.\s+(\S.*|)$/);
    if (roman && short) {
      const v = romanValue(roman[1]!);
      const section = sections.top(roman[2]!);
      const inImplementer = implementer !== null && current !== topPart;
      // Inside an implementer, "V. Presentation …" is the implementer's own item unless it names a section of the report.
      if ((v === top + 1 || (v === top + 2 && top >= 1)) && (!inImplementer || section)) {
        if (v === top + 2)
          ctx.warn(p.n, 'NUMBERING_GAP', {
            key: 'numberingGap',
            values: { found: roman[1]!, previous: toRomanSimple(top), missing: toRomanSimple(top + 1) },
          });
        top = v;
        implementer = null;
        topPart = ctx.part(null, section?.id ?? sections.otherTop, roman[2]!.trim(), p.n);
        open(topPart);
        topSection = section?.children.length ? section : undefined;
        letter = 0;
        continue;
      }
    }
    const impl = head.match(/^([A-H])\.\s+(\S.*|)$/);
    if (impl && short && topPart && topSection && impl[1]!.charCodeAt(0) - 64 === letter + 1) {
      letter++;
      implementer = ctx.part(topPart, implementerKind(topSection)!, impl[2]!.trim(), p.n);
      open(implementer);
      continue;
    }
    const unit = head.match(/^([A-H])\.(\d)\.?\s+(\S.*|)$/);
    if (unit && implementer && unitKind(topSection) && unit[1]!.charCodeAt(0) - 64 === letter) {
      open(ctx.part(implementer, unitKind(topSection)!, unit[3]!.trim(), p.n));
      continue;
    }
    if (!body) open(ctx.part(null, sections.first.id, sections.first.title, p.n));
    body!.read(p, paras[i + 1]);
  }
  if (current && body) setDoc(current, (body as PartBody).finish());
}

/** The section of the parts inside a top-level part (an implementing body), and of the parts inside those (its offices). */
const implementerKind = (top: TemplateSection | undefined) => top?.children[0]?.id;
const unitKind = (top: TemplateSection | undefined) => top?.children[0]?.children[0]?.id;

const toRomanSimple = (n: number) => ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][n] ?? String(n);
