/**
 * Where the proceedings reader is in the book: the part it writes into, the units and final panel
 * it is inside, the list it is gathering, what it expects next. The rules (outline-rules.ts,
 * content-rules.ts) read a paragraph against it and change it.
 */
import type { DocNode } from '../../model/doc-nodes';
import { footnote, list, text, type ListItemInput } from '../nodes';
import type { PageNote } from '../ocr';
import { type ImportContext, type ImportedPart, setDoc } from '../result';
import { squash } from '../util';
import { shapeConclusions } from './conclusions';
import type { Para } from './paragraphs';
import type { ProceedingsVocabulary } from './vocabulary';

/** A paragraph as the rules see it; a rule that takes the paragraphs after it too moves `i` on. */
export interface At {
  paras: Para[];
  i: number;
  p: Para;
  /** The paragraph's text without note marks, spaces squashed. */
  t: string;
  /** The next paragraph's, or ''. */
  next: string;
}

/** A rule: true when it took the paragraph. */
export type Rule = (r: ProceedingsReader, at: At) => boolean;

/** An annex whose text is read from its lines (the programme, the list of participants). */
export interface AnnexLines {
  kind: string;
  from: number;
  to: number;
}

export class ProceedingsReader {
  current: ImportedPart | null = null;
  /** The lettered part ("A. …") the units go into. */
  part: ImportedPart | null = null;
  unit: ImportedPart | null = null;
  finalPanel: ImportedPart | null = null;
  body: DocNode[] = [];
  items: ListItemInput[] = [];
  listRole: 'plain' | 'highlights' = 'plain';
  partLetter = 0;
  /** The letter the next presentation of the speakers should carry (0 = "a"). */
  presLetter = 0;
  /** A unit's label printed without its title, waiting for it (anatomy §1.5.13). */
  pendingUnit: { label: string; n: number } | null = null;
  /** Past the first lettered part: "Abstract" and "Introduction" no longer open parts. */
  inBody = false;
  inAnnexes = false;
  readonly annexLines: AnnexLines[] = [];
  lastCommentators = new Set<string>();
  /** The notes whose text went into the body. */
  readonly usedNotes = new Set<number>();
  private readonly noteById: Map<number, PageNote>;

  constructor(
    readonly ctx: ImportContext,
    readonly vocab: ProceedingsVocabulary,
    notes: PageNote[],
  ) {
    this.noteById = new Map(notes.map((n) => [n.id, n]));
  }

  /** A paragraph's text to inline nodes, each note mark ("<sup>3</sup>") replaced by its note. */
  inline(s: string): DocNode[] {
    const out: DocNode[] = [];
    let last = 0;
    for (const m of s.matchAll(/<sup>(\d+)<\/sup>/g)) {
      const chunk = s.slice(last, m.index);
      if (chunk) out.push(text(chunk));
      const note = this.noteById.get(Number(m[1]));
      if (note) {
        out.push(footnote(squash(note.text)));
        this.usedNotes.add(note.id);
      }
      last = (m.index ?? 0) + m[0].length;
    }
    const tail = s.slice(last);
    if (tail) out.push(text(tail));
    return out;
  }

  flushList(): void {
    if (this.items.length) this.body.push(list(false, this.items, { role: this.listRole }));
    this.items = [];
  }

  flush(): void {
    this.flushList();
    const c = this.current;
    if (c) setDoc(c, c.kind === 'annex-final-report' ? shapeConclusions(this.body) : this.body);
    this.body = [];
  }

  open(parent: ImportedPart | null, kind: string, title: string, n: number): ImportedPart {
    this.flush();
    const opened = this.ctx.part(parent, kind, title, n);
    this.current = opened;
    this.listRole = kind === 'highlights' ? 'highlights' : 'plain';
    this.presLetter = 0;
    this.lastCommentators = new Set();
    return opened;
  }
}

/** A paragraph's text without its note marks. */
export const plain = (s: string): string => squash(s.replace(/<sup>\d+<\/sup>/g, ''));
