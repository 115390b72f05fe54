/**
 * The outline rule: what each part of a conference is (front matter, body, annex) and the
 * label its heading prints ("A.", "Unit II.", "Session I:", "Annex 2", "Appendix:").
 * The compile step, the outline in the renderer and the editor's heading numbers all call
 * these functions, so the outline shows exactly what the exports print. The labels' words are the
 * template's; shared/templates/localize (templateInDocumentLanguage) puts them in a document's language.
 */
import { documentTerms } from '../i18n/document-terms';
import { formatCounter, type LabelFormat } from '../templates/numbering';
import { findSection, type Template, type TemplateSection } from '../templates/schema';

/** What a part is in the report. */
export type PartRole = 'toc' | 'front' | 'body' | 'annex' | 'annex-container';

/** A part as the rule needs it: the outline's summaries and the compile step's parts both fit. */
export interface OutlinePart {
  id: string;
  parentId: string | null;
  kind: string;
  position?: number;
}

export interface OutlineEntry {
  /** Outline level 1..6 (top-level parts are 1). */
  level: number;
  role: PartRole;
  /** The heading's label as printed; empty when unlabelled. */
  label: string;
  /** The counter behind a template-numbered label (0 when the part is not numbered by the template's levels). */
  counter: number;
  /** Whether headings and paragraphs inside the part's document are numbered (body parts outside annexes). */
  numbersBody: boolean;
  /** Inside an annex or appendix (at any depth). */
  inAnnex: boolean;
}

/** Top-level sections that precede the body and are never numbered (UN practice). */
const FRONT_MATTER =
  /^(cover|imprint|title|title-block|masthead|toc|contents|abstract|foreword|preface|acknowledg\w*|about|executive-summary|disclaimer)$/;
const ANNEX = /(^|-)annex(es)?($|-)/;
export const ANNEX_GENERATORS = new Set(['recommendations-table', 'participants', 'programme']);
/** Annexes whose section names no label of its own. */
export const ANNEX_LABEL: LabelFormat = { style: 'upper-roman', prefix: 'Annex ', suffix: '' };

/** A label naming an annex or an appendix, in any of the document languages ("Annex 1", "Anexo I", "Appendice :"). */
const ANNEX_WORD = new RegExp(
  [
    'annex',
    'appendix',
    ...(['es', 'fr'] as const).flatMap((l) => {
      const words = documentTerms(l).templateWords;
      return [words.annex!, words.appendix!];
    }),
  ].join('|'),
  'iu',
);

/** The role of a section, from the template alone. */
export function sectionRole(section: TemplateSection | undefined, kind: string): PartRole {
  const id = section?.id ?? kind;
  if (section?.generated && ANNEX_GENERATORS.has(section.generated)) return 'annex';
  if (section?.label && ANNEX_WORD.test(section.label.prefix)) return 'annex';
  if (ANNEX.test(id)) return /annexes$/.test(id) && (section?.children.length ?? 0) > 0 ? 'annex-container' : 'annex';
  if (section?.generated === 'toc') return 'toc';
  if (section?.numbered === false || (section?.numbered === undefined && FRONT_MATTER.test(id))) return 'front';
  return 'body';
}

/**
 * A label of a section's own format. A format without a counter prints its words alone
 * ("Appendix:"), as the seeds do.
 */
export function ownLabel(n: number, fmt: LabelFormat): string {
  if (fmt.style === 'none') return `${fmt.prefix}${fmt.suffix}`.trim();
  return `${fmt.prefix}${formatCounter(n, fmt.style)}${fmt.suffix}`;
}

/** A label from the template's per-level numbering ("Unit " + I + "."). */
export function levelLabel(n: number, level: number, template: Template): string {
  const fmt = template.numbering[level - 1];
  if (!fmt || fmt.style === 'none' || n <= 0) return '';
  return `${fmt.prefix}${formatCounter(n, fmt.style)}${fmt.suffix}`;
}

/**
 * Every part's entry, in document order (siblings by `position` when given, else as listed).
 * Rules: a part with its own label format (the section's `label`, or "Annex I" for an
 * annex without one) counts with the consecutive siblings of the same format; a body part
 * counts among its body siblings in the template's numbering of its level; contents are
 * not counted; nothing inside an annex is numbered by the template's levels. An
 * unnumbered section ("Interventions") does not unnumber its children ("Session I:").
 */
export function outlineOf(parts: readonly OutlinePart[], template: Template): Map<string, OutlineEntry> {
  const entries = new Map<string, OutlineEntry>();
  const ids = new Set(parts.map((p) => p.id));
  const children = new Map<string | null, OutlinePart[]>();
  for (const p of parts) {
    const key = p.parentId && ids.has(p.parentId) ? p.parentId : null;
    if (!children.has(key)) children.set(key, []);
    children.get(key)!.push(p);
  }
  const visit = (parentId: string | null, level: number, inAnnex: boolean) => {
    const list = children.get(parentId) ?? [];
    const siblings = list.some((p) => p.position !== undefined)
      ? [...list].sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
      : list;
    let counter = 0;
    let ownCounter = 0;
    let ownKey = '';
    for (const p of siblings) {
      const section = findSection(template.sections, p.kind);
      const role = sectionRole(section, p.kind);
      const own = section?.label ?? (role === 'annex' ? ANNEX_LABEL : undefined);
      let label = '';
      let n = 0;
      if (role === 'toc') {
        ownKey = '';
      } else if (own) {
        const key = JSON.stringify(own);
        ownCounter = key === ownKey ? ownCounter + 1 : 1;
        ownKey = key;
        label = ownLabel(ownCounter, own);
      } else {
        ownKey = '';
        if (role === 'body' && !inAnnex) {
          n = ++counter;
          label = levelLabel(n, level, template);
        }
      }
      const annex = inAnnex || role === 'annex' || role === 'annex-container';
      entries.set(p.id, {
        level: Math.min(6, level),
        role,
        label,
        counter: n,
        numbersBody: role === 'body' && !annex,
        inAnnex: annex,
      });
      visit(p.id, level + 1, annex);
    }
  };
  visit(null, 1, false);
  return entries;
}

/**
 * Whether a part of this kind numbers its document's headings, judged from the template
 * alone (the editor knows its part's section, not the whole tree): its section is body
 * and no enclosing section of the template is an annex.
 */
export function sectionNumbersBody(template: Template, kind: string): boolean {
  const path = sectionPath(template.sections, kind);
  if (!path.length) return false;
  const last = path[path.length - 1]!;
  if (sectionRole(last, last.id) !== 'body') return false;
  return path.every((s) => {
    const r = sectionRole(s, s.id);
    return r !== 'annex' && r !== 'annex-container';
  });
}

function sectionPath(sections: TemplateSection[], id: string): TemplateSection[] {
  for (const s of sections) {
    if (s.id === id) return [s];
    const below = sectionPath(s.children, id);
    if (below.length) return [s, ...below];
  }
  return [];
}

/**
 * Numbers of the headings inside one part's document, in order: an h1 sits one level
 * below its part, and each heading restarts the counts below it.
 */
export class HeadingCounter {
  private readonly counters = [0, 0, 0, 0, 0, 0, 0];
  constructor(
    private readonly partLevel: number,
    private readonly numbered: boolean,
    private readonly template: Template,
  ) {}

  /** The next heading of tag level `tag` (h1 = 1): its outline level, counter and label. */
  next(tag: number): { level: number; counter: number; label: string } {
    const t = Math.max(1, Math.min(6, Math.floor(tag) || 1));
    this.counters[t]! += 1;
    for (let k = t + 1; k < this.counters.length; k++) this.counters[k] = 0;
    const level = Math.min(6, this.partLevel + t);
    const counter = this.numbered ? this.counters[t]! : 0;
    return { level, counter, label: this.numbered ? levelLabel(counter, level, this.template) : '' };
  }
}

/** Labels of a document's headings given their tag levels (the editor and the tests use it). */
export function docHeadingLabels(
  tags: readonly number[],
  partLevel: number,
  numbered: boolean,
  template: Template,
): string[] {
  const c = new HeadingCounter(partLevel, numbered, template);
  return tags.map((t) => c.next(t).label);
}
